using System.Linq;

namespace IotHubGuard.Analyzers.Tests.Infrastructure;

/// <summary>The facts <see cref="ReleaseFlow"/> computes, on their own (no rule, no diagnostics).</summary>
public class ReleaseFlowTests
{
    [Fact]
    public void CreatedAndUsed_IsOpenCreatedHere_AndNothingElse()
    {
        var facts = FactsAtProbe("""
            var client = DeviceClient.CreateFromConnectionString(cs);
            await client.OpenAsync();
            Probe(client);
            """);
        Assert.Equal(ReleaseFacts.OpenCreatedHere, facts);
    }

    [Fact]
    public void AfterCloseAsync_IsClosedEndedSettled()
    {
        var facts = FactsAtProbe("""
            var client = DeviceClient.CreateFromConnectionString(cs);
            await client.CloseAsync();
            Probe(client);
            """);
        Assert.Equal(ReleaseFacts.Closed | ReleaseFacts.Ended | ReleaseFacts.Settled, facts);
    }

    [Fact]
    public void AfterDispose_IsEndedButNotClosed()
    {
        var facts = FactsAtProbe("""
            var client = DeviceClient.CreateFromConnectionString(cs);
            client.Dispose();
            Probe(client);
            """);
        Assert.Equal(ReleaseFacts.Ended | ReleaseFacts.Settled, facts);
    }

    [Fact]
    public void ClosedOnOneBranchOnly_IsNeitherClosedNorOpenOnEveryPath()
    {
        var facts = FactsAtProbe("""
            var client = DeviceClient.CreateFromConnectionString(cs);
            if (cs.Length > 3)
            {
                await client.CloseAsync();
            }

            Probe(client);
            """);
        Assert.Equal(ReleaseFacts.None, facts);
    }

    [Fact]
    public void NullTest_MakesTheOtherBranchNotOpen()
    {
        var facts = FactsAtProbe("""
            var client = cs.Length > 3 ? DeviceClient.CreateFromConnectionString(cs) : null;
            if (client != null)
            {
                await client.CloseAsync();
            }

            Probe(client);
            """);
        Assert.True(facts.HasFlag(ReleaseFacts.Closed));
    }

    [Fact]
    public void CloseInFinally_HoldsAfterTheTry()
    {
        var facts = FactsAtProbe("""
            var client = DeviceClient.CreateFromConnectionString(cs);
            try
            {
                await client.OpenAsync();
            }
            finally
            {
                await client.CloseAsync();
            }

            Probe(client);
            """);
        Assert.True(facts.HasFlag(ReleaseFacts.Closed));
    }

    [Fact]
    public void SourceHelperThatClosesItsParameter_Closes()
    {
        var facts = FactsAtProbe(
            """
            var client = DeviceClient.CreateFromConnectionString(cs);
            await ShutdownAsync(client);
            Probe(client);
            """,
            "static async Task ShutdownAsync(DeviceClient c) { await c.CloseAsync(); c.Dispose(); }");
        Assert.True(facts.HasFlag(ReleaseFacts.Closed));
    }

    [Fact]
    public void SourceHelperThatOnlyDisposes_EndsButDoesNotClose()
    {
        var facts = FactsAtProbe(
            """
            var client = DeviceClient.CreateFromConnectionString(cs);
            Drop(client);
            Probe(client);
            """,
            "static void Drop(DeviceClient c) => c.Dispose();");
        Assert.Equal(ReleaseFacts.Ended | ReleaseFacts.Settled, facts);
    }

    [Fact]
    public void MemberHelperOfTheSameType_ReleasesTheField()
    {
        var facts = FactsAtProbe(
            """
            await StopAsync();
            Probe(_client);
            """,
            """
            DeviceClient? _client;
            async Task StopAsync() { if (_client != null) await _client.CloseAsync(); }
            """);
        Assert.True(facts.HasFlag(ReleaseFacts.Closed));
    }

    [Fact]
    public void MqttDisconnect_Closes_AndMqttDispose_OnlyEnds()
    {
        var disconnected = FactsAtProbe("""
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            await client.DisconnectAsync();
            Probe(client);
            """);
        var disposed = FactsAtProbe("""
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            client.Dispose();
            Probe(client);
            """);
        Assert.True(disconnected.HasFlag(ReleaseFacts.Closed));
        Assert.Equal(ReleaseFacts.Ended | ReleaseFacts.Settled, disposed);
    }

    [Fact]
    public void MqttIsConnectedFalse_IsNotOpen()
    {
        var facts = FactsAtProbe("""
            IMqttClient client = new MqttClientFactory().CreateMqttClient();
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }

            Probe(client);
            """);
        Assert.True(facts.HasFlag(ReleaseFacts.Closed));
    }

    [Fact]
    public void ParameterAtEntry_IsUnknown_NotCreatedHere()
    {
        var result = FlowHarness.Analyze(Wrap("Probe(given);", parameters: ", DeviceClient given"));
        Assert.Equal(ReleaseFacts.None, result.Checkpoints.Single().Facts);
        Assert.False(result.Checkpoints.Single().IsOwnLocal);
    }

    [Fact]
    public void Exits_ReportEveryTrackedVariable_WithItsFactsAtTheEnd()
    {
        var result = FlowHarness.Analyze(Wrap("""
            var kept = DeviceClient.CreateFromConnectionString(cs);
            var closed = DeviceClient.CreateFromConnectionString(cs);
            await closed.CloseAsync();
            await kept.OpenAsync();
            """));
        var exits = result.Exits.ToDictionary(e => e.Symbol.Name);
        Assert.Equal(ReleaseFacts.OpenCreatedHere, exits["kept"].Facts);
        Assert.True(exits["closed"].Has(ReleaseFacts.Closed | ReleaseFacts.Settled));
        Assert.All(result.Exits, e => Assert.True(e.IsOwnLocal));
    }

    [Fact]
    public void LambdasAndLocalFunctions_AreGraphsOfTheirOwn()
    {
        var result = FlowHarness.Analyze(Wrap("""
            var client = DeviceClient.CreateFromConnectionString(cs);
            Func<Task> close = async () => await client.CloseAsync();
            await CloseLocal();
            Probe(client);

            async Task CloseLocal() => await client.CloseAsync();
            """));
        Assert.Equal(3, result.GraphCount);
        Assert.True(result.Checkpoints.Single().Has(ReleaseFacts.Closed));
    }

    [Fact]
    public void MethodWithoutClients_TracksNothing()
    {
        var result = FlowHarness.Analyze(Wrap("Probe(cs);"));
        Assert.Empty(result.Checkpoints);
        Assert.Empty(result.Exits);
    }

    private static ReleaseFacts FactsAtProbe(string body, string members = "") => FlowHarness.FactsAtProbe(Wrap(body, members));

    private static string Wrap(string body, string members = "", string parameters = "")
        => "class Device\n{\n" + members + "\nstatic void Probe(object? value) { }\n\nasync Task Run(string cs" + parameters + ")\n{\n" + body + "\n}\n}\n";
}
