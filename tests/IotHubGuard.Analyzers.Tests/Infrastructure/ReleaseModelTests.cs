using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers.Tests.Infrastructure;

/// <summary>What <see cref="ReleaseModel"/> and its syntactic half decide, on their own.</summary>
public class ReleaseModelTests
{
    [Theory]
    [InlineData("DeviceSdk", "CloseAsync", "Close")]
    [InlineData("DeviceSdk", "DisposeAsync", "Close")]
    [InlineData("DeviceSdk", "Dispose", "Dispose")]
    [InlineData("DeviceSdk", "DisconnectAsync", "None")]
    [InlineData("Mqtt", "DisconnectAsync", "Close")]
    [InlineData("Mqtt", "TryDisconnectAsync", "Close")]
    [InlineData("Mqtt", "Dispose", "Dispose")]
    [InlineData("Mqtt", "CloseAsync", "None")]
    [InlineData("None", "Dispose", "None")]
    public void KindOfName_IsPerFamily(string family, string method, string expected)
        => Assert.Equal(Enum.Parse<ReleaseKind>(expected), ReleaseModel.KindOfName(Enum.Parse<ClientFamily>(family), method));

    [Fact]
    public void CallsIn_FindsMemberAccessThisAndConditionalReceivers()
    {
        var body = SyntaxFactory.ParseStatement("""
            {
                a.CloseAsync();
                this.b.Dispose();
                c?.DisconnectAsync();
                (d).DisposeAsync();
                e.SendEventAsync();
                f.g.Dispose();
                Dispose();
            }
            """);
        var calls = ReleaseSyntax.CallsIn(body).Select(c => c.Identifier + "." + c.Method).ToArray();
        Assert.Equal(new[] { "a.CloseAsync", "b.Dispose", "c.DisconnectAsync", "d.DisposeAsync" }, calls);
    }

    [Fact]
    public void KindFor_TakesTheStrongestReleaseOfTheIdentifier()
    {
        var calls = ReleaseSyntax.CallsIn(SyntaxFactory.ParseStatement("{ x.Dispose(); x.CloseAsync(); y.Dispose(); }"));
        Assert.Equal(ReleaseKind.Close, ReleaseSyntax.KindFor(calls, "x", ClientFamily.DeviceSdk));
        Assert.Equal(ReleaseKind.Dispose, ReleaseSyntax.KindFor(calls, "x", ClientFamily.Mqtt));
        Assert.Equal(ReleaseKind.Dispose, ReleaseSyntax.KindFor(calls, "y", ClientFamily.DeviceSdk));
        Assert.Equal(ReleaseKind.None, ReleaseSyntax.KindFor(calls, "z", ClientFamily.DeviceSdk));
    }

    [Fact]
    public void KindOf_JudgesTheCallAgainstTheClientFamily()
    {
        var compilation = FlowHarness.Compile("""
            class Device
            {
                async Task Run(DeviceClient sdk, IMqttClient mqtt, CancellationToken token)
                {
                    await sdk.CloseAsync(token);
                    sdk.Dispose();
                    await mqtt.DisconnectAsync();
                    mqtt.Dispose();
                    await sdk.OpenAsync();
                }
            }
            """);
        var model = FlowHarness.ModelOf(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var kinds = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(i => (IInvocationOperation)semanticModel.GetOperation(i)!)
            .Select(i => model.KindOf(i, model.FamilyOf(ReleaseModel.ClientOperand(i)!.Type)))
            .ToArray();
        Assert.Equal(new[] { ReleaseKind.Close, ReleaseKind.Dispose, ReleaseKind.Close, ReleaseKind.Dispose, ReleaseKind.None }, kinds);
    }

    [Fact]
    public void FamilyOf_KnowsBothLibraries_AndNothingElse()
    {
        var compilation = FlowHarness.Compile("class C { }");
        var model = FlowHarness.ModelOf(compilation);
        Assert.Equal(ClientFamily.DeviceSdk, model.FamilyOf(compilation.GetTypeByMetadataName("Microsoft.Azure.Devices.Client.ModuleClient")));
        Assert.Equal(ClientFamily.Mqtt, model.FamilyOf(compilation.GetTypeByMetadataName("MQTTnet.MqttClient")));
        Assert.Equal(ClientFamily.None, model.FamilyOf(compilation.GetSpecialType(SpecialType.System_Object)));
        Assert.Same(model, FlowHarness.ModelOf(compilation));
    }

    [Theory]
    [InlineData("DeviceClient.CreateFromConnectionString(cs)", true)]
    [InlineData("await Task.FromResult(DeviceClient.CreateFromConnectionString(cs))", true)]
    [InlineData("given", false)]
    [InlineData("null", false)]
    public void IsNewClient_IsACallOrConstruction(string value, bool expected)
    {
        var compilation = FlowHarness.Compile($$"""
            class Device
            {
                async Task Run(string cs, DeviceClient given)
                {
                    DeviceClient? client = {{value}};
                }
            }
            """);
        var tree = compilation.SyntaxTrees.Single();
        var initializer = tree.GetRoot().DescendantNodes().OfType<EqualsValueClauseSyntax>().Single();
        var operation = compilation.GetSemanticModel(tree).GetOperation(initializer.Value)!;
        Assert.Equal(expected, ReleaseModel.IsNewClient(operation));
    }

    [Fact]
    public void FactBits_RoundTripEveryFactOfEveryVariable()
    {
        for (var index = 0; index < FactBits.Capacity; index++)
        {
            var all = ReleaseFacts.Closed | ReleaseFacts.Ended | ReleaseFacts.Settled | ReleaseFacts.OpenCreatedHere;
            Assert.Equal(all, FactBits.FactsOf(FactBits.Mask(index, all), index));
            Assert.Equal(ReleaseFacts.None, FactBits.FactsOf(FactBits.Mask(index, all), (index + 1) % FactBits.Capacity));
        }
    }

    [Fact]
    public void FlowEffects_ReleaseClearsOpen_AssignClearsReleased()
    {
        var created = FlowEffect.Assign(3, createsClient: true).Apply(FactBits.All);
        Assert.Equal(ReleaseFacts.OpenCreatedHere, FactBits.FactsOf(created, 3));
        Assert.Equal(ReleaseFacts.Closed | ReleaseFacts.Ended | ReleaseFacts.Settled | ReleaseFacts.OpenCreatedHere, FactBits.FactsOf(created, 2));

        Assert.Equal(ReleaseFacts.Ended | ReleaseFacts.Settled, FactBits.FactsOf(FlowEffect.Release(3, ReleaseKind.Dispose).Apply(created), 3));
        Assert.Equal(ReleaseFacts.Settled, FactBits.FactsOf(FlowEffect.Release(3, ReleaseKind.HandOff).Apply(created), 3));
        Assert.Equal(ReleaseFacts.None, FactBits.FactsOf(FlowEffect.Assign(3, createsClient: false).Apply(created), 3));
    }
}
