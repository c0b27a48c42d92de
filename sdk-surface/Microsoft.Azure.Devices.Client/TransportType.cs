// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/TransportType.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

namespace Microsoft.Azure.Devices.Client;

/// <summary>Transport protocol. Amqp and Mqtt mean "TCP, then WebSocket".</summary>
public enum TransportType
{
    Amqp = 0,
    Http1 = 1,
    Amqp_WebSocket_Only = 2,
    Amqp_Tcp_Only = 3,
    Mqtt = 4,
    Mqtt_WebSocket_Only = 5,
    Mqtt_Tcp_Only = 6,
}
