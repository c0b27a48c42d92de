// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/ClientSettings/MqttTransportSettings.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using DotNetty.Codecs.Mqtt.Packets;
using Microsoft.Azure.Devices.Shared;

namespace Microsoft.Azure.Devices.Client.Transport.Mqtt;

/// <summary>MQTT transport settings (Mqtt_Tcp_Only or Mqtt_WebSocket_Only).</summary>
public class MqttTransportSettings : ITransportSettings
{
    private readonly TransportType _transportType;

    public MqttTransportSettings(TransportType transportType)
    {
        switch (transportType)
        {
            case TransportType.Mqtt_Tcp_Only:
                break;
            case TransportType.Mqtt_WebSocket_Only:
                Proxy = StandInWebProxy.Instance;
                break;
            case TransportType.Mqtt:
                throw new ArgumentOutOfRangeException(nameof(transportType), transportType, "Must specify Mqtt_WebSocket_Only or Mqtt_Tcp_Only");
            default:
                throw new ArgumentOutOfRangeException(nameof(transportType), transportType, "Unsupported Transport Type " + transportType);
        }

        _transportType = transportType;
        CleanSession = false;
        ConnectArrivalTimeout = TimeSpan.FromSeconds(60);
        DeviceReceiveAckCanTimeout = false;
        DeviceReceiveAckTimeout = TimeSpan.FromSeconds(300);
        DupPropertyName = "mqtt-dup";
        HasWill = false;
        KeepAliveInSeconds = 300;
        MaxOutboundRetransmissionEnforced = false;
        MaxPendingInboundMessages = 50;
        PublishToServerQoS = QualityOfService.AtLeastOnce;
        ReceivingQoS = QualityOfService.AtLeastOnce;
        QoSPropertyName = "mqtt-qos";
        RetainPropertyName = "mqtt-retain";
        WillMessage = null;
        DefaultReceiveTimeout = TimeSpan.FromMinutes(1);
    }

    /// <summary>Process-wide in the SDK (backed by TlsVersions.Instance); so here too.</summary>
    public bool CertificateRevocationCheck
    {
        get => TlsVersions.Instance.CertificateRevocationCheck;
        set => TlsVersions.Instance.CertificateRevocationCheck = value;
    }

    public bool DeviceReceiveAckCanTimeout { get; set; }

    public TimeSpan DeviceReceiveAckTimeout { get; set; }

    public QualityOfService PublishToServerQoS { get; set; }

    public QualityOfService ReceivingQoS { get; set; }

    public string RetainPropertyName { get; set; }

    public string DupPropertyName { get; set; }

    public string QoSPropertyName { get; set; }

    public bool MaxOutboundRetransmissionEnforced { get; set; }

    public int MaxPendingInboundMessages { get; set; }

    /// <summary>CONNACK wait. Default 60 s.</summary>
    public TimeSpan ConnectArrivalTimeout { get; set; }

    public bool CleanSession { get; set; }

    /// <summary>MQTT keep-alive sent in CONNECT. Default 300; the SDK does not validate it.</summary>
    public int KeepAliveInSeconds { get; set; }

    public TimeSpan? WebSocketKeepAlive { get; set; }

    public bool HasWill { get; set; }

    public IWillMessage WillMessage { get; set; }

    public TimeSpan DefaultReceiveTimeout { get; set; }

    public RemoteCertificateValidationCallback RemoteCertificateValidationCallback { get; set; }

    public X509Certificate ClientCertificate { get; set; }

    public IWebProxy Proxy { get; set; }

    public TransportType GetTransportType() => _transportType;
}
