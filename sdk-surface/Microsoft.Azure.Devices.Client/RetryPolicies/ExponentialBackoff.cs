// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/RetryPolicies/ExponentialBackoff.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>
/// Exponential back-off with jitter. The SDK default is
/// new ExponentialBackoff(int.MaxValue, 100 ms, 10 s, 100 ms): retry forever.
/// </summary>
public class ExponentialBackoff : IRetryPolicy
{
    private readonly int _retryCount;
    private readonly TimeSpan _minBackoff;
    private readonly TimeSpan _maxBackoff;
    private readonly TimeSpan _deltaBackoff;

    public ExponentialBackoff(int retryCount, TimeSpan minBackoff, TimeSpan maxBackoff, TimeSpan deltaBackoff)
    {
        RequireNotNegative(retryCount, nameof(retryCount));
        RequireNotNegative(minBackoff.Ticks, nameof(minBackoff));
        RequireNotNegative(maxBackoff.Ticks, nameof(maxBackoff));
        RequireNotNegative(deltaBackoff.Ticks, nameof(deltaBackoff));
        if (minBackoff > maxBackoff)
        {
            throw new ArgumentOutOfRangeException(nameof(minBackoff), minBackoff, "minBackoff must not be greater than maxBackoff.");
        }

        _retryCount = retryCount;
        _minBackoff = minBackoff;
        _maxBackoff = maxBackoff;
        _deltaBackoff = deltaBackoff;
    }

    // Stand-in bookkeeping, for tests that want to see the configured values.
    internal int RetryCount => _retryCount;

    internal TimeSpan MinBackoff => _minBackoff;

    internal TimeSpan MaxBackoff => _maxBackoff;

    internal TimeSpan DeltaBackoff => _deltaBackoff;

    /// <summary>Retries while currentRetryCount &lt; retryCount; delay = min((2^n - 1) * delta * [0.8, 1.2) + min, max).</summary>
    public bool ShouldRetry(int currentRetryCount, Exception lastException, out TimeSpan retryInterval)
    {
        if (currentRetryCount >= _retryCount)
        {
            retryInterval = TimeSpan.Zero;
            return false;
        }

        double deltaMs = _deltaBackoff.TotalMilliseconds;
        double jittered = deltaMs * (0.8 + (0.4 * Random.Shared.NextDouble()));
        double delayMs = ((Math.Pow(2.0, currentRetryCount) - 1.0) * jittered) + _minBackoff.TotalMilliseconds;
        retryInterval = TimeSpan.FromMilliseconds(Math.Min(delayMs, _maxBackoff.TotalMilliseconds));
        return true;
    }

    private static void RequireNotNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Argument cannot be negative.");
        }
    }
}
