using System.Text;
using Microsoft.Azure.Devices.Client;
using MQTTnet;

namespace FiringDevice;

/// <summary>Connection lifetime mistakes behind 404104 and 400027, as they show up in device code.</summary>
internal static class ConnectionLifetime
{
    // AZIOT201: the early return leaves the using scope without CloseAsync.
    public static async Task SendOnceAsync(string connectionString, string payload)
    {
        using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
        if (payload.Length == 0)
        {
            return;
        }

        await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes(payload)));
        await client.CloseAsync();
    }

    // AZIOT203: a connection per reading (Azure/azure-iot-sdk-csharp #832).
    public static async Task SendReadingsAsync(string connectionString, IEnumerable<double> readings)
    {
        foreach (var reading in readings)
        {
            await using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
            await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes($"{{\"temperature\":{reading}}}")));
        }
    }

    // AZIOT204: MQTTnet's Dispose sends no DISCONNECT; the hub logs 404104 and publishes the Will message.
    public static async Task PublishRawAsync(string hubName, string deviceId, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer($"{hubName}.azure-devices.net", 8883)
            .WithClientId(deviceId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .Build();

        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(options, cancellationToken);
        await client.PublishStringAsync($"devices/{deviceId}/messages/events/", "{\"hello\":1}", cancellationToken: cancellationToken);
    }
}

/// <summary>AZIOT202: the uplink creates its client and nothing in the type ever closes or disposes it.</summary>
internal sealed class TelemetryUplink
{
    private readonly DeviceClient _client;

    public TelemetryUplink(string connectionString)
    {
        _client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
        _client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"uplink {status} ({reason})"));
    }

    public Task SendAsync(Message message) => _client.SendEventAsync(message);
}

/// <summary>AZIOT205: a protocol switch re-creates the client without closing the old one (the SDK's XamarinSample).</summary>
internal sealed class DeviceConsole : IAsyncDisposable
{
    private readonly string _connectionString;
    private DeviceClient _client;

    public DeviceConsole(string connectionString)
    {
        _connectionString = connectionString;
        _client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Amqp);
    }

    public async Task UseProtocolAsync(TransportType transport)
    {
        _client = DeviceClient.CreateFromConnectionString(_connectionString, transport);
        _client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"console {status} ({reason})"));
        await _client.OpenAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _client.CloseAsync();
        _client.Dispose();
    }
}
