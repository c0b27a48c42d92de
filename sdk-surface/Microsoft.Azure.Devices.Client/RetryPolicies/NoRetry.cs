// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/RetryPolicies/NoRetry.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Never retries: the first disconnect is final (Disconnected / Retry_Expired).</summary>
public class NoRetry : IRetryPolicy
{
    public NoRetry()
    {
    }

    public bool ShouldRetry(int currentRetryCount, Exception lastException, out TimeSpan retryInterval)
    {
        retryInterval = TimeSpan.Zero;
        return false;
    }
}
