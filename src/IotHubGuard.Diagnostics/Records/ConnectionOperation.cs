namespace IotHubGuard.Diagnostics;

/// <summary>What a Connections record says happened to a device connection.</summary>
public enum ConnectionOperation
{
    /// <summary>A <c>deviceConnect</c> record (or an Event Grid <c>DeviceConnected</c> event).</summary>
    Connect = 0,

    /// <summary>A <c>deviceDisconnect</c> record (or an Event Grid <c>DeviceDisconnected</c> event).</summary>
    Disconnect = 1,
}
