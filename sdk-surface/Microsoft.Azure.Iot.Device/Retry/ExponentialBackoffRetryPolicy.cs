// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Retry/ExponentialBackoffRetryPolicy.cs: maxRetries == 0 never retries.
using System;

namespace Microsoft.Azure.Iot.Device.Retry
{
    public class ExponentialBackoffRetryPolicy : IRetryPolicy
    {
        private readonly uint _maxRetries;
        private readonly TimeSpan _maxDelay;

        public ExponentialBackoffRetryPolicy()
            : this(uint.MaxValue, TimeSpan.FromMinutes(30))
        {
        }

        public ExponentialBackoffRetryPolicy(uint maxRetries, TimeSpan maxWait, bool useJitter = true)
        {
            _maxRetries = maxRetries;
            _maxDelay = maxWait;
        }

        public ExponentialBackoffRetryPolicy(uint maxRetries, uint baseExponent, TimeSpan maxWait, bool useJitter = true)
            : this(maxRetries, maxWait, useJitter)
        {
        }

        public bool ShouldRetry(uint currentRetryCount, Exception? lastException, out TimeSpan retryDelay)
        {
            // Stand-in: the SDK's doubling without jitter, clamped to maxWait.
            if (_maxRetries == 0 || currentRetryCount > _maxRetries)
            {
                retryDelay = TimeSpan.Zero;
                return false;
            }

            double ms = Math.Pow(2.0, Math.Min(32u, 6u + Math.Min(currentRetryCount, 32u)));
            retryDelay = TimeSpan.FromMilliseconds(Math.Min(ms, _maxDelay.TotalMilliseconds));
            return true;
        }
    }
}
