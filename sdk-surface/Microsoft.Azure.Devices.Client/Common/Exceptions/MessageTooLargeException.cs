// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Exceptions/MessageTooLargeException.cs (Azure/azure-iot-sdk-csharp @ 6097889d; like main, without the SerializationInfo constructors 1.42.3 still had).

using System;

namespace Microsoft.Azure.Devices.Client.Exceptions;

[Serializable]
public sealed class MessageTooLargeException : IotHubException
{
    public MessageTooLargeException()
    {
    }

    public MessageTooLargeException(int maximumMessageSizeInBytes)
        : base("Message size cannot exceed " + maximumMessageSizeInBytes + " bytes", isTransient: false)
    {
    }

    public MessageTooLargeException(string message)
        : base(message, isTransient: false)
    {
    }

    public MessageTooLargeException(string message, Exception innerException)
        : base(message, innerException, isTransient: false)
    {
    }
}
