// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Exceptions/IotHubCommunicationException.cs (Azure/azure-iot-sdk-csharp @ 6097889d; like main, without the SerializationInfo constructors 1.42.3 still had).

using System;

namespace Microsoft.Azure.Devices.Client.Exceptions;

[Serializable]
public sealed class IotHubCommunicationException : IotHubException
{
    public IotHubCommunicationException()
        : base(isTransient: true)
    {
    }

    public IotHubCommunicationException(string message)
        : this(message, null)
    {
    }

    public IotHubCommunicationException(string message, Exception innerException)
        : base(message, innerException, isTransient: true)
    {
    }
}
