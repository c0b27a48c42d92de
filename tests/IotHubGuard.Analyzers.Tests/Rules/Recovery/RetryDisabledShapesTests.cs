using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.RetryDisabledAnalyzer,
    IotHubGuard.CodeFixes.RetryDisabledFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.RetryDisabledAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Recovery;

/// <summary>
/// AZIOT501 on the shapes of public device code (issue 11): shutdown paths that set NoRetry to close fast (silent), and
/// disabled reconnection hidden in <c>?:</c>, <c>??</c> or <c>ExponentialBackoff(0, …)</c> (reported).
/// </summary>
public class RetryDisabledShapesTests
{
    [Fact]
    public async Task NoRetry_OnShutdownPaths_DoesNotReport()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            // The SDK samples' and IoT Edge modules' shape: fail fast while closing, so shutdown does not hang on retries.
            sealed class TelemetryWorker : IAsyncDisposable, IDisposable
            {
                private readonly DeviceClient _client;
                private readonly IRetryPolicy _closing = new NoRetry();

                public TelemetryWorker(DeviceClient client) => _client = client;

                public async Task StopAsync(CancellationToken cancellationToken)
                {
                    _client.SetRetryPolicy(new NoRetry());
                    await _client.CloseAsync(cancellationToken);
                }

                public async ValueTask DisposeAsync()
                {
                    _client.SetRetryPolicy(_closing);
                    await _client.CloseAsync().ConfigureAwait(false);
                    await _client.DisposeAsync();
                }

                public void Dispose()
                {
                    Task.Run(() => _client.SetRetryPolicy(new NoRetry())).Wait();
                    _client.Dispose();
                }
            }

            static class Program
            {
                // Right before CloseAsync on the same client, wherever that is.
                static async Task ShutDownAsync(ModuleClient module)
                {
                    module.SetRetryPolicy(new NoRetry());
                    await module.CloseAsync();
                }

                static void ShutDownBlocking(DeviceClient? client)
                {
                    client?.SetRetryPolicy(new NoRetry());
                    client?.CloseAsync().GetAwaiter().GetResult();
                }

                // A retry count that is not zero, or not known.
                static void Bounded(DeviceClient client, int configured)
                {
                    client.SetRetryPolicy(new ExponentialBackoff(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));
                    client.SetRetryPolicy(new ExponentialBackoff(configured, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));
                }

                // NoRetry as the left side of ?? is only the fallback's opposite: the configured policy wins when present.
                static void Configured(DeviceClient client, IRetryPolicy? configured)
                    => client.SetRetryPolicy(configured ?? new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task NoRetry_NotRightBeforeCloseOfTheSameClient_Reports()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            static class Program
            {
                static async Task OtherClientAsync(DeviceClient client, DeviceClient other)
                {
                    client.SetRetryPolicy({|AZIOT501:new NoRetry()|});
                    await other.CloseAsync();
                }

                static async Task KeepsWorkingFirstAsync(DeviceClient client)
                {
                    client.SetRetryPolicy({|AZIOT501:new NoRetry()|});
                    await client.SendEventAsync(new Message());
                    await client.CloseAsync();
                }

                // "Stop" is not a shutdown member: the client goes on being used after it.
                static void Stop(DeviceClient client) => client.SetRetryPolicy({|AZIOT501:new NoRetry()|});
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task NoRetry_ThroughConditionalOrCoalesce_Reports()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void FromConfiguration(DeviceClient client, bool failFast)
                    => client.SetRetryPolicy(failFast ? {|AZIOT501:new NoRetry()|} : new ExponentialBackoff(5, TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)));

                void Fallback(DeviceClient client, IRetryPolicy? configured)
                    => client.SetRetryPolicy(configured ?? {|AZIOT501:new NoRetry()|});

                void ThroughALocal(ModuleClient client, bool failFast)
                {
                    IRetryPolicy policy = failFast ? {|AZIOT501:new NoRetry()|} : new ExponentialBackoff(5, TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
                    client.SetRetryPolicy(policy);
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task ExponentialBackoff_WithZeroRetries_Reports()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            static class Limits { public const int Retries = 0; }

            class Device
            {
                void Direct(DeviceClient client)
                    => client.SetRetryPolicy({|AZIOT501:new ExponentialBackoff(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1))|});

                void Named(DeviceClient client)
                {
                    var policy = {|AZIOT501:new ExponentialBackoff(minBackoff: TimeSpan.Zero, retryCount: Limits.Retries, maxBackoff: TimeSpan.FromSeconds(5), deltaBackoff: TimeSpan.FromSeconds(1))|};
                    client.SetRetryPolicy(policy);
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.DeviceSdk,
            editorConfig: null);
    }

    [Fact]
    public async Task ZeroRetries_Message_NamesTheCode()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Direct(DeviceClient client)
                    => client.SetRetryPolicy(new ExponentialBackoff(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.DeviceSdk,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT501").WithSpan(7, 34, 7, 135).WithArguments(
                "new ExponentialBackoff(0, …)",
                "retries 0 times, which disables automatic reconnection: after the first transient error the client reports Disconnected / Retry_Expired and stays offline",
                "ExponentialBackoff"));
    }

    [Fact]
    public async Task Fix_InConditionalAndCoalesce_ReplacesOnlyTheNoRetryBranch()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void FromConfiguration(DeviceClient client, bool failFast, IRetryPolicy? configured)
                {
                    client.SetRetryPolicy(failFast ? {|AZIOT501:new NoRetry()|} : new ExponentialBackoff(5, TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)));
                    client.SetRetryPolicy(configured ?? {|AZIOT501:new NoRetry()|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void FromConfiguration(DeviceClient client, bool failFast, IRetryPolicy? configured)
                {
                    client.SetRetryPolicy(failFast ? new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)) : new ExponentialBackoff(5, TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)));
                    client.SetRetryPolicy(configured ?? new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.DeviceSdk);
    }
}
