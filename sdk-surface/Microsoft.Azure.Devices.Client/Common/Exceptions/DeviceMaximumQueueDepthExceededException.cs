// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Exceptions/DeviceMaximumQueueDepthExceededException.cs (Azure/azure-iot-sdk-csharp @ 6097889d; like main, without the SerializationInfo constructors 1.42.3 still had).

using System;

namespace Microsoft.Azure.Devices.Client.Exceptions;

[Serializable]
public sealed class DeviceMaximumQueueDepthExceededException : IotHubException
{
    public DeviceMaximumQueueDepthExceededException()
    {
    }

    public DeviceMaximumQueueDepthExceededException(int maximumQueueDepth)
        : base("Device Queue depth cannot exceed " + maximumQueueDepth + " messages", isTransient: false)
    {
    }

    public DeviceMaximumQueueDepthExceededException(string message)
        : base(message, isTransient: false)
    {
    }

    public DeviceMaximumQueueDepthExceededException(string message, Exception innerException)
        : base(message, innerException, isTransient: false)
    {
    }
}
