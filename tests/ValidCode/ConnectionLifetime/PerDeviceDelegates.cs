using Microsoft.Azure.Devices.Client;

namespace ValidCode.ConnectionLifetime;

/// <summary>
/// A gateway that writes its per-device work as a stored delegate or a local function and runs it per device: one
/// client per device, made from the device's own connection string, is not a client per message (AZIOT203).
/// </summary>
public static class PerDeviceDelegates
{
    public static async Task CheckAllAsync(IReadOnlyList<string> deviceConnectionStrings, CancellationToken cancellationToken)
    {
        Func<string, Task> check = async deviceCs =>
        {
            await using var client = DeviceClient.CreateFromConnectionString(deviceCs, TransportType.Amqp);
            client.SetConnectionStatusChangesHandler(static (status, reason) => Console.WriteLine($"{status} ({reason})"));
            await client.OpenAsync(cancellationToken);
            await client.CloseAsync(cancellationToken);
        };
        await Task.WhenAll(deviceConnectionStrings.Select(check));

        await Parallel.ForEachAsync(deviceConnectionStrings, cancellationToken, ProvisionAsync);

        static async ValueTask ProvisionAsync(string deviceCs, CancellationToken token)
        {
            await using var client = DeviceClient.CreateFromConnectionString(deviceCs, TransportType.Mqtt);
            client.SetConnectionStatusChangesHandler(static (status, reason) => Console.WriteLine($"{status} ({reason})"));
            await client.OpenAsync(token);
            await client.CloseAsync(token);
        }
    }
}
