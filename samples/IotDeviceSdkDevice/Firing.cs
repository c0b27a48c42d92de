// Microsoft.Azure.Iot.Device code that the hub ends with 404104, one rule per member. Each warning has a fix
// (Quick Actions in the IDE, or `dotnet format analyzers`).
using Microsoft.Azure.Iot.Device;
using Microsoft.Azure.Iot.Device.Models;
using Microsoft.Azure.Iot.Device.MqttNetAdapter;
using Microsoft.Azure.Iot.Device.MQTTnetAdapter;
using Microsoft.Azure.Iot.Device.Retry;
using Microsoft.Azure.Iot.Device.Unified.Connection;

internal static class Firing
{
    // AZIOT501: NoRetry stops all reconnection; the first blip is final.
    public static ConnectionClient WithoutRetries() => new(new ConnectionClientOptions
    {
        ConnectionRetryPolicy = new NoRetry(),
    });

    // AZIOT501: maxRetries 0 never retries either.
    public static ConnectionClientOptions ZeroRetries() => new()
    {
        ConnectionRetryPolicy = new ExponentialBackoffRetryPolicy(0, TimeSpan.FromSeconds(30)),
    };

    // AZIOT301: the hub waits 1.5 x keep-alive but at most 1767 s, so it closes an idle link before this ping.
    public static MqttNetClient KeepAliveTooLong() => new(new MqttNetClientOptions { KeepAlivePeriod = TimeSpan.FromMinutes(45) });

    // AZIOT302: keep-alive off; a half-open link is never noticed.
    public static MqttNetClient KeepAliveOff() => new(new MqttNetClientOptions { KeepAlivePeriod = TimeSpan.Zero });

    // AZIOT201: Dispose() drops the socket without an MQTT DISCONNECT; call DisconnectAsync() first.
    public static async Task SendOnceAsync(ProvisioningSettings settings, X509AuthenticationProvider authentication)
    {
        using var client = new ConnectionClient();
        await client.ProvisionAndConnectAsync(settings, authentication);
    }
}
