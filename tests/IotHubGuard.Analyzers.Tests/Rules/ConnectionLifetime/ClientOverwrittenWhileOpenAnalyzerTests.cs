using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot205>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class ClientOverwrittenWhileOpenAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        """;

    private static Task VerifyAsync(string body) => VerifyAnalyzer.VerifyAnalyzerAsync(Usings + body, Libraries.DeviceSdk);

    [Fact]
    public async Task FieldReassignedInReconnect_WithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient? _client;

                public async Task StartAsync(string cs)
                {
                    {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs)|};
                    await _client.OpenAsync();
                }

                public async Task ReconnectAsync(string cs)
                {
                    {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs)|};
                    await _client.OpenAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task FieldClosedAndDisposedBeforeReassignment_DoesNotReport()
    {
        // The SDK's DeviceReconnectionSample.
        await VerifyAsync("""
            using Microsoft.Azure.Devices.Client.Exceptions;

            class Device
            {
                private static DeviceClient? s_deviceClient;

                public static async Task InitializeAsync(string cs, CancellationToken ct)
                {
                    s_deviceClient = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    await s_deviceClient.OpenAsync(ct);
                }

                public static async Task ReinitializeAsync(string cs, CancellationToken ct)
                {
                    if (s_deviceClient != null)
                    {
                        try
                        {
                            await s_deviceClient.CloseAsync(ct);
                        }
                        catch (UnauthorizedException)
                        {
                        }

                        s_deviceClient.Dispose();
                    }

                    s_deviceClient = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    await s_deviceClient.OpenAsync(ct);
                }
            }
            """);
    }

    [Fact]
    public async Task NullGuardedCreation_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient? _client;
                private readonly string _cs = "";

                public async Task EnsureAsync()
                {
                    if (_client == null)
                    {
                        _client = DeviceClient.CreateFromConnectionString(_cs);
                    }

                    await _client.OpenAsync();
                }

                public void Reset()
                {
                    _client?.Dispose();
                    _client = DeviceClient.CreateFromConnectionString(_cs);
                }
            }
            """);
    }

    [Fact]
    public async Task OnlyAssignment_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient? _client;

                public async Task StartAsync(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs);
                    await _client.OpenAsync();
                }

                public async Task StopAsync()
                {
                    if (_client is null) return;
                    await _client.CloseAsync();
                    _client.Dispose();
                    _client = null;
                }
            }
            """);
    }

    [Fact]
    public async Task ConstructorAndInitializer_DoNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public Device(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs);
                }

                public async Task SwapAsync(string cs)
                {
                    await _client.CloseAsync();
                    _client.Dispose();
                    _client = DeviceClient.CreateFromConnectionString(cs);
                }
            }
            """);
    }

    [Fact]
    public async Task FieldAssignedOnceInALoop_WithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient? _client;

                public async Task RunAsync(string cs, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs)|};
                        await _client.OpenAsync(ct);
                        await Task.Delay(60_000, ct);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ReconnectLoop_ClosesPreviousClient_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                public async Task RunAsync(string cs, CancellationToken ct)
                {
                    DeviceClient? client = null;
                    while (!ct.IsCancellationRequested)
                    {
                        if (client != null)
                        {
                            await client.CloseAsync(ct);
                            client.Dispose();
                        }

                        client = DeviceClient.CreateFromConnectionString(cs);
                        await client.OpenAsync(ct);
                        await Task.Delay(60_000, ct);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LocalReassignedWithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                public async Task SwitchAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Amqp);
                    await client.OpenAsync();
                    {|AZIOT205:client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt)|};
                    await client.OpenAsync();
                    await client.CloseAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task LocalReassignedOnOneBranchAfterClose_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                public async Task SwitchAsync(string cs, bool useMqtt)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Amqp);
                    if (useMqtt)
                    {
                        await client.CloseAsync();
                        client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    }

                    await client.OpenAsync();
                    await client.CloseAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task LocalAssignedInLoop_WithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                public async Task RunAsync(string cs, CancellationToken ct)
                {
                    DeviceClient? client = null;
                    while (!ct.IsCancellationRequested)
                    {
                        {|AZIOT205:client = DeviceClient.CreateFromConnectionString(cs)|};
                        await client.OpenAsync(ct);
                    }

                    client?.Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task LocalDeclaredInsideTheLoop_IsNotAnOverwrite()
    {
        await VerifyAsync("""
            class Device
            {
                public async Task RunAsync(string[] connectionStrings)
                {
                    foreach (var cs in connectionStrings)
                    {
                        var client = DeviceClient.CreateFromConnectionString(cs);
                        await client.OpenAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ProtocolSwitchInHandler_WithoutClose_Reports()
    {
        // The XamarinSample shape: the client is re-created on a protocol switch without Close/Dispose.
        await VerifyAsync("""
            class MainPage
            {
                private DeviceClient _deviceClient;
                private readonly string _cs;

                public MainPage(string cs)
                {
                    _cs = cs;
                    _deviceClient = DeviceClient.CreateFromConnectionString(cs, TransportType.Amqp);
                }

                public void OnProtocolChanged(TransportType transport)
                {
                    {|AZIOT205:_deviceClient = DeviceClient.CreateFromConnectionString(_cs, transport)|};
                }
            }
            """);
    }

    [Fact]
    public async Task CapturedLocal_ReassignedInStatusHandler_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                public async Task RunAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    client.SetConnectionStatusChangesHandler((status, reason) =>
                    {
                        if (status == ConnectionStatus.Disconnected)
                        {
                            {|AZIOT205:client = DeviceClient.CreateFromConnectionString(cs)|};
                        }
                    });
                    await client.OpenAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task AwaitedFactory_IsANewClient()
    {
        await VerifyAsync("""
            class Module
            {
                private ModuleClient? _client;

                public async Task StartAsync()
                {
                    {|AZIOT205:_client = await ModuleClient.CreateFromEnvironmentAsync()|};
                }

                public async Task RestartAsync()
                {
                    {|AZIOT205:_client = await ModuleClient.CreateFromEnvironmentAsync()|};
                }
            }
            """);
    }

    [Fact]
    public async Task AssigningAnExistingClient_IsNotANewConnection()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient? _client;
                private DeviceClient? _standby;

                public void Promote(DeviceClient replacement)
                {
                    _client = _standby;
                    _client = replacement;
                }
            }
            """);
    }

    [Fact]
    public async Task CoalesceAssignment_OnlyCreatesWhenNull_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient? _client;

                public DeviceClient Get(string cs) => _client ??= DeviceClient.CreateFromConnectionString(cs);

                public async Task RunAsync(string cs, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        _client ??= DeviceClient.CreateFromConnectionString(cs);
                        await _client.SendEventAsync(new Message(), ct);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Message_NamesTheVariable()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            Usings + """
            class Device
            {
                public void Run(string cs)
                {
                    var telemetryClient = DeviceClient.CreateFromConnectionString(cs);
                    {|#0:telemetryClient = DeviceClient.CreateFromConnectionString(cs)|};
                    telemetryClient.Dispose();
                }
            }
            """,
            Libraries.DeviceSdk,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT205").WithLocation(0).WithArguments("telemetryClient"));
    }
}
