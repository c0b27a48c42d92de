using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers.Tests.Infrastructure;

/// <summary><see cref="ReleaseModel"/>'s third client family: Microsoft.Azure.Iot.Device's connection client.</summary>
public class ReleaseModelIotDeviceTests
{
    [Theory]
    [InlineData("DisconnectAsync", "Close")]
    [InlineData("Dispose", "Dispose")]
    [InlineData("CloseAsync", "None")]
    [InlineData("DisposeAsync", "None")]
    public void KindOfName_ForTheConnectionClient(string method, string expected)
        => Assert.Equal(Enum.Parse<ReleaseKind>(expected), ReleaseModel.KindOfName(ClientFamily.IotDevice, method));

    [Fact]
    public void FamilyOf_TracksConnectionClients_NotTheInterfaceNorFeatureClients_AndKindOfJudgesTheirCalls()
    {
        var compilation = CSharpCompilation.Create(
            "Flow",
            new[]
            {
                CSharpSyntaxTree.ParseText("""
                    using System.Threading;
                    using System.Threading.Tasks;
                    using Microsoft.Azure.Iot.Device.Unified.Connection;

                    class Device
                    {
                        async Task Run(ConnectionClient client, CancellationToken token)
                        {
                            await client.DisconnectAsync(token);
                            client.Dispose();
                            client.Dispose(true);
                            client.GetCurrentConnectionContext();
                        }
                    }
                    """),
            },
            TestReferences.For(Libraries.IotDevice),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var model = ReleaseModel.For(KnownSymbols.Create(compilation));

        Assert.Equal(ClientFamily.IotDevice, model.FamilyOf(compilation.GetTypeByMetadataName("Microsoft.Azure.Iot.Device.Unified.Connection.ConnectionClient")));
        Assert.Equal(ClientFamily.IotDevice, model.FamilyOf(compilation.GetTypeByMetadataName("Microsoft.Azure.Iot.Device.AbstractConnectionClient")));
        Assert.Equal(ClientFamily.None, model.FamilyOf(compilation.GetTypeByMetadataName("Microsoft.Azure.Iot.Device.Unified.Connection.IConnectionClient")));
        Assert.Equal(ClientFamily.None, model.FamilyOf(compilation.GetTypeByMetadataName("Microsoft.Azure.Iot.Device.Unified.Telemetry.TelemetryClient")));
        Assert.Equal("DisconnectAsync", ReleaseModel.CloseMethodOf(ClientFamily.IotDevice));
        Assert.Equal("CloseAsync", ReleaseModel.CloseMethodOf(ClientFamily.DeviceSdk));

        var tree = compilation.SyntaxTrees.Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var kinds = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(i => (IInvocationOperation)semanticModel.GetOperation(i)!)
            .Select(i => model.KindOf(i, ClientFamily.IotDevice))
            .ToArray();
        Assert.Equal(new[] { ReleaseKind.Close, ReleaseKind.Dispose, ReleaseKind.None, ReleaseKind.None }, kinds);
    }
}
