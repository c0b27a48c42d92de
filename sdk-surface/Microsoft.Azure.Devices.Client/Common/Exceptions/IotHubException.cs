// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Exceptions/IotHubException.cs (Azure/azure-iot-sdk-csharp @ 6097889d; like main, without the SerializationInfo constructors 1.42.3 still had).

using System;

namespace Microsoft.Azure.Devices.Client.Exceptions;

/// <summary>Base of the SDK's service exceptions. IsTransient tells the retry policy whether to retry.</summary>
[Serializable]
public class IotHubException : Exception
{
    public IotHubException()
        : base()
    {
    }

    public IotHubException(string message)
        : this(message, false)
    {
    }

    public IotHubException(string message, string trackingId)
        : this(message, false, trackingId)
    {
    }

    public IotHubException(string message, bool isTransient, string trackingId)
        : this(message, null, isTransient, trackingId)
    {
    }

    public IotHubException(string message, bool isTransient)
        : this(message, null, isTransient, trackingId: string.Empty)
    {
    }

    public IotHubException(Exception innerException)
        : base(string.Empty, innerException)
    {
    }

    public IotHubException(string message, Exception innerException)
        : this(message, innerException, false, string.Empty)
    {
    }

    protected IotHubException(string message, Exception innerException, bool isTransient)
        : this(message, innerException, isTransient, trackingId: string.Empty)
    {
    }

    protected IotHubException(string message, Exception innerException, bool isTransient, string trackingId)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        TrackingId = trackingId;
    }

    internal IotHubException(bool isTransient)
        : base()
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; protected set; }

    public string TrackingId { get; set; }
}
