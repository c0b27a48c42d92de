using Microsoft.Azure.Devices.Client;
using Microsoft.Azure.Devices.Client.Exceptions;

namespace ValidCode.Recovery;

/// <summary>Retry policies that keep reconnecting, and NoRetry used where it does not reach a client.</summary>
public static class RetryPolicies
{
    /// <summary>Back-off capped at one minute, retrying forever; NoRetry only answers non-transient errors.</summary>
    public sealed class TransientOnlyRetryPolicy : IRetryPolicy
    {
        private readonly IRetryPolicy _transient = new ExponentialBackoff(int.MaxValue, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(2));
        private readonly IRetryPolicy _never = new NoRetry();

        public bool ShouldRetry(int currentRetryCount, Exception lastException, out TimeSpan retryInterval)
            => lastException is IotHubException { IsTransient: false }
                ? _never.ShouldRetry(currentRetryCount, lastException, out retryInterval)
                : _transient.ShouldRetry(currentRetryCount, lastException, out retryInterval);
    }

    public static void UseTransientOnly(DeviceClient client) => client.SetRetryPolicy(new TransientOnlyRetryPolicy());

    /// <summary>Shutdown: NoRetry right before CloseAsync on the same client only makes the close fast (docs/rules.md).</summary>
    public static async Task ShutDownAsync(ModuleClient client)
    {
        client.SetRetryPolicy(new NoRetry());
        await client.CloseAsync().ConfigureAwait(false);
    }

    /// <summary>A hosted worker that fails fast while stopping, as IoT Edge modules do.</summary>
    public sealed class StoppingWorker(DeviceClient client) : IAsyncDisposable
    {
        public async Task StopAsync(CancellationToken cancellationToken)
        {
            client.SetRetryPolicy(new NoRetry());
            await client.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            client.SetRetryPolicy(new NoRetry());
            await client.CloseAsync().ConfigureAwait(false);
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A bounded retry count from configuration is not known at compile time.</summary>
    public static void Bounded(DeviceClient client, int retries)
        => client.SetRetryPolicy(new ExponentialBackoff(retries, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(2)));

    public static void Choose(DeviceClient client, IRetryPolicy? configured)
        => client.SetRetryPolicy(configured ?? new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));

    /// <summary>Code from before SetRetryPolicy: the obsolete property with the retrying value.</summary>
    public static void Legacy(DeviceClient client)
    {
#pragma warning disable CS0618 // Type or member is obsolete: kept to document the legacy setting.
        client.RetryPolicy = RetryPolicyType.Exponential_Backoff_With_Jitter;
#pragma warning restore CS0618
    }
}
