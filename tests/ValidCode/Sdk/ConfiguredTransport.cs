using Microsoft.Azure.Devices.Client;
using Microsoft.Azure.Devices.Client.Transport.Mqtt;

namespace ValidCode.Sdk;

/// <summary>Keep-alive and idle timeout from configuration: unknown at compile time, never reported.</summary>
public sealed class ConfiguredTransport
{
    private readonly int _keepAliveSeconds;
    private TimeSpan _idleTimeout = TimeSpan.FromMinutes(2);

    public ConfiguredTransport(int keepAliveSeconds) => _keepAliveSeconds = keepAliveSeconds;

    public ITransportSettings[] Build(bool overWebSockets)
    {
        var keepAlive = _keepAliveSeconds;
        if (keepAlive <= 0)
        {
            keepAlive = 300;
        }

        _idleTimeout = TimeSpan.FromSeconds(Math.Clamp(_idleTimeout.TotalSeconds, 10, 1177));
        return new ITransportSettings[]
        {
            new MqttTransportSettings(overWebSockets ? TransportType.Mqtt_WebSocket_Only : TransportType.Mqtt_Tcp_Only)
            {
                KeepAliveInSeconds = keepAlive,
            },
            new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = _idleTimeout },
        };
    }

    public static ITransportSettings[] Defaults() => new ITransportSettings[]
    {
        new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = MqttTransportSettingsDefaults.KeepAlive },
        new AmqpTransportSettings(TransportType.Amqp_WebSocket_Only) { IdleTimeout = TimeSpan.FromMinutes(2) },
    };

    private static class MqttTransportSettingsDefaults
    {
        public const int KeepAlive = 5 * 60;
    }
}
