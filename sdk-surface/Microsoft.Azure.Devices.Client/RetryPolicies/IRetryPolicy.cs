// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/RetryPolicies/IRetryPolicy.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Retry policy for the client's operations and reconnects.</summary>
public interface IRetryPolicy
{
    bool ShouldRetry(int currentRetryCount, Exception lastException, out TimeSpan retryInterval);
}
