using System.Linq;
using IotHubGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// The one place that maps MQTTnet 4.x and 5.x names (KnownSymbols): both majors resolve the same roles, and the
/// 4.3 stand-in really is the 4.x shape (assembly MQTTnet 4.3.7.1207, client types in MQTTnet.Client).
/// </summary>
public class KnownSymbolsMqttNetTests
{
    [Fact]
    public void MqttNet4Standin_IsTheFourPointThreeShape()
    {
        var compilation = Compile("class C { }", Libraries.MqttNet4);
        var assembly = compilation.GetTypeByMetadataName("MQTTnet.Client.IMqttClient")?.ContainingAssembly;

        Assert.NotNull(assembly);
        Assert.Equal("MQTTnet", assembly!.Identity.Name);
        Assert.Equal(new System.Version(4, 3, 7, 1207), assembly.Identity.Version);
        Assert.NotNull(compilation.GetTypeByMetadataName("MQTTnet.MqttFactory"));
        Assert.Null(compilation.GetTypeByMetadataName("MQTTnet.IMqttClient"));
        Assert.Null(compilation.GetTypeByMetadataName("MQTTnet.MqttClientFactory"));
    }

    [Theory]
    [InlineData(Libraries.MqttNet, "MQTTnet.MqttClientFactory", "MQTTnet.IMqttClient")]
    [InlineData(Libraries.MqttNet4, "MQTTnet.MqttFactory", "MQTTnet.Client.IMqttClient")]
    public void BothMajors_ResolveTheSameRoles(Libraries libraries, string factory, string client)
    {
        var symbols = KnownSymbols.Create(Compile("class C { }", libraries));

        Assert.True(symbols.HasMqttNet);
        Assert.Equal(factory, symbols.MqttClientFactory?.ToDisplayString());
        Assert.Equal(client, symbols.IMqttClient?.ToDisplayString());
        Assert.NotNull(symbols.MqttClientOptionsBuilder);
        Assert.NotNull(symbols.MqttClientCredentials);
        Assert.NotNull(symbols.IMqttClientCredentialsProvider);
        Assert.NotNull(symbols.MqttClientDisconnectOptions);
        Assert.NotNull(symbols.MqttClientTcpOptions);
        Assert.NotNull(symbols.MqttClient);
    }

    [Theory]
    [InlineData(Libraries.MqttNet, "using MQTTnet;", "MqttClientFactory")]
    [InlineData(Libraries.MqttNet4, "using MQTTnet; using MQTTnet.Client;", "MqttFactory")]
    public void IsMqttClientCreation_SeesFactoryCalls_NotOtherCalls(Libraries libraries, string usings, string factory)
    {
        var compilation = Compile(
            usings + "\nclass C { object M(" + factory + " f) { var a = f.CreateMqttClient(); var b = new " + factory + "().CreateMqttClient(); var o = new MqttClientOptionsBuilder(); return o; } }",
            libraries);
        var symbols = KnownSymbols.Create(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var operations = tree.GetRoot().DescendantNodes()
            .Select(n => model.GetOperation(n))
            .Where(o => o is IInvocationOperation or IObjectCreationOperation)
            .ToArray();

        var creations = operations.Where(symbols.IsMqttClientCreation).Select(o => o!.Syntax.ToString()).ToArray();

        Assert.Equal(new[] { "f.CreateMqttClient()", "new " + factory + "().CreateMqttClient()" }, creations);
    }

    private static CSharpCompilation Compile(string source, Libraries libraries)
    {
        var compilation = CSharpCompilation.Create(
            "Probe",
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestReferences.For(libraries),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
