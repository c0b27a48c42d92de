// MQTTnet 4.x device code (client types in MQTTnet.Client, MqttFactory). Not part of ValidCode.csproj, which builds against
// MQTTnet 5: ValidCodeCorpusTests compiles this folder against the MQTTnet 4.3 stand-in (sdk-surface/MQTTnet).
using System.Text;
using MQTTnet;
using MQTTnet.Client;

namespace ValidCode.MqttNet4;

/// <summary>Mints a fresh SAS token on every CONNECT (AZIOT103 must not fire).</summary>
public sealed class SasTokenProvider(string hostName, string deviceId, Func<string> createToken) : IMqttClientCredentialsProvider
{
    public string GetUserName(MqttClientOptions clientOptions) => $"{hostName}/{deviceId}/?api-version=2021-04-12";

    public byte[] GetPassword(MqttClientOptions clientOptions) => Encoding.UTF8.GetBytes(createToken());
}

/// <summary>A 4.x telemetry device as community clients write it: keep-alive in range, DISCONNECT before dispose.</summary>
public static class RawMqttDevice
{
    public static MqttClientOptions Options(string hostName, string deviceId, Func<string> createToken) => new MqttClientOptionsBuilder()
        .WithTcpServer($"{hostName}.azure-devices.net", 8883)
        .WithClientId(deviceId)
        .WithCredentials(new SasTokenProvider($"{hostName}.azure-devices.net", deviceId, createToken))
        .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
        .WithTlsOptions(o => o.UseTls())
        .Build();

    /// <summary>X.509: a user name and no password.</summary>
    public static MqttClientOptions X509(string hostName, string deviceId) => new MqttClientOptionsBuilder()
        .WithTcpServer($"{hostName}.azure-devices.net", 8883)
        .WithCredentials($"{hostName}.azure-devices.net/{deviceId}/?api-version=2021-04-12")
        .Build();

    public static async Task PublishAsync(MqttClientOptions options, string deviceId, string payload, CancellationToken cancellationToken)
    {
        using var client = new MqttFactory().CreateMqttClient();
        try
        {
            await client.ConnectAsync(options, cancellationToken);
            await client.PublishStringAsync($"devices/{deviceId}/messages/events/", payload, cancellationToken: cancellationToken);
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
            }
        }
    }

    /// <summary>Another broker: hub rules do not apply, whatever the keep-alive or password.</summary>
    public static MqttClientOptions LocalBroker(string password) => new MqttClientOptionsBuilder()
        .WithTcpServer("localhost", 1883)
        .WithCredentials("user", password)
        .WithNoKeepAlive()
        .Build();
}
