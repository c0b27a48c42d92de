// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Transport/Mqtt/TransportState.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client.Transport.Mqtt;

/// <summary>State of the MQTT transport (public in the SDK, used internally).</summary>
[Flags]
public enum TransportState
{
    NotInitialized = 1,
    Opening = 2,
    Open = 4,
    Subscribing = Open | 8,
    Receiving = Open | 16,
    Closed = 32,
    Error = 64,
}
