// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Retry/IRetryPolicy.cs.
using System;

namespace Microsoft.Azure.Iot.Device.Retry
{
    public interface IRetryPolicy
    {
        bool ShouldRetry(uint currentRetryCount, Exception? lastException, out TimeSpan retryDelay);
    }
}
