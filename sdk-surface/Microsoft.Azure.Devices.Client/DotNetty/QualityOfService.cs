// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors src/DotNetty.Codecs.Mqtt/Packets/QualityOfService.cs of Azure/DotNetty 0.7.x, a dependency of the SDK that
// appears in its public API (MqttTransportSettings.PublishToServerQoS/ReceivingQoS, IWillMessage.QoS). In the real world this
// type lives in the DotNetty.Codecs.Mqtt assembly; the stand-in compiles it into the surface assembly.

namespace DotNetty.Codecs.Mqtt.Packets;

public enum QualityOfService
{
    AtMostOnce = 0,
    AtLeastOnce = 0x1,
    ExactlyOnce = 0x2,
    Reserved = 0x3,
    Failure = 0x80,
}
