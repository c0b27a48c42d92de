namespace IotHubGuard.Package.Tests;

/// <summary>Device code for the consumer project: one file that breaks the rules, one that does not.</summary>
internal static class ConsumerSources
{
    public const string Firing = """
        using Microsoft.Azure.Devices.Client;
        using Microsoft.Azure.Devices.Client.Transport.Mqtt;
        using MQTTnet;

        namespace Consumer;

        public static class FiringDevice
        {
            public static ITransportSettings[] Transport() => new ITransportSettings[]
            {
                new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = 3600 },
                new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = TimeSpan.Zero },
            };

            public static MqttClientOptions Raw(string hub) => new MqttClientOptionsBuilder()
                .WithTcpServer($"{hub}.azure-devices.net", 8883)
                .WithNoKeepAlive()
                .Build();
        }
        """;

    public const string Clean = """
        using Microsoft.Azure.Devices.Client;
        using Microsoft.Azure.Devices.Client.Transport.Mqtt;
        using MQTTnet;

        namespace Consumer;

        public static class CleanDevice
        {
            public static ITransportSettings[] Transport() => new ITransportSettings[]
            {
                new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = 300 },
                new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = TimeSpan.FromMinutes(2) },
            };

            public static MqttClientOptions LocalBroker() => new MqttClientOptionsBuilder()
                .WithTcpServer("localhost", 1883)
                .WithNoKeepAlive()
                .Build();
        }
        """;
}
