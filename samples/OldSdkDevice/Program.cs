// Correct device code that still gets AZIOT401: the problem is the SDK it is built against, an SDK older than the minimum (1.42.0 by default).
// The rule looks at the referenced Microsoft.Azure.Devices.Client assembly and reports once per compilation,
// without a source location. The fix is a package update, not a code change.
using Microsoft.Azure.Devices.Client;

var connectionString = Environment.GetEnvironmentVariable("IOTHUB_DEVICE_CONNECTION_STRING");
if (string.IsNullOrEmpty(connectionString))
{
    Console.Error.WriteLine("Set IOTHUB_DEVICE_CONNECTION_STRING (HostName=…;DeviceId=…;SharedAccessKey=…).");
    return 1;
}

await using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"Connection: {status} ({reason})"));
await client.OpenAsync();
await client.CloseAsync();
return 0;
