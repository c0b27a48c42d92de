using System.Text;
using Microsoft.Azure.Devices.Client;

namespace ValidCode.ConnectionLifetime;

/// <summary>Short-lived clients closed on every path: using + finally, await using, early returns, branches.</summary>
public static class Sessions
{
    public static async Task SendOnceAsync(string connectionString, string payload, CancellationToken cancellationToken)
    {
        using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
        client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} ({reason})"));
        try
        {
            if (payload.Length == 0)
            {
                return;
            }

            await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes(payload)), cancellationToken);
        }
        finally
        {
            await client.CloseAsync(CancellationToken.None);
        }
    }

    public static async Task SendWithAwaitUsingAsync(string connectionString, Message message)
    {
        await using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
        client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} ({reason})"));
        await client.SendEventAsync(message);
    }

    public static async Task SendOrSkipAsync(string connectionString, Message? message)
    {
        var client = ModuleClient.CreateFromConnectionString(connectionString, TransportType.Amqp);
        client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} ({reason})"));
        if (message is null)
        {
            await client.CloseAsync();
        }
        else
        {
            await client.SendEventAsync("telemetry", message);
            await client.CloseAsync();
        }

        client.Dispose();
    }

    /// <summary>One session per iteration: the inner loop does the work, the outer one reconnects after a failure.</summary>
    public static async Task RunSessionsAsync(string connectionString, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
            client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} ({reason})"));
            try
            {
                await client.OpenAsync(cancellationToken);
                while (!cancellationToken.IsCancellationRequested)
                {
                    await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes("{}")), cancellationToken);
                    await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                }
            }
            catch (TimeoutException)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            }
        }
    }

    /// <summary>A gateway sending once for each of its devices: one client per device identity, not per message.</summary>
    public static async Task SendForEachDeviceAsync(IReadOnlyList<string> deviceConnectionStrings, Message message)
    {
        foreach (var connectionString in deviceConnectionStrings)
        {
            await using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
            client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} ({reason})"));
            await client.SendEventAsync(message);
        }
    }

    /// <summary>A retry loop that keeps the first client that opens.</summary>
    public static async Task<DeviceClient> ConnectWithRetryAsync(string connectionString, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
            client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} ({reason})"));
            try
            {
                await client.OpenAsync(cancellationToken);
                return client;
            }
            catch (TimeoutException) when (attempt < 5)
            {
                await client.CloseAsync(CancellationToken.None);
                client.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    /// <summary>Closing through a helper of this code base.</summary>
    public static async Task SendThroughHelperAsync(string connectionString, Message message)
    {
        using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
        client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} ({reason})"));
        await client.SendEventAsync(message);
        await ShutdownAsync(client);
    }

    private static async Task ShutdownAsync(DeviceClient client)
    {
        try
        {
            await client.CloseAsync(CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // Closed twice: nothing left to do.
        }
    }
}
