using System.Security.Cryptography;
using System.Text;
using MQTTnet;

namespace CleanDevice;

/// <summary>The same device over raw MQTTnet: a credentials provider mints a fresh SAS on every CONNECT.</summary>
internal static class RawMqttDevice
{
    public static MqttClientOptions BuildOptions(string hubHost, string deviceId, string deviceKey)
        => new MqttClientOptionsBuilder()
            .WithTcpServer(hubHost, 8883)
            .WithTlsOptions(tls => tls.UseTls())
            .WithClientId(deviceId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
            .WithCredentials(new SasCredentials(hubHost, deviceId, deviceKey))
            .WithKeepAlivePeriod(TimeSpan.FromMinutes(5))
            .Build();

    public static async Task RunAsync(IMqttClient client, MqttClientOptions options, CancellationToken cancellationToken)
    {
        await client.ConnectAsync(options, cancellationToken);
        try
        {
            await client.PublishStringAsync($"devices/{options.ClientId}/messages/events/", "{\"hello\":1}", cancellationToken: cancellationToken);
        }
        finally
        {
            await client.DisconnectAsync();
        }
    }

    private sealed class SasCredentials(string host, string deviceId, string key) : IMqttClientCredentialsProvider
    {
        public string GetUserName(MqttClientOptions clientOptions) => $"{host}/{deviceId}/?api-version=2021-04-12";

        public byte[] GetPassword(MqttClientOptions clientOptions)
        {
            var resource = Uri.EscapeDataString($"{host}/devices/{deviceId}".ToLowerInvariant());
            var expiry = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
            using var hmac = new HMACSHA256(Convert.FromBase64String(key));
            var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{resource}\n{expiry}")));
            return Encoding.UTF8.GetBytes($"SharedAccessSignature sr={resource}&sig={Uri.EscapeDataString(signature)}&se={expiry}");
        }
    }
}
