using Microsoft.Azure.Devices.Client;
using Microsoft.Azure.Devices.Client.Transport.Mqtt;
using MQTTnet;

namespace FiringDevice;

internal static class KeepAliveSettings
{
    private const int OneHour = 60 * 60;

    // "Save battery": pings once an hour. The hub gives up after 1767 s and closes the link (AZIOT301).
    public static ITransportSettings[] SdkTransport() => new ITransportSettings[]
    {
        new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = OneHour },
        new MqttTransportSettings(TransportType.Mqtt_WebSocket_Only) { KeepAliveInSeconds = 0 },            // AZIOT302
        new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = TimeSpan.Zero },              // AZIOT303
    };

    public static MqttClientOptions RawMqtt(string hubName, string deviceId) => new MqttClientOptionsBuilder()
        .WithTcpServer($"{hubName}.azure-devices.net", 8883)
        .WithClientId(deviceId)
        .WithKeepAlivePeriod(TimeSpan.FromMinutes(45))                                                      // AZIOT301
        .Build();

    public static MqttClientOptions RawMqttNoPing(string hubName, string deviceId) => new MqttClientOptionsBuilder()
        .WithTcpServer($"{hubName}.azure-devices.net", 8883)
        .WithClientId(deviceId)
        .WithNoKeepAlive()                                                                                  // AZIOT302
        .Build();
}
