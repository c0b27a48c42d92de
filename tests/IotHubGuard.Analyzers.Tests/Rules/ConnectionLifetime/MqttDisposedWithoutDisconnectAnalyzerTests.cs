using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot204>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class MqttDisposedWithoutDisconnectAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using MQTTnet;

        """;

    private static Task VerifyAsync(string body) => VerifyAnalyzer.VerifyAnalyzerAsync(Usings + body, Libraries.MqttNet);

    [Fact]
    public async Task UsingDeclaration_WithoutDisconnect_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task PublishAsync(MqttClientOptions options, string topic, CancellationToken ct)
                {
                    {|AZIOT204:using var client = new MqttClientFactory().CreateMqttClient();|}
                    await client.ConnectAsync(options, ct);
                    await client.PublishStringAsync(topic, "{}", cancellationToken: ct);
                }
            }
            """);
    }

    [Fact]
    public async Task UsingStatement_WithoutDisconnect_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task PublishAsync(MqttClientFactory factory, MqttClientOptions options)
                {
                    {|AZIOT204:using (var client = factory.CreateMqttClient())|}
                    {
                        await client.ConnectAsync(options);
                        await client.PublishStringAsync("devices/d1/messages/events/", "{}");
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ExplicitDispose_WithoutDisconnect_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task PublishAsync(IMqttClient client, MqttClientOptions options)
                {
                    await client.ConnectAsync(options);
                    await client.PublishStringAsync("devices/d1/messages/events/", "{}");
                    {|AZIOT204:client.Dispose()|};
                }
            }
            """);
    }

    [Theory]
    [InlineData("await client.DisconnectAsync();")]
    [InlineData("await client.DisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection);")]
    [InlineData("await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);")]
    [InlineData("await client.TryDisconnectAsync();")]
    [InlineData("await MqttClientExtensions.DisconnectAsync(client);")]
    public async Task DisconnectBeforeDispose_DoesNotReport(string disconnect)
    {
        await VerifyAsync($$"""
            class Device
            {
                async Task PublishAsync(MqttClientOptions options)
                {
                    using var client = new MqttClientFactory().CreateMqttClient();
                    await client.ConnectAsync(options);
                    await client.PublishStringAsync("devices/d1/messages/events/", "{}");
                    {{disconnect}}
                }
            }
            """);
    }

    [Fact]
    public async Task DisconnectInFinally_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task PublishAsync(MqttClientOptions options, bool skip)
                {
                    using var client = new MqttClientFactory().CreateMqttClient();
                    await client.ConnectAsync(options);
                    try
                    {
                        if (skip)
                        {
                            return;
                        }

                        await client.PublishStringAsync("devices/d1/messages/events/", "{}");
                    }
                    finally
                    {
                        await client.DisconnectAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DisconnectOnlyWhenConnected_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task StopAsync(IMqttClient client)
                {
                    if (client.IsConnected)
                    {
                        await client.DisconnectAsync();
                    }

                    client.Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task EarlyReturnBeforeDisconnect_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task PublishAsync(MqttClientOptions options, string? payload)
                {
                    {|AZIOT204:using var client = new MqttClientFactory().CreateMqttClient();|}
                    await client.ConnectAsync(options);
                    if (payload is null)
                    {
                        return;
                    }

                    await client.PublishStringAsync("devices/d1/messages/events/", payload);
                    await client.DisconnectAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task DisconnectThroughSourceHelper_DoesNotReport()
    {
        await VerifyAsync("""
            static class Session
            {
                public static async Task RunAsync(IMqttClient client, MqttClientOptions options)
                {
                    await client.ConnectAsync(options);
                    try
                    {
                        await client.PublishStringAsync("devices/d1/messages/events/", "{}");
                    }
                    finally
                    {
                        await client.DisconnectAsync();
                    }
                }
            }

            class Device
            {
                async Task RunAsync(MqttClientOptions options)
                {
                    using var client = new MqttClientFactory().CreateMqttClient();
                    await Session.RunAsync(client, options);
                }
            }
            """);
    }

    [Fact]
    public async Task FieldDisconnectedByStopAsync_DisposedInDispose_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class Telemetry : IDisposable
            {
                private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

                public Task StopAsync() => _client.DisconnectAsync();

                public void Dispose() => _client.Dispose();
            }
            """);
    }

    [Fact]
    public async Task FieldNeverDisconnected_DisposedInDispose_Reports()
    {
        await VerifyAsync("""
            sealed class Telemetry : IDisposable
            {
                private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

                public Task StartAsync(MqttClientOptions options) => _client.ConnectAsync(options);

                public void Dispose() => {|AZIOT204:_client.Dispose()|};
            }
            """);
    }

    [Fact]
    public async Task HubTargetedInTheSameMethod_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task PublishAsync(string hub, string deviceId)
                {
                    var options = new MqttClientOptionsBuilder()
                        .WithTcpServer($"{hub}.azure-devices.net", 8883)
                        .WithClientId(deviceId)
                        .Build();
                    {|AZIOT204:using var client = new MqttClientFactory().CreateMqttClient();|}
                    await client.ConnectAsync(options);
                }
            }
            """);
    }

    [Theory]
    [InlineData(".WithTcpServer(\"localhost\", 1883)")]
    [InlineData(".WithTcpServer(\"broker.hivemq.com\")")]
    [InlineData(".WithConnectionUri(\"mqtt://192.168.1.10:1883\")")]
    public async Task AnotherBrokerInTheSameMethod_DoesNotReport(string server)
    {
        await VerifyAsync($$"""
            class Device
            {
                async Task PublishAsync()
                {
                    var options = new MqttClientOptionsBuilder(){{server}}.Build();
                    using var client = new MqttClientFactory().CreateMqttClient();
                    await client.ConnectAsync(options);
                }
            }
            """);
    }

    [Fact]
    public async Task SdkClients_AreNotThisRule()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            """
            using Microsoft.Azure.Devices.Client;
            class Device
            {
                void Stop(DeviceClient client) => client.Dispose();
            }
            """,
            Libraries.All);
    }

    [Fact]
    public async Task Message_NamesTheClient()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            Usings + """
            class Device
            {
                void Stop(IMqttClient hubClient) => {|#0:hubClient.Dispose()|};
            }
            """,
            Libraries.MqttNet,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT204").WithLocation(0).WithArguments("hubClient"));
    }
}
