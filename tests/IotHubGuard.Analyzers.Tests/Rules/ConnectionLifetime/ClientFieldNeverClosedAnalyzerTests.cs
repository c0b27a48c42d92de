using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ClientFieldNeverClosedAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class ClientFieldNeverClosedAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        """;

    private static Task VerifyAsync(string body) => VerifyAnalyzer.VerifyAnalyzerAsync(Usings + body, Libraries.DeviceSdk);

    [Fact]
    public async Task FieldCreatedInInitializer_NeverClosed_Reports()
    {
        await VerifyAsync("""
            class Telemetry
            {
                private readonly DeviceClient {|AZIOT202:_client|} = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public Task SendAsync(Message message) => _client.SendEventAsync(message);
            }
            """);
    }

    [Fact]
    public async Task FieldCreatedInMethod_NeverClosed_Reports()
    {
        await VerifyAsync("""
            class Telemetry
            {
                private DeviceClient? {|AZIOT202:_client|};

                public async Task StartAsync(string cs, CancellationToken ct)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    _client.SetConnectionStatusChangesHandler((status, reason) => { });
                    await _client.OpenAsync(ct);
                }
            }
            """);
    }

    [Fact]
    public async Task StaticField_NeverClosed_Reports()
    {
        await VerifyAsync("""
            static class Program
            {
                private static ModuleClient? {|AZIOT202:s_moduleClient|};

                public static async Task InitAsync()
                {
                    s_moduleClient = await ModuleClient.CreateFromEnvironmentAsync();
                    await s_moduleClient.OpenAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task AutoProperty_NeverClosed_Reports()
    {
        await VerifyAsync("""
            class Gateway
            {
                public DeviceClient {|AZIOT202:Client|} { get; } = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public Task PingAsync() => Client.SendEventAsync(new Message());
            }
            """);
    }

    [Fact]
    public async Task ClosedFromDisposeAsync_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class Telemetry : IAsyncDisposable
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public Task SendAsync(Message message) => _client.SendEventAsync(message);

                public async ValueTask DisposeAsync()
                {
                    await _client.CloseAsync();
                    _client.Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task ClosedFromStopAsync_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class TelemetryService
            {
                private DeviceClient? _client;

                public async Task StartAsync(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs);
                    await _client.OpenAsync();
                }

                public Task StopAsync() => _client?.CloseAsync() ?? Task.CompletedTask;
            }
            """);
    }

    [Fact]
    public async Task DisposedOnly_IsAziot201sBusiness()
    {
        await VerifyAsync("""
            sealed class TelemetryService : IDisposable
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public void Dispose() => _client.Dispose();
            }
            """);
    }

    [Fact]
    public async Task DisposeAsyncOfTheClient_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class TelemetryService : IAsyncDisposable
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public ValueTask DisposeAsync() => _client.DisposeAsync();
            }
            """);
    }

    [Fact]
    public async Task InjectedThroughConstructor_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class TelemetrySender
            {
                private readonly DeviceClient _client;

                public TelemetrySender(DeviceClient client) => _client = client;

                public Task SendAsync(Message message) => _client.SendEventAsync(message);
            }
            """);
    }

    [Fact]
    public async Task ResolvedFromTheContainer_DoesNotReport()
    {
        await VerifyAsync("""
            interface IServiceLocator { T GetRequiredService<T>(); }

            sealed class TelemetrySender
            {
                private readonly DeviceClient _client;

                public TelemetrySender(IServiceLocator services) => _client = services.GetRequiredService<DeviceClient>();

                public Task SendAsync(Message message) => _client.SendEventAsync(message);
            }
            """);
    }

    [Fact]
    public async Task InjectedOrCreated_CoalesceWithParameter_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class TelemetrySender
            {
                private readonly DeviceClient _client;

                public TelemetrySender(string cs, DeviceClient? client = null)
                    => _client = client ?? DeviceClient.CreateFromConnectionString(cs);

                public Task SendAsync(Message message) => _client.SendEventAsync(message);
            }
            """);
    }

    [Fact]
    public async Task CreatedThroughAFactoryTheTypeCalls_Reports()
    {
        await VerifyAsync("""
            interface IClientFactory { DeviceClient Create(); }

            sealed class TelemetrySender
            {
                private readonly DeviceClient {|AZIOT202:_client|};

                public TelemetrySender(IClientFactory factory) => _client = factory.Create();

                public Task SendAsync(Message message) => _client.SendEventAsync(message);
            }
            """);
    }

    [Fact]
    public async Task HandedOnToAnotherOwner_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class Session : IAsyncDisposable
            {
                public Session(DeviceClient client) => Client = client;
                public DeviceClient Client { get; }
                public async ValueTask DisposeAsync() { await Client.CloseAsync(); Client.Dispose(); }
            }

            sealed class Connector
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public Session Connect() => new Session(_client);
            }
            """);
    }

    [Fact]
    public async Task ExposedThroughAGetter_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class ClientHolder
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public DeviceClient Client => _client;
            }
            """);
    }

    [Fact]
    public async Task NeverAssigned_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class Placeholder
            {
                private DeviceClient? _client;

                public bool IsConnected => _client != null;
            }
            """);
    }

    [Fact]
    public async Task CreatedThroughLocal_NeverClosed_Reports()
    {
        await VerifyAsync("""
            sealed class Telemetry
            {
                private DeviceClient? {|AZIOT202:_client|};

                public async Task StartAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.OpenAsync();
                    _client = client;
                }
            }
            """);
    }

    [Fact]
    public async Task Message_NamesFieldAndType()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            Usings + """
            class TelemetryPump
            {
                private readonly DeviceClient {|#0:_deviceClient|} = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");
            }
            """,
            Libraries.DeviceSdk,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT202").WithLocation(0).WithArguments("_deviceClient", "TelemetryPump"));
    }
}
