namespace IotHubGuard.Package.Tests;

/// <summary>Consumer device code for the connection-lifetime rules (AZIOT201–205): one file that breaks them, one that does not.</summary>
internal static class ConsumerSourcesConnectionLifetime
{
    public const string Firing = """
        using Microsoft.Azure.Devices.Client;
        using MQTTnet;

        namespace Consumer;

        public static class LifetimeMistakes
        {
            public static async Task SendAsync(string cs, Message message)
            {
                using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                await client.SendEventAsync(message);
            }

            public static async Task SendEachAsync(string cs, Message[] messages)
            {
                foreach (var message in messages)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    await client.SendEventAsync(message);
                }
            }

            public static async Task PublishAsync(string hub, string deviceId)
            {
                var options = new MqttClientOptionsBuilder().WithTcpServer($"{hub}.azure-devices.net", 8883).WithClientId(deviceId).Build();
                using var client = new MqttClientFactory().CreateMqttClient();
                await client.ConnectAsync(options);
            }
        }

        public sealed class Uplink
        {
            private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5");

            public Task SendAsync(Message message) => _client.SendEventAsync(message);
        }

        public sealed class Switcher : IAsyncDisposable
        {
            private DeviceClient _client;
            private readonly string _cs;

            public Switcher(string cs)
            {
                _cs = cs;
                _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Amqp);
            }

            public async Task SwitchAsync(TransportType transport)
            {
                _client = DeviceClient.CreateFromConnectionString(_cs, transport);
                await _client.OpenAsync();
            }

            public async ValueTask DisposeAsync()
            {
                await _client.CloseAsync();
                _client.Dispose();
            }
        }
        """;

    public const string Clean = """
        using Microsoft.Azure.Devices.Client;
        using MQTTnet;

        namespace Consumer;

        public sealed class CleanUplink : IAsyncDisposable
        {
            private readonly DeviceClient _client;

            public CleanUplink(string cs) => _client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);

            public async Task SendAllAsync(Message[] messages)
            {
                foreach (var message in messages)
                {
                    await _client.SendEventAsync(message);
                }
            }

            public async ValueTask DisposeAsync()
            {
                await _client.CloseAsync();
                _client.Dispose();
            }

            public static async Task PublishAsync(MqttClientOptions options)
            {
                using var client = new MqttClientFactory().CreateMqttClient();
                try
                {
                    await client.ConnectAsync(options);
                }
                finally
                {
                    if (client.IsConnected)
                    {
                        await client.DisconnectAsync();
                    }
                }
            }
        }
        """;
}
