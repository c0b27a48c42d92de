using Microsoft.Azure.Devices.Client;

namespace ValidCode.ConnectionLifetime;

/// <summary>
/// A long-running owner of one client: created in StartAsync, closed in StopAsync, disposed in Dispose/DisposeAsync.
/// AZIOT201 must accept the sync Dispose (the type closes the client in StopAsync and DisposeAsync), AZIOT202 the field,
/// AZIOT205 the single assignment.
/// </summary>
public sealed class TelemetryService : IDisposable, IAsyncDisposable
{
    private readonly string _connectionString;
    private DeviceClient? _client;

    public TelemetryService(string connectionString) => _connectionString = connectionString;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _client = DeviceClient.CreateFromConnectionString(_connectionString, TransportType.Mqtt);
        _client.SetConnectionStatusChangesHandler(OnStatusChanged);
        await _client.OpenAsync(cancellationToken);
    }

    public Task SendAsync(Message message, CancellationToken cancellationToken)
        => _client?.SendEventAsync(message, cancellationToken) ?? Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_client is not null)
        {
            await _client.CloseAsync(cancellationToken);
        }
    }

    public void Dispose() => _client?.Dispose();

    public async ValueTask DisposeAsync()
    {
        await CloseClientAsync();
        _client?.Dispose();
        _client = null;
    }

    private async Task CloseClientAsync()
    {
        if (_client != null)
        {
            await _client.CloseAsync();
        }
    }

    private static void OnStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
        => Console.WriteLine($"{DateTimeOffset.UtcNow:O} {status} ({reason})");
}

/// <summary>Handed its client by the caller (constructor injection): the caller owns and closes it.</summary>
public sealed class TelemetrySender
{
    private readonly ModuleClient _client;

    public TelemetrySender(ModuleClient client) => _client = client;

    public Task SendAsync(string output, Message message) => _client.SendEventAsync(output, message);
}
