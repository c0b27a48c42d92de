// A telemetry device written the way the IoT Hub team recommends: key-based auth the SDK renews, the
// default keep-alive, the default retry policy, a connection status handler, and CloseAsync on shutdown.
using System.Text;
using CleanDevice;
using Microsoft.Azure.Devices.Client;
using Microsoft.Azure.Devices.Client.Transport.Mqtt;

var connectionString = Environment.GetEnvironmentVariable("IOTHUB_DEVICE_CONNECTION_STRING");
if (string.IsNullOrEmpty(connectionString))
{
    Console.Error.WriteLine("Set IOTHUB_DEVICE_CONNECTION_STRING (HostName=…;DeviceId=…;SharedAccessKey=…).");
    return 1;
}

using var shutdown = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    shutdown.Cancel();
};

var transport = new ITransportSettings[]
{
    new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = 300 },
};
var options = new ClientOptions
{
    SasTokenTimeToLive = TimeSpan.FromHours(1),
    SasTokenRenewalBuffer = 15,
};

await using var client = DeviceClient.CreateFromConnectionString(connectionString, transport, options);
client.SetConnectionStatusChangesHandler(StatusLog.OnStatusChanged);
await client.OpenAsync(shutdown.Token);

try
{
    var sequence = 0;
    while (!shutdown.IsCancellationRequested)
    {
        var payload = $"{{\"sequence\":{++sequence},\"temperature\":{20 + Random.Shared.NextDouble() * 5:F2}}}";
        using var message = new Message(Encoding.UTF8.GetBytes(payload));
        await client.SendEventAsync(message, shutdown.Token);
        await Task.Delay(TimeSpan.FromSeconds(30), shutdown.Token);
    }
}
catch (OperationCanceledException)
{
    // Ctrl+C: fall through to a clean close.
}
finally
{
    // Sends MQTT DISCONNECT so the hub does not log 404104 for this device.
    await client.CloseAsync(CancellationToken.None);
}

return 0;
