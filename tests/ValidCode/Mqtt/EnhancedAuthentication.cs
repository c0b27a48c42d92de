using System.Net;
using System.Text;
using MQTTnet;

namespace ValidCode.Mqtt;

/// <summary>MQTT 5 enhanced authentication that AZIOT103 must leave alone.</summary>
public static class EnhancedAuthentication
{
    /// <summary>The SAS method alone: the data is supplied (and renewed) by an enhanced-authentication handler.</summary>
    public static MqttClientOptions HubWithHandler(IMqttEnhancedAuthenticationHandler handler) => new MqttClientOptionsBuilder()
        .WithTcpServer("contoso.azure-devices.net", 8883)
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
        .WithEnhancedAuthentication("SAS")
        .WithEnhancedAuthenticationHandler(handler)
        .Build();

    /// <summary>Another method to another broker.</summary>
    public static MqttClientOptions Kerberos(byte[] ticket) => new MqttClientOptions
    {
        ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("broker.example.com", 8883) },
        AuthenticationMethod = "GS2-KRB5",
        AuthenticationData = ticket,
    };

    /// <summary>SAS data to a broker that is not IoT Hub.</summary>
    public static MqttClientOptions OtherBroker(string token) => new MqttClientOptionsBuilder()
        .WithTcpServer("broker.example.com", 8883)
        .WithEnhancedAuthentication("SAS", Encoding.UTF8.GetBytes(token))
        .Build();
}
