using MQTTnet;

namespace ValidCode.ConnectionLifetime;

/// <summary>MQTTnet clients that send DISCONNECT before they are disposed (AZIOT204 must not fire).</summary>
public static class RawMqttSession
{
    public static async Task PublishAsync(MqttClientOptions options, string topic, string payload, CancellationToken cancellationToken)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            await client.ConnectAsync(options, cancellationToken);
            await client.PublishStringAsync(topic, payload, cancellationToken: cancellationToken);
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync();
            }
        }
    }

    public static async Task PublishQuietlyAsync(MqttClientOptions options, string topic, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(options, cancellationToken);
        await client.PublishStringAsync(topic, "{}", cancellationToken: cancellationToken);
        await client.TryDisconnectAsync();
        client.Dispose();
    }
}

/// <summary>A long-lived MQTTnet connection: disconnected in StopAsync, disposed in Dispose.</summary>
public sealed class RawMqttUplink : IDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public Task StartAsync(MqttClientOptions options, CancellationToken cancellationToken)
        => _client.ConnectAsync(options, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken)
        => _client.DisconnectAsync(new MqttClientDisconnectOptions(), cancellationToken);

    public void Dispose() => _client.Dispose();
}
