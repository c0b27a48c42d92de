using System.Collections.Concurrent;
using Microsoft.Azure.Devices.Client;
using MQTTnet;

namespace ValidCode.ConnectionLifetime;

/// <summary>
/// Shapes of public device code that close correctly and must stay silent: a transport chosen by switch, a close
/// through a pattern alias, a gateway that closes all its clients at once, an MQTTnet client to IoT Hub that
/// disconnects, and HTTP clients that keep no connection.
/// </summary>
public sealed class TransportSwitchingDevice : IAsyncDisposable
{
    private DeviceClient? _client;

    public async Task StartAsync(string connectionString, string transport)
    {
        switch (transport)
        {
            case "amqp":
                _client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Amqp_Tcp_Only);
                break;
            case "websocket":
                _client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt_WebSocket_Only);
                break;
            default:
                _client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt_Tcp_Only);
                break;
        }

        _client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} {reason}"));
        await _client.OpenAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { } client)
        {
            await client.CloseAsync();
            client.Dispose();
        }
    }
}

public sealed class DownstreamGateway : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DeviceClient> _clients = new();

    public async Task ConnectAsync(string deviceId, string connectionString)
    {
        var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Amqp_Tcp_Only);
        client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{deviceId}: {status} {reason}"));
        await client.OpenAsync();
        _clients[deviceId] = client;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_clients.Values.Select(c => c.CloseAsync()));
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _clients.Clear();
    }
}

public sealed class HubMqttPublisher : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

    public Task ConnectAsync(string hubName, string deviceId, IMqttClientCredentialsProvider credentials, CancellationToken cancellationToken)
        => _client.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer($"{hubName}.azure-devices.net", 8883)
                .WithClientId(deviceId)
                .WithCredentials(credentials)
                .WithTlsOptions(tls => tls.UseTls())
                .Build(),
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }
}

public static class HttpUploader
{
    public static async Task UploadAllAsync(string connectionString, IEnumerable<string> payloads)
    {
        foreach (var payload in payloads)
        {
            using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Http1);
            await client.SendEventAsync(new Message(System.Text.Encoding.UTF8.GetBytes(payload)));
        }
    }
}
