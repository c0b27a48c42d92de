using Microsoft.Azure.Devices.Client;
using Microsoft.Azure.Devices.Client.Exceptions;

namespace ValidCode.ConnectionLifetime;

/// <summary>
/// The SDK's DeviceReconnectionSample shape: one client per device identity, re-created only after the previous one
/// was closed (a failing CloseAsync is swallowed) and disposed, under a lock. None of the lifetime rules may fire.
/// </summary>
public sealed class ReconnectingDevice : IAsyncDisposable
{
    private readonly SemaphoreSlim _initSemaphore = new(1, 1);
    private readonly string _connectionString;
    private DeviceClient? _deviceClient;

    public ReconnectingDevice(string connectionString) => _connectionString = connectionString;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initSemaphore.WaitAsync(cancellationToken);
        try
        {
            if (_deviceClient != null)
            {
                try
                {
                    await _deviceClient.CloseAsync(cancellationToken);
                }
                catch (UnauthorizedException)
                {
                    // The credentials expired: the connection is gone already.
                }

                _deviceClient.Dispose();
            }

            _deviceClient = DeviceClient.CreateFromConnectionString(_connectionString, TransportType.Mqtt);
            _deviceClient.SetConnectionStatusChangesHandler(OnStatusChanged);
            await _deviceClient.OpenAsync(cancellationToken);
        }
        finally
        {
            _initSemaphore.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_deviceClient != null)
        {
            await _deviceClient.CloseAsync();
            _deviceClient.Dispose();
        }

        _initSemaphore.Dispose();
    }

    private void OnStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
    {
        // Disconnected is terminal: the app re-creates the client (after closing the old one).
        if (status == ConnectionStatus.Disconnected)
        {
            _ = InitializeAsync(CancellationToken.None);
        }
    }
}

/// <summary>A reconnect loop that keeps the client in an outer variable and closes the previous one first.</summary>
public static class ReconnectLoop
{
    public static async Task RunAsync(string connectionString, Func<DeviceClient, CancellationToken, Task> session, CancellationToken cancellationToken)
    {
        DeviceClient? client = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (client != null)
                {
                    await client.CloseAsync(CancellationToken.None);
                    client.Dispose();
                }

                client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
                client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} ({reason})"));
                try
                {
                    await client.OpenAsync(cancellationToken);
                    await session(client, cancellationToken);
                }
                catch (IotHubCommunicationException)
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
                }
            }
        }
        finally
        {
            if (client != null)
            {
                await client.CloseAsync(CancellationToken.None);
                client.Dispose();
            }
        }
    }
}
