using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer,
    IotHubGuard.Analyzers.Tests.Aziot205,
    IotHubGuard.CodeFixes.ClientOverwrittenWhileOpenFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class ClientOverwrittenWhileOpenFixerTests
{
    private static Task VerifyAsync(string source, string fixedSource)
        => new Verify.Test(Libraries.DeviceSdk)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = EquivalenceKeys.CloseBeforeOverwrite,
        }.RunAsync();

    [Fact]
    public async Task Field_ClosedAndDisposedBeforeTheAssignment_FixAll()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                private DeviceClient? _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public async Task StartAsync(string cs)
                {
                    {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs)|}; // first connect
                    await _client.OpenAsync();
                }

                public async Task ReconnectAsync(string cs)
                {
                    {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(cs)|};
                    await _client.OpenAsync();
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                private DeviceClient? _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public async Task StartAsync(string cs)
                {
                    if (_client != null)
                    {
                        await _client.CloseAsync();
                        _client.Dispose();
                    }

                    _client = DeviceClient.CreateFromConnectionString(cs); // first connect
                    await _client.OpenAsync();
                }

                public async Task ReconnectAsync(string cs)
                {
                    if (_client != null)
                    {
                        await _client.CloseAsync();
                        _client.Dispose();
                    }

                    _client = DeviceClient.CreateFromConnectionString(cs);
                    await _client.OpenAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task LocalInLoop_EmbeddedStatement_BecomesABlock_CloseIsBestEffort()
    {
        await VerifyAsync(
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                public async Task RunAsync(string cs, CancellationToken ct)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    while (!ct.IsCancellationRequested)
                    {
                        await Task.Delay(1000, ct);
                        if (!ct.IsCancellationRequested)
                            {|AZIOT205:client = DeviceClient.CreateFromConnectionString(cs)|};
                    }

                    await client.CloseAsync();
                    client.Dispose();
                }
            }
            """,
            """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                public async Task RunAsync(string cs, CancellationToken ct)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    while (!ct.IsCancellationRequested)
                    {
                        await Task.Delay(1000, ct);
                        if (!ct.IsCancellationRequested)
                        {
                            if (client != null)
                            {
                                try
                                {
                                    await client.CloseAsync();
                                }
                                catch (System.Exception)
                                {
                                    // The previous client may already be broken: closing it is best effort.
                                }

                                client.Dispose();
                            }

                            client = DeviceClient.CreateFromConnectionString(cs);
                        }
                    }

                    await client.CloseAsync();
                    client.Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task NonNullableFieldReplacedInACatch_NoNullCheck_GuardedClose()
    {
        var test = new Verify.Test(Libraries.DeviceSdk)
        {
            TestCode = """
                #nullable enable
                using System;
                using System.Threading.Tasks;
                using Microsoft.Azure.Devices.Client;
                using Microsoft.Azure.Devices.Client.Exceptions;

                public sealed class Reconnector : IAsyncDisposable
                {
                    private readonly string _cs;
                    private DeviceClient _client;

                    public Reconnector(string cs)
                    {
                        _cs = cs;
                        _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    }

                    public async Task SendAsync(Message message)
                    {
                        try
                        {
                            await _client.SendEventAsync(message);
                        }
                        catch (IotHubCommunicationException)
                        {
                            {|AZIOT205:_client = DeviceClient.CreateFromConnectionString(_cs, TransportType.Mqtt)|};
                            await _client.OpenAsync();
                        }
                    }

                    public async ValueTask DisposeAsync()
                    {
                        await _client.CloseAsync();
                        _client.Dispose();
                    }
                }
                """,
            FixedCode = """
                #nullable enable
                using System;
                using System.Threading.Tasks;
                using Microsoft.Azure.Devices.Client;
                using Microsoft.Azure.Devices.Client.Exceptions;

                public sealed class Reconnector : IAsyncDisposable
                {
                    private readonly string _cs;
                    private DeviceClient _client;

                    public Reconnector(string cs)
                    {
                        _cs = cs;
                        _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    }

                    public async Task SendAsync(Message message)
                    {
                        try
                        {
                            await _client.SendEventAsync(message);
                        }
                        catch (IotHubCommunicationException)
                        {
                            try
                            {
                                await _client.CloseAsync();
                            }
                            catch (Exception)
                            {
                                // The previous client may already be broken: closing it is best effort.
                            }

                            _client.Dispose();
                            _client = DeviceClient.CreateFromConnectionString(_cs, TransportType.Mqtt);
                            await _client.OpenAsync();
                        }
                    }

                    public async ValueTask DisposeAsync()
                    {
                        await _client.CloseAsync();
                        _client.Dispose();
                    }
                }
                """,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task SynchronousHandler_NoFix()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

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
            """;
        await new Verify.Test(Libraries.DeviceSdk) { TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public async Task LocalWithoutInitializer_NoFix()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                public async Task RunAsync(string cs, CancellationToken ct)
                {
                    DeviceClient client;
                    do
                    {
                        {|AZIOT205:client = DeviceClient.CreateFromConnectionString(cs)|};
                        await client.OpenAsync(ct);
                    }
                    while (!ct.IsCancellationRequested);
                }
            }
            """;
        await new Verify.Test(Libraries.DeviceSdk) { TestCode = source, FixedCode = source }.RunAsync();
    }
}
