using VerifyDispose = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot201>;
using VerifyField = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ClientFieldNeverClosedAnalyzer>;
using VerifyOverwrite = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot205>;
using VerifyPerOperation = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ClientPerOperationAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

/// <summary>
/// The lifetime rules on shapes of public device code (issue 11): HTTP clients, exclusive assignments, closes through
/// collections and pattern aliases, SDK user contexts, MQTTnet clients that target IoT Hub.
/// </summary>
public class LifetimeDeviceShapesTests
{
    private const string Usings = """
        #nullable enable
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        """;

    private const string MqttUsings = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using MQTTnet;

        """;

    private const string CollectionUsings = """
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;

        """;

    // ---- Http1 clients keep no connection: AZIOT201, 202, 203, 205 stay silent ----

    [Fact]
    public async Task Http1Clients_DoNotReport()
    {
        const string source = """
            class Device
            {
                private DeviceClient? _uplink = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5", TransportType.Http1);
                private DeviceClient? _client;

                async Task SendAsync(string cs, Message message)
                {
                    using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Http1);
                    await client.SendEventAsync(message);
                }

                async Task SendEachAsync(string cs, Message[] messages)
                {
                    foreach (var message in messages)
                    {
                        using var client = DeviceClient.CreateFromConnectionString(cs, new ITransportSettings[] { new Http1TransportSettings() });
                        await client.SendEventAsync(message);
                    }
                }

