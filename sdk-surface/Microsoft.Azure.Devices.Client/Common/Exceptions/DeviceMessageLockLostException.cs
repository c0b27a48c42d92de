// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Exceptions/DeviceMessageLockLostException.cs (Azure/azure-iot-sdk-csharp @ 6097889d; like main, without the SerializationInfo constructors 1.42.3 still had).

using System;

namespace Microsoft.Azure.Devices.Client.Exceptions;

[Serializable]
public class DeviceMessageLockLostException : IotHubException
{
    public DeviceMessageLockLostException()
    {
    }

    public DeviceMessageLockLostException(string message)
        : base(message, isTransient: false)
    {
    }

    public DeviceMessageLockLostException(string deviceId, Guid messageId)
        : base("Message " + messageId + " lock was lost for Device " + deviceId, isTransient: false)
    {
    }

    public DeviceMessageLockLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
