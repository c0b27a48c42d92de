// A device on Microsoft.Azure.Iot.Device as its own samples recommend: one ConnectionClient for the process, the
// feature clients built on it, the SDK's default (indefinite) retry policy, a handler for the terminal fault, and
// DisconnectAsync before the client is disposed. The build reports nothing for this file.
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Azure.Iot.Device;
using Microsoft.Azure.Iot.Device.Models;
using Microsoft.Azure.Iot.Device.Models.Telemetry;
using Microsoft.Azure.Iot.Device.MqttNetAdapter;
using Microsoft.Azure.Iot.Device.MQTTnetAdapter;
using Microsoft.Azure.Iot.Device.Unified.Connection;
using Microsoft.Azure.Iot.Device.Unified.Telemetry;

using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(20));

var options = new ConnectionClientOptions
{
    // Only needed to change MQTT settings; a keep-alive inside the hub's range (the default is 60 s).
    MqttClient = new MqttNetClient(new MqttNetClientOptions { KeepAlivePeriod = TimeSpan.FromMinutes(4) }),
};

using var connectionClient = new ConnectionClient(options);
connectionClient.ConnectionFaultedAsync += args =>
{
    // Raised only once the SDK has given up for good: the app must connect again itself.
    Console.WriteLine($"Connection lost for good: {args.Exception.Message}");
    return Task.CompletedTask;
};

// Not disposed: disposing a feature client disposes the connection client too, without a DISCONNECT.
var telemetryClient = new TelemetryClient(connectionClient);

try
{
    using var certificate = X509CertificateLoader.LoadPkcs12FromFile("device.pfx", password: null);
    await connectionClient.ProvisionAndConnectAsync(
        new ProvisioningSettings("0ne00000000"),
        new X509AuthenticationProvider(certificate),
        cancellation.Token);

    await telemetryClient.SendTelemetryAsync(
        new DeviceToCloudTelemetry { Payload = Encoding.UTF8.GetBytes("hello"), MessageId = Guid.NewGuid().ToString() },
        cancellation.Token);
}
catch (Exception ex) when (ex is NotSupportedException or IOException or CryptographicException)
{
    Console.WriteLine($"Sample only (SDK stand-in, no device certificate): {ex.Message}");
}
finally
{
    // Close with an MQTT DISCONNECT before `using` disposes the client: Dispose alone drops the socket (404104).
    await connectionClient.DisconnectAsync();
}
