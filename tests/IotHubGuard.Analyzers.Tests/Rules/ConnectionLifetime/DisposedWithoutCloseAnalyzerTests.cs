using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot201>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class DisposedWithoutCloseAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        """;

    private static Task VerifyAsync(string body) => VerifyAnalyzer.VerifyAnalyzerAsync(Usings + body, Libraries.DeviceSdk);

    [Fact]
    public async Task UsingDeclaration_WithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    {|AZIOT201:using var client = DeviceClient.CreateFromConnectionString(cs);|}
                    await client.SendEventAsync(message);
                }
            }
            """);
    }

    [Fact]
    public async Task UsingStatement_WithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    {|AZIOT201:using (var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt))|}
                    {
                        await client.SendEventAsync(message);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ExplicitDispose_WithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    var client = ModuleClient.CreateFromConnectionString(cs);
                    await client.SendEventAsync(message);
                    {|AZIOT201:client.Dispose()|};
                }
            }
            """);
    }

    [Fact]
    public async Task UsingDeclaration_ClosedAtTheEnd_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAsync(string cs, Message message, CancellationToken ct)
                {
                    using var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.SendEventAsync(message, ct);
                    await client.CloseAsync(ct);
                }
            }
            """);
    }

    [Fact]
    public async Task EarlyReturn_BeforeClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAsync(string cs, Message message, bool dryRun)
                {
                    {|AZIOT201:using var client = DeviceClient.CreateFromConnectionString(cs);|}
                    if (dryRun)
                    {
                        return;
                    }

                    await client.SendEventAsync(message);
                    await client.CloseAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task CloseOnOneBranchOnly_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task StopAsync(DeviceClient client, bool graceful)
                {
                    if (graceful)
                    {
                        await client.CloseAsync();
                    }

                    {|AZIOT201:client.Dispose()|};
                }
            }
            """);
    }

    [Fact]
    public async Task CloseOnBothBranches_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task StopAsync(DeviceClient client, bool fast, CancellationToken ct)
                {
                    if (fast)
                    {
                        await client.CloseAsync(CancellationToken.None);
                    }
                    else
                    {
                        await client.CloseAsync(ct);
                    }

                    client.Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task CloseInFinally_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs, Message message, bool dryRun)
                {
                    using var client = DeviceClient.CreateFromConnectionString(cs);
                    try
                    {
                        if (dryRun)
                        {
                            return;
                        }

                        await client.SendEventAsync(message);
                    }
                    finally
                    {
                        await client.CloseAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task TryFinally_DisposeInFinally_CloseOnlyInTry_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs, Message message, bool dryRun)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    try
                    {
                        if (dryRun)
                        {
                            return;
                        }

                        await client.SendEventAsync(message);
                        await client.CloseAsync();
                    }
                    finally
                    {
                        {|AZIOT201:client.Dispose()|};
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task AwaitUsing_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.SendEventAsync(message);
                    await using (var module = ModuleClient.CreateFromConnectionString(cs))
                    {
                        await module.SendEventAsync(message);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DisposeAsyncThenDispose_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task StopAsync(DeviceClient client)
                {
                    await client.DisposeAsync();
                    client.Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task ConditionalAccessCloseAndDispose_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient? _client;

                async Task StopAsync()
                {
                    await (_client?.CloseAsync() ?? Task.CompletedTask);
                    _client?.Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task NullGuardedClose_ThenConditionalDispose_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                private static DeviceClient? s_client;

                static async Task StopAsync()
                {
                    if (s_client != null)
                    {
                        await s_client.CloseAsync();
                    }

                    s_client?.Dispose();
                    s_client = null;
                }
            }
            """);
    }

    [Fact]
    public async Task ConditionalDispose_WithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                void Stop(DeviceClient? client)
                {
                    {|AZIOT201:client?.Dispose()|};
                }
            }
            """);
    }

    [Fact]
    public async Task CloseThatThrowsIsCaught_ThenDispose_DoesNotReport()
    {
        // The SDK's DeviceReconnectionSample: a failing CloseAsync is swallowed, then the client is disposed.
        await VerifyAsync("""
            using Microsoft.Azure.Devices.Client.Exceptions;

            class Device
            {
                private static DeviceClient? s_deviceClient;

                static async Task ReinitializeAsync(string cs, CancellationToken ct)
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
                }
            }
            """);
    }

    [Fact]
    public async Task SendFailsAndIsCaught_ThenDispose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAsync(DeviceClient client, Message message)
                {
                    try
                    {
                        await client.SendEventAsync(message);
                        await client.CloseAsync();
                    }
                    catch (TimeoutException)
                    {
                    }

                    {|AZIOT201:client.Dispose()|};
                }
            }
            """);
    }

    [Fact]
    public async Task CloseInLoop_DisposeAfterLoop_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(DeviceClient client, Message[] messages)
                {
                    foreach (var message in messages)
                    {
                        await client.SendEventAsync(message);
                        await client.CloseAsync();
                    }

                    {|AZIOT201:client.Dispose()|};
                }
            }
            """);
    }

    [Fact]
    public async Task UsingInLoop_ClosedEachIteration_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string[] connectionStrings, Message message)
                {
                    foreach (var cs in connectionStrings)
                    {
                        using var client = DeviceClient.CreateFromConnectionString(cs);
                        await client.SendEventAsync(message);
                        await client.CloseAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ReassignedAfterClose_ThenDisposed_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.CloseAsync();
                    client = DeviceClient.CreateFromConnectionString(cs);
                    {|AZIOT201:client.Dispose()|};
                }
            }
            """);
    }

    [Fact]
    public async Task CloseThroughSourceHelper_DoesNotReport()
    {
        await VerifyAsync("""
            static class Shutdown
            {
                public static async Task CloseQuietlyAsync(DeviceClient client)
                {
                    try { await client.CloseAsync(); } catch (Exception) { }
                }
            }

            class Device
            {
                async Task RunAsync(string cs)
                {
                    using var client = DeviceClient.CreateFromConnectionString(cs);
                    await Shutdown.CloseQuietlyAsync(client);
                }
            }
            """);
    }

    [Fact]
    public async Task FieldClosedByStopAsync_DisposedInDispose_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class TelemetryService : IDisposable
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public Task StopAsync(CancellationToken ct) => _client.CloseAsync(ct);

                public void Dispose() => _client.Dispose();
            }
            """);
    }

    [Fact]
    public async Task FieldNeverClosed_DisposedInDispose_Reports()
    {
        await VerifyAsync("""
            sealed class TelemetryService : IDisposable
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public Task SendAsync(Message message) => _client.SendEventAsync(message);

                public void Dispose() => {|AZIOT201:_client.Dispose()|};
            }
            """);
    }

    [Fact]
    public async Task DisposeCallsCloseHelperOfTheType_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class TelemetryService : IAsyncDisposable
            {
                private DeviceClient? _client;

                public async ValueTask DisposeAsync()
                {
                    await CloseClientAsync();
                    _client?.Dispose();
                }

                private async Task CloseClientAsync()
                {
                    if (_client is not null)
                    {
                        await _client.CloseAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LambdaDisposingWithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                void Register(DeviceClient client)
                {
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => {|AZIOT201:client.Dispose()|};
                }
            }
            """);
    }

    [Fact]
    public async Task LocalFunction_ClosesThenDisposes_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    await ShutdownAsync();

                    async Task ShutdownAsync()
                    {
                        await client.CloseAsync();
                        client.Dispose();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LocalFunctionClosingTheCapturedClient_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs, Message message)
                {
                    using var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.SendEventAsync(message);
                    await CloseQuietlyAsync();

                    async Task CloseQuietlyAsync()
                    {
                        try { await client.CloseAsync(); } catch (ObjectDisposedException) { }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task DisposeInCatchAfterFailedSend_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task<DeviceClient> ConnectAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    try
                    {
                        await client.OpenAsync();
                        return client;
                    }
                    catch (TimeoutException)
                    {
                        {|AZIOT201:client.Dispose()|};
                        throw;
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task UsingExpressionResource_WithoutClose_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(DeviceClient client, Message message)
                {
                    {|AZIOT201:using (client)|}
                    {
                        await client.SendEventAsync(message);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task WhileLoopWithBreak_CloseBeforeBreak_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs, Func<bool> stop)
                {
                    using var client = DeviceClient.CreateFromConnectionString(cs);
                    while (true)
                    {
                        if (stop())
                        {
                            await client.CloseAsync();
                            break;
                        }

                        await Task.Delay(1000);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task OtherDisposables_AreIgnored()
    {
        await VerifyAsync("""
            class Device
            {
                void Run()
                {
                    using var stream = new System.IO.MemoryStream();
                    var timer = new System.Threading.Timer(_ => { });
                    timer.Dispose();
                }
            }
            """);
    }

    [Fact]
    public async Task TopLevelStatements_UsingWithoutClose_Reports()
    {
        var test = new VerifyAnalyzer.Test(Libraries.DeviceSdk)
        {
            TestCode = """
                using Microsoft.Azure.Devices.Client;

                {|AZIOT201:using var client = DeviceClient.CreateFromConnectionString(args[0]);|}
                await client.SendEventAsync(new Message());
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task Message_NamesTheClient()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            Usings + """
            class Device
            {
                void Stop(DeviceClient telemetryClient) => {|#0:telemetryClient.Dispose()|};
            }
            """,
            Libraries.DeviceSdk,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT201").WithLocation(0).WithArguments("telemetryClient", "CloseAsync"));
    }

    [Fact]
    public async Task WithoutTheSdk_NothingIsReported()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            """
            class DeviceClient : System.IDisposable { public void Dispose() { } }
            class Device { void Stop(DeviceClient c) => c.Dispose(); }
            """,
            Libraries.None);
    }
}
