namespace IotHubGuard.Package.Tests;

/// <summary>Device code for the consumer project: the AZIOT1xx (authentication and SAS tokens) patterns.</summary>
internal static class ConsumerSourcesAuthentication
{
    public const string Firing = """
        using System.Text;
        using Microsoft.Azure.Devices.Client;
        using MQTTnet;

        namespace Consumer;

        public static class FixedTokens
        {
            public static DeviceClient Fixed(string host, string deviceId, string token)
                => DeviceClient.Create(host, new DeviceAuthenticationWithToken(deviceId, token), TransportType.Mqtt);

            public static DeviceClient FromString(string host, string token)
                => DeviceClient.CreateFromConnectionString($"HostName={host};DeviceId=dev1;SharedAccessSignature={token}");

            public static ClientOptions ShortLived() => new ClientOptions { SasTokenTimeToLive = TimeSpan.FromMinutes(2) };

            public static MqttClientOptions Raw(string host, string deviceId, string sas) => new MqttClientOptionsBuilder()
                .WithTcpServer(host, 8883)
                .WithCredentials($"{host}/{deviceId}/?api-version=2021-04-12", Encoding.UTF8.GetBytes(sas))
                .Build();
        }
        """;

    public const string Clean = """
        using Microsoft.Azure.Devices.Client;
        using MQTTnet;

        namespace Consumer;

        public static class RenewingTokens
        {
            public static DeviceClient Keyed(string host, string deviceId, string key)
                => DeviceClient.CreateFromConnectionString($"HostName={host};DeviceId={deviceId};SharedAccessKey={key}", TransportType.Mqtt);

            public static ClientOptions Defaults() => new ClientOptions { SasTokenTimeToLive = TimeSpan.FromHours(1), SasTokenRenewalBuffer = 15 };

            public static MqttClientOptions Provider(string host, IMqttClientCredentialsProvider credentials) => new MqttClientOptionsBuilder()
                .WithTcpServer(host, 8883)
                .WithCredentials(credentials)
                .Build();
        }
        """;
}
