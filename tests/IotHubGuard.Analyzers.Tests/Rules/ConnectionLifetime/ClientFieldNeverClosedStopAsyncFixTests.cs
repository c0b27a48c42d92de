using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ClientFieldNeverClosedAnalyzer,
    IotHubGuard.CodeFixes.ClientFieldNeverClosedFixer>;
using Verify201 = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer,
    IotHubGuard.Analyzers.Tests.Aziot201,
    IotHubGuard.CodeFixes.DisposedWithoutCloseFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

/// <summary>
/// AZIOT202 in a <c>BackgroundService</c>: the host stops it through <c>StopAsync</c>, so that is where the client is
/// closed — after <c>base.StopAsync</c> has stopped <c>ExecuteAsync</c> — not in a <c>DisposeAsync</c> the host may call late.
/// AZIOT201 (a Dispose() override that disposes without closing) gets the same StopAsync, which only closes.
/// </summary>
public class ClientFieldNeverClosedStopAsyncFixTests
{
    /// <summary>The public shape of Microsoft.Extensions.Hosting.BackgroundService that the fix relies on.</summary>
    private const string BackgroundServiceStandIn = """
        namespace Microsoft.Extensions.Hosting
        {
            public abstract class BackgroundService : System.IDisposable
            {
                protected abstract System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken);

                public virtual System.Threading.Tasks.Task StopAsync(System.Threading.CancellationToken cancellationToken)
                    => System.Threading.Tasks.Task.CompletedTask;

                public virtual void Dispose()
                {
                }
            }
        }
        """;

    [Fact]
    public async Task BackgroundService_TwoClients_OneStopAsyncOverride_ClosesBothAfterBase()
    {
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Extensions.Hosting;

            sealed class TelemetryWorker : BackgroundService
            {
                private readonly DeviceClient _telemetry = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5", TransportType.Mqtt);
                private readonly DeviceClient _alarms = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=e;SharedAccessKey=a2V5", TransportType.Mqtt);

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    await _telemetry.SendEventAsync(new Message(), stoppingToken);
                    await _alarms.SendEventAsync(new Message(), stoppingToken);
                }

                public override async Task StopAsync(CancellationToken cancellationToken)
                {
                    await base.StopAsync(cancellationToken);
                    await _telemetry.CloseAsync(cancellationToken);
                    _telemetry.Dispose();
                    await _alarms.CloseAsync(cancellationToken);
                    _alarms.Dispose();
                }
            }
            """;
        var test = new Verify.Test(Libraries.DeviceSdk)
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System.Threading;
                    using System.Threading.Tasks;
                    using Microsoft.Azure.Devices.Client;
                    using Microsoft.Extensions.Hosting;

                    sealed class TelemetryWorker : BackgroundService
                    {
                        private readonly DeviceClient {|AZIOT202:_telemetry|} = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5", TransportType.Mqtt);
                        private readonly DeviceClient {|AZIOT202:_alarms|} = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=e;SharedAccessKey=a2V5", TransportType.Mqtt);

                        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                        {
                            await _telemetry.SendEventAsync(new Message(), stoppingToken);
                            await _alarms.SendEventAsync(new Message(), stoppingToken);
                        }
                    }
                    """,
                    BackgroundServiceStandIn,
                },
            },
            FixedState = { Sources = { fixedSource, BackgroundServiceStandIn } },
            BatchFixedState = { Sources = { fixedSource, BackgroundServiceStandIn } },
            CodeActionEquivalenceKey = EquivalenceKeys.CloseFromStopAsync,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task PlainClass_StillClosesFromDisposeAsync_NoStopAsyncInvented()
    {
        await new Verify.Test(Libraries.DeviceSdk)
        {
            TestCode = """
                using System.Threading.Tasks;
                using Microsoft.Azure.Devices.Client;

                sealed class Telemetry
                {
                    private readonly DeviceClient {|AZIOT202:_client|} = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5");

                    public Task SendAsync() => _client.SendEventAsync(new Message());

                    public Task StopAsync() => Task.CompletedTask;
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;
                using Microsoft.Azure.Devices.Client;

                sealed class Telemetry : System.IAsyncDisposable
                {
                    private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5");

                    public Task SendAsync() => _client.SendEventAsync(new Message());

                    public Task StopAsync() => Task.CompletedTask;

                    public async ValueTask DisposeAsync()
                    {
                        await _client.CloseAsync();
                        _client.Dispose();
                    }
                }
                """,
            CodeActionEquivalenceKey = EquivalenceKeys.CloseFromDisposeAsync,
        }.RunAsync();
    }

    [Fact]
    public async Task Aziot201_BackgroundServiceDisposeOverride_ClosesInStopAsync_DisposeStaysInDispose()
    {
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Extensions.Hosting;

            sealed class TelemetryWorker : BackgroundService
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5", TransportType.Mqtt);

                protected override Task ExecuteAsync(CancellationToken stoppingToken) => _client.SendEventAsync(new Message(), stoppingToken);

                public override void Dispose()
                {
                    _client.Dispose();
                    base.Dispose();
                }

                public override async Task StopAsync(CancellationToken cancellationToken)
                {
                    await base.StopAsync(cancellationToken);
                    await _client.CloseAsync(cancellationToken);
                }
            }
            """;
        await new Verify201.Test(Libraries.DeviceSdk)
        {
            TestState =
            {
                Sources =
                {
                    """
                    using System.Threading;
                    using System.Threading.Tasks;
                    using Microsoft.Azure.Devices.Client;
                    using Microsoft.Extensions.Hosting;

                    sealed class TelemetryWorker : BackgroundService
                    {
                        private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5", TransportType.Mqtt);

                        protected override Task ExecuteAsync(CancellationToken stoppingToken) => _client.SendEventAsync(new Message(), stoppingToken);

                        public override void Dispose()
                        {
                            {|AZIOT201:_client.Dispose()|};
                            base.Dispose();
                        }
                    }
                    """,
                    BackgroundServiceStandIn,
                },
            },
            FixedState = { Sources = { fixedSource, BackgroundServiceStandIn } },
            CodeActionEquivalenceKey = EquivalenceKeys.CloseFieldFromStopAsync,
        }.RunAsync();
    }
}
