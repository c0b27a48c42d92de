using System.Text;
using Microsoft.Azure.Devices.Client;

namespace ValidCode.Recovery;

/// <summary>
/// The SDK's DeviceReconnectionSample pattern: the default retry policy written out, a status handler that recreates
/// the client on the terminal statuses, CloseAsync before Dispose.
/// </summary>
public sealed class ReconnectingDevice : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DeviceClient? _client;

    public ReconnectingDevice(string connectionString) => _connectionString = connectionString;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_client is not null)
            {
                await _client.CloseAsync(cancellationToken);
                _client.Dispose();
            }

            _client = DeviceClient.CreateFromConnectionString(_connectionString, TransportType.Mqtt);
            _client.SetConnectionStatusChangesHandler(OnConnectionStatusChanged);
            _client.SetRetryPolicy(new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
            await _client.OpenAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task SendAsync(string payload, CancellationToken cancellationToken)
    {
        if (_client is null)
        {
            throw new InvalidOperationException("Start the device first.");
        }

        using var message = new Message(Encoding.UTF8.GetBytes(payload));
        await _client.SendEventAsync(message, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.CloseAsync();
            _client.Dispose();
        }

        _gate.Dispose();
    }

    private void OnConnectionStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
    {
        Console.WriteLine($"{DateTimeOffset.UtcNow:O} connection {status} ({reason})");

        // Disconnected: the SDK gave up (retries exhausted, credentials rejected, device disabled). Start over.
        if (status == ConnectionStatus.Disconnected && reason != ConnectionStatusChangeReason.Device_Disabled)
        {
            _ = Task.Run(() => StartAsync(CancellationToken.None));
        }
    }
}
