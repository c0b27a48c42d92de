// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Exceptions/IotHubThrottledException.cs (Azure/azure-iot-sdk-csharp @ 6097889d; like main, without the SerializationInfo constructors 1.42.3 still had).

using System;

namespace Microsoft.Azure.Devices.Client.Exceptions;

[Serializable]
public sealed class IotHubThrottledException : IotHubException
{
    public IotHubThrottledException()
        : base(isTransient: true)
    {
    }

    public IotHubThrottledException(string message)
        : base(message, isTransient: true)
    {
    }

    public IotHubThrottledException(int maximumBatchCount)
        : base("Device Container has exceeded maximum number of allowed active requests: " + maximumBatchCount, isTransient: true)
    {
    }

    public IotHubThrottledException(string message, Exception innerException)
        : base(message, innerException, isTransient: true)
    {
    }
}
