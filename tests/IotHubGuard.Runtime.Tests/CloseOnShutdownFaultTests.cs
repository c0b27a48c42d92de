using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

/// <summary>docs/runtime.md: "A close that fails, or that runs past the shutdown timeout, is logged and does not stop the shutdown."</summary>
public class CloseOnShutdownFaultTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Fact(Timeout = 30000)]
    public async Task Hanging_and_thread_blocking_closes_do_not_hold_up_shutdown_or_the_other_closes()
    {
        string key = TestSecrets.NewKey();
        var logs = new CapturingLoggerProvider();
        using var release = new ManualResetEventSlim();
        var ran = new ConcurrentQueue<string>();
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using IHost host = HostingTests.BuildHost(logs, s =>
        {
            s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
            s.AddIotHubGuardCloseOnShutdown(_ =>
            {
                ran.Enqueue("never-completing");
                return never.Task; // ignores the token
            });
            s.AddIotHubGuardCloseOnShutdown(_ =>
            {
                ran.Enqueue("thread-blocking");
                release.Wait(Limit); // blocks its thread, ignores the token
                return Task.CompletedTask;
            });
            s.AddIotHubGuardCloseOnShutdown(_ =>
            {
                ran.Enqueue("healthy");
                return Task.CompletedTask;
            });
            s.AddIotHubGuardCloseOnShutdown(_ =>
            {
                ran.Enqueue("failing");
                throw new InvalidOperationException("close failed for " + TestSecrets.KeyConnectionString(key));
            });
        });

        await host.StartAsync().WaitAsync(Limit);
        await host.StopAsync().WaitAsync(Limit);

        // StopAsync came back while the blocking close still holds its thread: it returned at the token, not after the close.
        Assert.False(release.IsSet);
        Assert.False(never.Task.IsCompleted);
        Assert.Equal(new[] { "failing", "healthy", "never-completing", "thread-blocking" }, await RanAsync(ran, 4));

        var close = logs.Entries.Where(e => e.Category == "IotHubGuard" && e.EventId.Id == 200).ToList();
        Assert.Equal(2, close.Count(e => e.Level == LogLevel.Warning && e.Text.Contains("did not finish within the host's shutdown timeout")));
        Assert.Single(close, e => e.Level == LogLevel.Information && e.Text.Contains("client closed on shutdown"));
        Assert.Single(close, e => e.Level == LogLevel.Error && e.Text.Contains("close failed for"));
        TestSecrets.AssertNoSecret(logs.AllText, key);
        release.Set();
    }

    // The closes run on threads of their own: on a loaded machine one may start a moment after StopAsync returned.
    private static async Task<string[]> RanAsync(ConcurrentQueue<string> ran, int count)
    {
        for (int i = 0; i < 200 && ran.Count < count; i++)
        {
            await Task.Delay(50);
        }

        return ran.OrderBy(x => x, StringComparer.Ordinal).ToArray();
    }

    [Fact(Timeout = 30000)]
    public async Task A_close_that_throws_synchronously_is_logged_and_the_next_one_still_runs()
    {
        var logs = new CapturingLoggerProvider();
        int closed = 0;
        using IHost host = HostingTests.BuildHost(logs, s =>
        {
            s.AddIotHubGuardCloseOnShutdown(_ => throw new TimeoutException("transport gone"));
            s.AddIotHubGuardCloseOnShutdown(_ =>
            {
                Interlocked.Increment(ref closed);
                return Task.CompletedTask;
            });
        });

        await host.StartAsync().WaitAsync(Limit);
        await host.StopAsync().WaitAsync(Limit);
        Assert.Equal(1, closed);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("System.TimeoutException: transport gone"));
    }
}
