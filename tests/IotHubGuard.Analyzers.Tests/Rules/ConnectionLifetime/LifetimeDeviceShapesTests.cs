using VerifyOverwrite = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot205>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

/// <summary>The lifetime rules on shapes of public device code (issue 11): exclusive assignments, HTTP clients.</summary>
public class LifetimeDeviceShapesTests
{
    private const string Usings = """
        #nullable enable
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        """;

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
