// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Exceptions/IotHubSuspendedException.cs (Azure/azure-iot-sdk-csharp @ 6097889d; like main, without the SerializationInfo constructors 1.42.3 still had).

using System;

namespace Microsoft.Azure.Devices.Client.Exceptions;

[Serializable]
public class IotHubSuspendedException : IotHubException
{
    public IotHubSuspendedException()
    {
    }

    public IotHubSuspendedException(string iotHubName)
        : base("Iothub " + iotHubName + " is suspended", isTransient: false)
    {
    }

    public IotHubSuspendedException(string iotHubName, string trackingId)
        : base("Iothub " + iotHubName + " is suspended", isTransient: false, trackingId: trackingId)
    {
    }

    public IotHubSuspendedException(string message, Exception innerException)
        : base(message, innerException, isTransient: false)
    {
    }
}
