// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// The packet and event-argument types of dotnet/src/Microsoft.Azure.Iot.Device/Mqtt/ that appear in the signatures of
// IMqttClient, IConnectionClient and AbstractConnectionClient. SHELLS: the types exist with their SDK names, but only
// the members listed here (KeepAlivePeriod, Topic, Payload, ClientId, HostName) are mirrored.
using System;

namespace Microsoft.Azure.Iot.Device.Mqtt
{
    public class MqttConnect
    {
        public string HostName { get; set; } = string.Empty;

        public string ClientId { get; set; } = string.Empty;

        public TimeSpan KeepAlivePeriod { get; set; }
    }

    public class MqttConnectAck
    {
    }

    public class MqttDisconnect
    {
    }

    public class MqttPublish
    {
        public string Topic { get; set; } = string.Empty;

        public byte[]? Payload { get; set; }
    }

    public class MqttPublishAck
    {
    }

    public class MqttSubscribe
    {
    }

    public class MqttSubscribeAck
    {
    }

    public class MqttUnsubscribe
    {
    }

    public class MqttUnsubscribeAck
    {
    }

    public class MqttClientConnectedEventArgs : EventArgs
    {
    }

    public class MqttClientDisconnectedEventArgs : EventArgs
    {
    }

    public abstract class MqttPublishReceivedEventArgs : EventArgs
    {
    }
}
