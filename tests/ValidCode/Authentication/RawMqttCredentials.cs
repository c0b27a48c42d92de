using System.Security.Cryptography;
using System.Text;
using MQTTnet;

namespace ValidCode.Authentication;

/// <summary>Raw MQTTnet to IoT Hub done right: a provider MQTTnet asks for a fresh token on every CONNECT.</summary>
public static class RawMqttCredentials
{
    public static MqttClientOptions Sas(string hubHost, string deviceId, string deviceKey) => new MqttClientOptionsBuilder()
        .WithTcpServer(hubHost, 8883)
        .WithTlsOptions(tls => tls.UseTls())
        .WithClientId(deviceId)
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
        .WithCredentials(new FreshSasCredentials(hubHost, deviceId, deviceKey))
        .Build();

    // X.509: the hub takes the user name only; there is no password to expire.
    public static MqttClientOptions X509(string deviceId) => new MqttClientOptionsBuilder()
        .WithTcpServer("contoso-hub.azure-devices.net", 8883)
        .WithClientId(deviceId)
        .WithCredentials($"contoso-hub.azure-devices.net/{deviceId}/?api-version=2021-04-12")
        .Build();

    // A local broker with a password: not IoT Hub, not reported.
    public static MqttClientOptions LocalBroker(string password) => new MqttClientOptionsBuilder()
        .WithTcpServer("localhost", 1883)
        .WithCredentials("sensor", password)
        .Build();

    // A loopback broker that imitates the hub in integration tests: the known host decides.
    public static MqttClientOptions LoopbackHubImitation(string token) => new MqttClientOptionsBuilder()
        .WithTcpServer("127.0.0.1", 8883)
        .WithCredentials("contoso-hub.azure-devices.net/dev1/?api-version=2021-04-12", token)
        .Build();

    private sealed class FreshSasCredentials(string host, string deviceId, string key) : IMqttClientCredentialsProvider
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
