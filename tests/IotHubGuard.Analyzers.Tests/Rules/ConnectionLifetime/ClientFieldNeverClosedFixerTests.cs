using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ClientFieldNeverClosedAnalyzer,
    IotHubGuard.CodeFixes.ClientFieldNeverClosedFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class ClientFieldNeverClosedFixerTests
{
    private static Task VerifyAsync(string source, string fixedSource)
        => new Verify.Test(Libraries.DeviceSdk)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = EquivalenceKeys.CloseFromDisposeAsync,
        }.RunAsync();

    [Fact]
    public async Task NoDisposeAsync_AddsIAsyncDisposableAndDisposeAsync()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            /// <summary>Sends telemetry.</summary>
            sealed class Telemetry
            {
                private DeviceClient? {|AZIOT202:_client|};

                public async Task StartAsync(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs);
                    await _client.OpenAsync();
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            /// <summary>Sends telemetry.</summary>
            sealed class Telemetry : System.IAsyncDisposable
            {
                private DeviceClient? _client;

                public async Task StartAsync(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs);
                    await _client.OpenAsync();
                }

                public async ValueTask DisposeAsync()
                {
                    if (_client != null)
                    {
                        await _client.CloseAsync();
                        _client.Dispose();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ExistingAsyncDisposeAsync_ClientClosedAtItsStart()
    {
        await VerifyAsync(
            """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class Telemetry : IAsyncDisposable
            {
                private readonly DeviceClient {|AZIOT202:_client|} = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");
                private readonly Stream _log = Stream.Null;

                public async ValueTask DisposeAsync()
                {
                    await _log.DisposeAsync();
                }
            }
            """,
            """
            using System;
            using System.IO;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class Telemetry : IAsyncDisposable
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");
                private readonly Stream _log = Stream.Null;

                public async ValueTask DisposeAsync()
                {
                    await _client.CloseAsync();
                    _client.Dispose();
                    await _log.DisposeAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task ExistingSyncDispose_DisposesTheClient_DisposeAsyncClosesThenCallsIt()
    {
        await VerifyAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class Telemetry : IDisposable
            {
                private readonly DeviceClient {|AZIOT202:_client|} = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");
                private readonly CancellationTokenSource _stop = new();

                public void Dispose()
                {
                    _stop.Dispose();
                }
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class Telemetry : IDisposable, IAsyncDisposable
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");
                private readonly CancellationTokenSource _stop = new();

                public void Dispose()
                {
                    _stop.Dispose();
                    _client.Dispose();
                }

                public async ValueTask DisposeAsync()
                {
                    await _client.CloseAsync();
                    Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task ExpressionBodiedDispose_OfATimer_IsStillCalled_FromDisposeAsync()
    {
        await VerifyAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            public sealed class Uplink : IDisposable
            {
                private readonly DeviceClient {|AZIOT202:_client|};
                private readonly Timer _heartbeat = new(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMinutes(1));

                public Uplink(string cs) => _client = DeviceClient.CreateFromConnectionString(cs);

                public Task SendAsync(Message message) => _client.SendEventAsync(message);

                public void Dispose() => _heartbeat.Dispose(); // stops the heartbeat
            }
            """,
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            public sealed class Uplink : IDisposable, IAsyncDisposable
            {
                private readonly DeviceClient _client;
                private readonly Timer _heartbeat = new(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMinutes(1));

                public Uplink(string cs) => _client = DeviceClient.CreateFromConnectionString(cs);

                public Task SendAsync(Message message) => _client.SendEventAsync(message);

                public void Dispose()
                {
                    _heartbeat.Dispose(); // stops the heartbeat
                    _client.Dispose();
                }

                public async ValueTask DisposeAsync()
                {
                    await _client.CloseAsync();
                    Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task FixAll_TwoClientsOfOneType_OneDisposeAsync()
    {
        await VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class Gateway
            {
                private readonly DeviceClient {|AZIOT202:_upstream|} = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=up;SharedAccessKey=a2V5");
                private ModuleClient? {|AZIOT202:_module|};

                public async Task StartAsync() => _module = await ModuleClient.CreateFromEnvironmentAsync();
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class Gateway : IAsyncDisposable
            {
                private readonly DeviceClient _upstream = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=up;SharedAccessKey=a2V5");
                private ModuleClient? _module;

                public async Task StartAsync() => _module = await ModuleClient.CreateFromEnvironmentAsync();

                public async ValueTask DisposeAsync()
                {
                    await _upstream.CloseAsync();
                    _upstream.Dispose();
                    if (_module != null)
                    {
                        await _module.CloseAsync();
                        _module.Dispose();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task StaticField_NoFix()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            static class Program
            {
                private static DeviceClient? {|AZIOT202:s_client|};

                public static async Task InitAsync(string cs)
                {
                    s_client = DeviceClient.CreateFromConnectionString(cs);
                    await s_client.OpenAsync();
                }
            }
            """;
        await new Verify.Test(Libraries.DeviceSdk) { TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public async Task NonAsyncDisposeAsync_NoFix()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class Telemetry : IAsyncDisposable
            {
                private readonly DeviceClient {|AZIOT202:_client|} = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public ValueTask DisposeAsync() => default;
            }
            """;
        await new Verify.Test(Libraries.DeviceSdk) { TestCode = source, FixedCode = source }.RunAsync();
    }
}
