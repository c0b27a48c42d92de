using MQTTnet;

namespace ValidCode.Mqtt;

/// <summary>MQTTnet code that talks to brokers other than IoT Hub: hub rules do not apply.</summary>
public static class OtherBrokers
{
    public static MqttClientOptions LocalMosquitto() => new MqttClientOptionsBuilder()
        .WithTcpServer("localhost", 1883)
        .WithNoKeepAlive()
        .Build();

    public static MqttClientOptions EdgeBridge(string host) => new MqttClientOptionsBuilder()
        .WithTcpServer(host)
        .WithKeepAlivePeriod(TimeSpan.FromHours(1))
        .Build();

    public static MqttClientOptions Cloud() => new MqttClientOptionsBuilder()
        .WithConnectionUri("mqtts://broker.hivemq.com:8883")
        .WithKeepAlivePeriod(TimeSpan.FromSeconds(5))
        .Build();
}
