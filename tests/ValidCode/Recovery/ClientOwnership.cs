using Microsoft.Azure.Devices.Client;

namespace ValidCode.Recovery;

/// <summary>Clients whose status handler lives elsewhere: the rule must not ask for one where the client is made.</summary>
public static class ClientOwnership
{
    /// <summary>A factory: whoever receives the client registers the handler.</summary>
    public static DeviceClient Create(string connectionString) => DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);

    /// <summary>A DI-style registration: the lambda hands the client out.</summary>
    public static Func<ModuleClient> Registration(string connectionString) => () => ModuleClient.CreateFromConnectionString(connectionString);

    /// <summary>An extension that registers the handler for its callers.</summary>
    public static DeviceClient WithStatusLog(this DeviceClient client, TextWriter log)
    {
        client.SetConnectionStatusChangesHandler((status, reason) => log.WriteLine($"connection {status} ({reason})"));
        return client;
    }

    public static async Task SendOnceAsync(string connectionString, Message message, CancellationToken cancellationToken)
    {
        await using var client = DeviceClient.CreateFromConnectionString(connectionString).WithStatusLog(Console.Error);
        await client.SendEventAsync(message, cancellationToken);
        await client.CloseAsync(cancellationToken);
    }

    public static async Task<DeviceClient> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var client = DeviceClient.CreateFromConnectionString(connectionString);
        Watch(client);
        await client.OpenAsync(cancellationToken);
        return client;
    }

    /// <summary>Configured but never opened here: closing is not using.</summary>
    public static async Task ProbeConfigurationAsync(string connectionString)
    {
        await using var client = DeviceClient.CreateFromConnectionString(connectionString);
        client.OperationTimeoutInMilliseconds = 30_000;
        await client.CloseAsync();
    }

    private static void Watch(DeviceClient client)
        => client.SetConnectionStatusChangesHandler((status, reason) => Console.Error.WriteLine($"connection {status} ({reason})"));
}
