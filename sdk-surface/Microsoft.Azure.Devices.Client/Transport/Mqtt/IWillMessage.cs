// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Transport/Mqtt/IWillMessage.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using DotNetty.Codecs.Mqtt.Packets;

namespace Microsoft.Azure.Devices.Client.Transport.Mqtt;

/// <summary>MQTT last-will message.</summary>
public interface IWillMessage
{
    Message Message { get; }

    QualityOfService QoS { get; set; }
}
