// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Exceptions/ServerErrorException.cs (Azure/azure-iot-sdk-csharp @ 6097889d; like main, without the SerializationInfo constructors 1.42.3 still had).

using System;

namespace Microsoft.Azure.Devices.Client.Exceptions;

[Serializable]
public sealed class ServerErrorException : IotHubException
{
    public ServerErrorException()
        : base(isTransient: true)
    {
    }

    public ServerErrorException(string message)
        : base(message, isTransient: true)
    {
    }

    public ServerErrorException(string message, Exception innerException)
        : base(message, innerException, isTransient: true)
    {
    }
}