                async Task RefreshAsync(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Http1);
                    await _client.SendEventAsync(new Message());
                }

                async Task RefreshAgainAsync(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Http1);
                    await _client.SendEventAsync(new Message());
                    await _uplink!.SendEventAsync(new Message());
                }
            }
            """;
        await VerifyDispose.VerifyAnalyzerAsync(Usings + source, Libraries.DeviceSdk);
        await VerifyField.VerifyAnalyzerAsync(Usings + source, Libraries.DeviceSdk);
        await VerifyPerOperation.VerifyAnalyzerAsync(Usings + source, Libraries.DeviceSdk);
        await VerifyOverwrite.VerifyAnalyzerAsync(Usings + source, Libraries.DeviceSdk);
    }

    // ---- closes the flow recognises ----

    [Fact]
    public async Task CollectionClosedAllAtOnce_ThenDisposed_DoesNotReport()
    {
        await VerifyDispose.VerifyAnalyzerAsync(CollectionUsings + Usings + """
            sealed class Gateway
            {
                private readonly ConcurrentDictionary<string, DeviceClient> _clients = new();

                public async Task StopAsync()
                {
                    await Task.WhenAll(_clients.Values.Select(c => c.CloseAsync()));
                    foreach (var client in _clients.Values)
                    {
                        client.Dispose();
                    }
                }

                public async Task StopOneByOneAsync(List<DeviceClient> clients)
                {
                    foreach (var client in clients)
                    {
                        await client.CloseAsync();
                    }

                    foreach (var client in clients)
                    {
                        client.Dispose();
                    }
                }
            }
            """, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task FieldClosedThroughAnAliasOrExchange_ThenDisposed_DoesNotReport()
    {
        await VerifyDispose.VerifyAnalyzerAsync(Usings + """
            sealed class Telemetry : IDisposable
            {
                private DeviceClient? _client;
                private DeviceClient? _standby;

                public async Task StopAsync()
                {
                    if (_client is { } client)
                    {
                        await client.CloseAsync();
                    }

                    _client?.Dispose();
                }

                public async Task StopStandbyAsync()
                {
                    var standby = Interlocked.Exchange(ref _standby, null);
                    if (standby != null)
                    {
                        await standby.CloseAsync();
                        standby.Dispose();
                    }
                }

                public void Dispose() { }
            }
            """, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task CollectionDisposedWithoutClose_Reports()
    {
        await VerifyDispose.VerifyAnalyzerAsync(CollectionUsings + Usings + """
            sealed class Gateway
            {
                private readonly ConcurrentDictionary<string, DeviceClient> _clients = new();
                private readonly ConcurrentDictionary<string, DeviceClient> _standby = new();

                public async Task StopAsync()
                {
                    await Task.WhenAll(_standby.Values.Select(c => c.CloseAsync()));
                    foreach (var client in _clients.Values)
                    {
                        {|AZIOT201:client.Dispose()|};
                    }
                }
            }
            """, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task FieldClosedThroughAPatternAlias_DoesNotReport()
    {
        await VerifyField.VerifyAnalyzerAsync(Usings + """
            sealed class Telemetry : IAsyncDisposable
            {
                private DeviceClient? _client;

                public async Task StartAsync(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    await _client.OpenAsync();
                }

                public async ValueTask DisposeAsync()
                {
                    if (_client is { } client)
                    {
                        await client.CloseAsync();
                        client.Dispose();
                    }
                }
            }
            """, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task FieldAsUserContextOfAnSdkHandler_IsNotAHandOff_Reports()
    {
        await VerifyField.VerifyAnalyzerAsync(Usings + """
            sealed class FilterModule
            {
                private ModuleClient? {|AZIOT202:_moduleClient|};

                public async Task InitAsync()
                {
                    _moduleClient = await ModuleClient.CreateFromEnvironmentAsync();
                    await _moduleClient.OpenAsync();
                    await _moduleClient.SetInputMessageHandlerAsync("input1", PipeMessage, _moduleClient);
                }

                private static Task<MessageResponse> PipeMessage(Message message, object userContext) => Task.FromResult(MessageResponse.Completed);
            }
            """, Libraries.DeviceSdk);
    }

    // ---- MQTTnet clients that evidently target IoT Hub: AZIOT202, 203, 205 ----

    [Fact]
    public async Task MqttClients_DisconnectedOrOfAnotherBroker_DoNotReport()
    {
        const string source = """
            sealed class HubPublisher : IDisposable
            {
                private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

                public Task ConnectAsync(string hub, CancellationToken ct)
                    => _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(hub + ".azure-devices.net", 8883).Build(), ct);

                public void Dispose()
                {
                    _client.DisconnectAsync().GetAwaiter().GetResult();
                    _client.Dispose();
                }
            }

            sealed class LocalBroker
            {
                private IMqttClient? _client;

                public async Task ConnectAsync(CancellationToken ct)
                {
                    _client = new MqttClientFactory().CreateMqttClient();
                    await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("localhost", 1883).Build(), ct);
                }

                public async Task ReconnectAsync(CancellationToken ct)
                {
                    _client = new MqttClientFactory().CreateMqttClient();
                    await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("localhost", 1883).Build(), ct);
                }

                public async Task PublishAllAsync(IEnumerable<string> payloads)
                {
                    foreach (var payload in payloads)
                    {
                        using var client = new MqttClientFactory().CreateMqttClient();
                        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("localhost", 1883).Build());
                        await client.PublishStringAsync("telemetry", payload);
                        await client.DisconnectAsync();
                    }
                }
            }
            """;
        await VerifyField.VerifyAnalyzerAsync(MqttUsings + source, Libraries.MqttNet);
        await VerifyPerOperation.VerifyAnalyzerAsync(MqttUsings + source, Libraries.MqttNet);
        await VerifyOverwrite.VerifyAnalyzerAsync(MqttUsings + source, Libraries.MqttNet);
    }

    [Fact]
    public async Task MqttFieldToIotHub_NeverDisconnected_Reports()
    {
        await VerifyField.VerifyAnalyzerAsync(MqttUsings + """
            sealed class HubPublisher
            {
                private readonly IMqttClient {|AZIOT202:_client|} = new MqttClientFactory().CreateMqttClient();

                public Task ConnectAsync(string hub, CancellationToken ct)
                    => _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer($"{hub}.azure-devices.net", 8883).Build(), ct);
            }
            """, Libraries.MqttNet);
    }

    [Fact]
    public async Task MqttClientToIotHub_PerMessageAndOverwritten_Reports()
    {
        const string perMessage = """
            sealed class HubPublisher
            {
                public async Task PublishAllAsync(string hub, IEnumerable<string> payloads)
                {
                    foreach (var payload in payloads)
                    {
                        using var client = {|AZIOT203:new MqttClientFactory().CreateMqttClient()|};
                        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(hub + ".azure-devices.net", 8883).Build());
                        await client.PublishStringAsync("devices/d1/messages/events/", payload);
                        await client.DisconnectAsync();
                    }
                }
            }
            """;
        await VerifyPerOperation.VerifyAnalyzerAsync(MqttUsings + perMessage, Libraries.MqttNet);

        const string overwritten = """
            sealed class HubPublisher
            {
                private IMqttClient? _client;

                public async Task ConnectAsync(CancellationToken ct)
                {
                    {|AZIOT205:_client = new MqttClientFactory().CreateMqttClient()|};
                    await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build(), ct);
                }

                public async Task ReconnectAsync(CancellationToken ct)
                {
                    {|AZIOT205:_client = new MqttClientFactory().CreateMqttClient()|};
                    await _client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build(), ct);
                }
            }
            """;
        await VerifyOverwrite.VerifyAnalyzerAsync(MqttUsings + overwritten, Libraries.MqttNet);
    }

    // ---- AZIOT205: mutually exclusive assignments are not an overwrite of each other ----

    [Fact]
    public async Task Overwrite_IfElseArms_AndSwitchSections_DoNotReport()
    {
        await VerifyOverwrite.VerifyAnalyzerAsync(Usings + """
            class Device
            {
                private DeviceClient? _client;
                private ModuleClient? _module;

                public async Task StartAsync(string cs, bool preferAmqp)
                {
                    if (preferAmqp)
                    {
                        _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Amqp);
                    }
                    else
                    {
                        _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    }

                    await _client.OpenAsync();
                }

                public async Task StartModuleAsync(string cs, string transport)
                {
                    switch (transport)
                    {
                        case "amqp":
                            _module = ModuleClient.CreateFromConnectionString(cs, TransportType.Amqp_Tcp_Only);
                            break;
                        case "websocket":
                            _module = ModuleClient.CreateFromConnectionString(cs, TransportType.Mqtt_WebSocket_Only);
                            break;
                        default:
                            _module = ModuleClient.CreateFromConnectionString(cs, TransportType.Mqtt_Tcp_Only);
                            break;
                    }

                    await _module.OpenAsync();
                }

                public async Task<DeviceClient> GetAsync(string cs)
                {
                    _client ??= DeviceClient.CreateFromConnectionString(cs);
                    await _client.OpenAsync();
                    return _client;
                }
            }
            """, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Overwrite_InBothArmsInsideALoop_Reports()
    {
        await VerifyOverwrite.VerifyAnalyzerAsync(Usings + """
            class Device
            {
                private DeviceClient? _client;

                public async Task RunAsync(string cs, bool preferAmqp, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        if (preferAmqp)
                        {
                            {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs, TransportType.Amqp)|};
                        }
                        else
                        {
                            {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt)|};
                        }

                        await _client.OpenAsync(ct);
                    }
                }
            }
            """, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Overwrite_AnotherUnguardedSite_StillReportsEveryArm()
    {
        await VerifyOverwrite.VerifyAnalyzerAsync(Usings + """
            class Device
            {
                private DeviceClient? _client;

                public async Task StartAsync(string cs, bool preferAmqp)
                {
                    if (preferAmqp)
                    {
                        {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs, TransportType.Amqp)|};
                    }
                    else
                    {
                        {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt)|};
                    }

                    await _client.OpenAsync();
                }

                public async Task SwitchToMqttAsync(string cs)
                {
                    {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt_WebSocket_Only)|};
                    await _client.OpenAsync();
                }
            }
            """, Libraries.DeviceSdk);
    }
}
