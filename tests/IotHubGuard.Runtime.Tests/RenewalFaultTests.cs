using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Runtime.Mqtt;
using MQTTnet;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

/// <summary>IotHubMqttTokenRenewal under faults, against a real MQTTnet broker on loopback.</summary>
public class RenewalFaultTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static MqttClientOptions Options(LoopbackBroker broker, TimeProvider? clock = null) =>
        IotHubMqttClientOptions.Create(TestSecrets.KeyConnectionString(broker.Key), s =>
        {
            s.Server = "127.0.0.1";
            s.Port = broker.Port;
            s.UseTls = false;
            s.TimeProvider = clock;
        });

    private static async Task<IMqttClient> ConnectAsync(MqttClientOptions options)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        using var cts = new CancellationTokenSource(Limit);
        await client.ConnectAsync(options, cts.Token);
        return client;
    }

    [Fact(Timeout = 30000)]
    public async Task The_documented_reconnect_handler_leaves_a_failed_renewal_to_the_helper()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        MqttClientOptions options = Options(broker);
        using IMqttClient client = await ConnectAsync(options);
        await broker.NextConnectAsync();
        var credentials = (IotHubSasCredentialsProvider)options.Credentials;

        var failures = new ConcurrentQueue<IotHubMqttTokenRenewalFailedEventArgs>();
        var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var renewal = new IotHubMqttTokenRenewal(client, credentials,
            new IotHubMqttTokenRenewalOptions { RetryDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromMilliseconds(400) });
        renewal.RenewalFailed += (_, e) => failures.Enqueue(e);
        renewal.Renewed += (_, _) => renewed.TrySetResult();

        // The handler exactly as docs/runtime.md shows it (with a short back-off for the test).
        using var shutdown = new CancellationTokenSource();
        int userConnects = 0;
        client.DisconnectedAsync += async _ =>
        {
            if (renewal.IsRenewing || shutdown.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), shutdown.Token);
                if (renewal.IsRenewing || client.IsConnected)
                {
                    return;
                }

                Interlocked.Increment(ref userConnects);
                await client.ConnectAsync(client.Options, shutdown.Token);
            }
            catch (Exception)
            {
                // refused, cancelled or "connect pending": MQTTnet raises DisconnectedAsync again
            }
        };
        renewal.Start();

        var window = Stopwatch.StartNew();
        broker.Accepting = false;
        await Assert.ThrowsAsync<IotHubMqttConnectException>(() => renewal.RenewNowAsync(new CancellationTokenSource(Limit).Token));
        while (failures.Count < 3 && window.Elapsed < Limit)
        {
            await Task.Delay(20);
        }

        Assert.True(renewal.IsRenewing, "the helper still owns the pending reconnect");
        broker.Accepting = true;
        await renewed.Task.WaitAsync(Limit);
        window.Stop();
        shutdown.Cancel();
        await renewal.StopAsync().WaitAsync(Limit);
        Assert.True(client.IsConnected);
        Assert.False(renewal.IsRenewing);

        // One owner: every CONNECT after the first came from the helper (each failure is one attempt, then the success).
        Assert.Equal(0, Volatile.Read(ref userConnects));
        int helperAttempts = failures.Count + 1;
        Assert.Equal(1 + helperAttempts, credentials.TokensIssued);
        int brokerConnects = 0;
        while (true)
        {
            try
            {
                await broker.NextConnectAsync(TimeSpan.FromMilliseconds(200));
                brokerConnects++;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Assert.Equal(helperAttempts, brokerConnects);

        // Bounded: back-off of at least RetryDelay between attempts (a loaded machine only makes fewer).
        Assert.InRange(failures.Count, 1, 2 + (int)(window.Elapsed.TotalMilliseconds / 200));
        Assert.All(failures, f => Assert.InRange(f.RetryIn, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400)));
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    [Fact(Timeout = 30000)]
    public async Task Without_a_started_loop_a_failed_renewal_leaves_the_reconnect_to_the_app()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        MqttClientOptions options = Options(broker);
        using IMqttClient client = await ConnectAsync(options);
        await using var renewal = new IotHubMqttTokenRenewal(client, (IotHubSasCredentialsProvider)options.Credentials);

        broker.Accepting = false;
        await Assert.ThrowsAsync<IotHubMqttConnectException>(() => renewal.RenewNowAsync(new CancellationTokenSource(Limit).Token));
        Assert.False(client.IsConnected);
        Assert.False(renewal.IsRenewing); // nobody would retry: the app's reconnect handler must not wait for the helper
    }

    [Fact(Timeout = 30000)]
    public async Task A_backward_wall_clock_step_does_not_postpone_renewal_past_the_tokens_real_expiry()
    {
        var clock = new SteppedWallClock(TestSecrets.Now);
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        MqttClientOptions options = Options(broker, clock); // 1 h tokens, renewal at 85 % = 51 min
        using IMqttClient client = await ConnectAsync(options);
        ConnectRecord first = await broker.NextConnectAsync();
        Assert.Equal(TestSecrets.Now.AddHours(1), first.TokenExpiresOn);

        var renewedAt = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var renewal = new IotHubMqttTokenRenewal(client, (IotHubSasCredentialsProvider)options.Credentials,
            new IotHubMqttTokenRenewalOptions { TimeProvider = clock });
        renewal.Renewed += (_, _) => renewedAt.TrySetResult(clock.Monotonic.GetUtcNow());
        renewal.Start();

        clock.Monotonic.Advance(TimeSpan.FromMinutes(1));
        clock.StepWallClock(TimeSpan.FromHours(-2)); // NTP or an RTC fix-up steps the wall clock back

        // Real time runs on until just before the token's real expiry (60 min after it was minted).
        clock.Monotonic.Advance(TimeSpan.FromMinutes(49));
        for (int minute = 51; minute <= 59 && !renewal.IsRenewing && !renewedAt.Task.IsCompleted; minute++)
        {
            clock.Monotonic.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(30);
        }

        DateTimeOffset at = await renewedAt.Task.WaitAsync(Limit);
        Assert.InRange(at, TestSecrets.Now.AddMinutes(51), TestSecrets.Now.AddMinutes(59));
        Assert.True((await broker.NextConnectAsync()).Accepted);
        await renewal.StopAsync().WaitAsync(Limit);
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    [Fact(Timeout = 30000)]
    public async Task Dispose_is_idempotent_and_a_disposed_helper_never_reconnects()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        MqttClientOptions options = Options(broker);
        using IMqttClient client = await ConnectAsync(options);
        var credentials = (IotHubSasCredentialsProvider)options.Credentials;
        var renewal = new IotHubMqttTokenRenewal(client, credentials);
        renewal.Start();

        await renewal.DisposeAsync().AsTask().WaitAsync(Limit);
        await renewal.DisposeAsync().AsTask().WaitAsync(Limit);
        await renewal.StopAsync().WaitAsync(Limit);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => renewal.RenewNowAsync());
        Assert.Throws<ObjectDisposedException>(renewal.Start);

        Assert.Equal(1, credentials.TokensIssued); // no new CONNECT
        Assert.True(client.IsConnected);
        Assert.False(renewal.IsRenewing);
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    [Fact(Timeout = 30000)]
    public async Task Concurrent_RenewNow_calls_share_one_renewal()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        MqttClientOptions options = Options(broker);
        using IMqttClient client = await ConnectAsync(options);
        await broker.NextConnectAsync();
        var credentials = (IotHubSasCredentialsProvider)options.Credentials;
        await using var renewal = new IotHubMqttTokenRenewal(client, credentials);
        renewal.Start();

        Task[] calls = Enumerable.Range(0, 8).Select(_ => renewal.RenewNowAsync()).ToArray();
        await Task.WhenAll(calls).WaitAsync(Limit);

        Assert.Equal(1, renewal.RenewalCount);
        Assert.Equal(2, credentials.TokensIssued); // the first CONNECT and one renewal
        Assert.True((await broker.NextConnectAsync()).Accepted);
        Assert.True(client.IsConnected);

        await renewal.RenewNowAsync().WaitAsync(Limit); // a later call is a new cycle
        Assert.Equal(2, renewal.RenewalCount);
        await renewal.StopAsync().WaitAsync(Limit);
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }
}
