using System;

namespace IotHubGuard.Analyzers;

/// <summary>The client libraries whose connections the lifetime rules follow.</summary>
internal enum ClientFamily
{
    /// <summary>Not a client.</summary>
    None,

    /// <summary><c>DeviceClient</c>/<c>ModuleClient</c> of the Azure IoT device SDK.</summary>
    DeviceSdk,

    /// <summary>An MQTTnet <c>IMqttClient</c>.</summary>
    Mqtt,

    /// <summary>A <c>ConnectionClient</c> of <c>Microsoft.Azure.Iot.Device</c> (the new-generation device SDK).</summary>
    IotDevice,
}

/// <summary>What a call does to a client's connection, weakest first.</summary>
internal enum ReleaseKind
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>The client goes to a new holder that may release it (returned, stored, passed on).</summary>
    HandOff,

    /// <summary><c>Dispose()</c>: the object ends, but not cleanly for every client (no DISCONNECT, no CloseAsync).</summary>
    Dispose,

    /// <summary>A clean close: <c>CloseAsync</c>/<c>DisposeAsync</c> (device SDK), <c>DisconnectAsync</c> (MQTTnet, Microsoft.Azure.Iot.Device).</summary>
    Close,
}

/// <summary>
/// What <see cref="ReleaseFlow"/> knows about one tracked variable at a point, each fact holding on every path that
/// reaches the point (the meet is intersection).
/// </summary>
[Flags]
internal enum ReleaseFacts
{
    /// <summary>Nothing is known.</summary>
    None = 0,

    /// <summary>Closed cleanly (or null, unassigned, known not connected).</summary>
    Closed = 1,

    /// <summary><see cref="Closed"/> or disposed.</summary>
    Ended = 2,

    /// <summary><see cref="Ended"/> or handed off to a new holder.</summary>
    Settled = 4,

    /// <summary>Holds a client created in this function that has not been settled since.</summary>
    OpenCreatedHere = 8,
}
