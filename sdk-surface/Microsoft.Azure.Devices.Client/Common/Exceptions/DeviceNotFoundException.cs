// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Exceptions/DeviceNotFoundException.cs (Azure/azure-iot-sdk-csharp @ 6097889d; like main, without the SerializationInfo constructors 1.42.3 still had).

using System;

namespace Microsoft.Azure.Devices.Client.Exceptions;

[Serializable]
public sealed class DeviceNotFoundException : IotHubException
{
    public DeviceNotFoundException()
    {
    }

    public DeviceNotFoundException(string deviceId)
        : this(deviceId, null, null)
    {
    }

    public DeviceNotFoundException(string deviceId, string iotHubName)
        : this(deviceId, iotHubName, null)
    {
    }

    public DeviceNotFoundException(string deviceId, string iotHubName, string trackingId)
        : base(
            string.IsNullOrEmpty(iotHubName)
                ? "Device " + deviceId + " not registered"
                : "Device " + deviceId + " at IotHub " + iotHubName + " not registered",
            null,
            false,
            trackingId)
    {
    }

    public DeviceNotFoundException(string message, Exception innerException)
        : base(message, innerException, isTransient: false)
    {
    }
}
