using Microsoft.Azure.Devices.Client;

namespace CleanDevice;

internal static class StatusLog
{
    // Disconnected and Disabled are terminal: the SDK stops retrying and the app must create a new client.
    public static void OnStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
        => Console.WriteLine($"{DateTimeOffset.UtcNow:O} connection {status} ({reason})");
}
