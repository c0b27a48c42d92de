namespace IotHubGuard.Package.Tests;

/// <summary>
/// A device project that breaks every rule with a code location, mixing sites that have a fix with sites that have
/// none (marked <c>// stays AZIOTnnn</c> on the reported line) and several fix kinds of one rule in one file. The
/// first site of a rule in a file is often the one without a fix: that is what stopped Fix All before.
/// </summary>
internal static class ConsumerSourcesMixed
{
    /// <summary>What <c>dotnet new console</c> creates, grown into a device: top-level statements.</summary>
    public const string Program = """
        using Consumer;
        using Microsoft.Azure.Devices.Client;
        using MQTTnet;

        var connectionString = args.Length > 0 ? args[0] : Settings.ConnectionString;

        // Send one reading and leave.
        using var device = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
        device.SetRetryPolicy(new NoRetry()); // fail fast on the bench
        await device.OpenAsync();

        var mqttOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(Settings.HubHost, 8883)
            .WithClientId(Settings.DeviceId)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(Settings.KeepAliveSeconds))
            .Build();
        var mqtt = new MqttClientFactory().CreateMqttClient();
        await mqtt.ConnectAsync(mqttOptions);
        mqtt.Dispose();
        return 0;
        """;

    public const string Settings = """
        namespace Consumer;

        internal static class Settings
        {
            public const string HubHost = "contoso-hub.azure-devices.net";
            public const string DeviceId = "thermostat-01";
            public const string ConnectionString = "HostName=contoso-hub.azure-devices.net;DeviceId=thermostat-01;SharedAccessKey=a2V5";
            public const int KeepAliveSeconds = 1800;     // half an hour between pings
        }
        """;

    public const string Tokens = """
        using Microsoft.Azure.Devices.Client;
        using MQTTnet;

        namespace Consumer;

        public interface ITokenService
        {
            Task<string> GetDeviceSasAsync(string deviceId, CancellationToken cancellationToken);

            string SignPassword(string deviceId);
        }

        public static class Tokens
        {
            private const string Provisioned = "HostName=contoso-hub.azure-devices.net;DeviceId=thermostat-01;"
                + "SharedAccessSignature=SharedAccessSignature sr=contoso-hub.azure-devices.net%2Fdevices%2Fthermostat-01&sig=c2ln&se=1900000000";

            public static DeviceClient FromProvisionedString()
                => DeviceClient.CreateFromConnectionString(Provisioned, TransportType.Mqtt); // stays AZIOT101

            public static DeviceClient Signed(string host, string deviceId, string deviceKey)
            {
                var token = new SharedAccessSignatureBuilder
                {
                    Key = deviceKey,
                    Target = $"{host}/devices/{deviceId}",
                    TimeToLive = TimeSpan.FromHours(1),
                }.ToSignature();
                return DeviceClient.Create(host, new DeviceAuthenticationWithToken(deviceId, token), TransportType.Mqtt);
            }

            public static async Task<DeviceClient> FromServiceAsync(ITokenService tokens, string host, string deviceId, CancellationToken cancellationToken)
            {
                var token = await tokens.GetDeviceSasAsync(deviceId, cancellationToken);
                return DeviceClient.Create(host, new DeviceAuthenticationWithToken(deviceId, token), TransportType.Mqtt);
            }

            public static ClientOptions ShortLived() => new ClientOptions { SasTokenTimeToLive = TimeSpan.FromMinutes(2) };

            public static MqttClientOptions RawLiteral(string deviceId) => new MqttClientOptionsBuilder()
                .WithTcpServer(Settings.HubHost, 8883)
                .WithCredentials($"{Settings.HubHost}/{deviceId}/?api-version=2021-04-12", "SharedAccessSignature sr=a&sig=b&se=1") // stays AZIOT103
                .Build();

            public static MqttClientOptions RawSigned(ITokenService tokens, string deviceId) => new MqttClientOptionsBuilder()
                .WithTcpServer(Settings.HubHost, 8883)
                .WithCredentials($"{Settings.HubHost}/{deviceId}/?api-version=2021-04-12", tokens.SignPassword(deviceId))
                .Build();
        }
        """;

    public const string Lifetime = """
        using Microsoft.Azure.Devices.Client;
        using Microsoft.Azure.Devices.Client.Exceptions;
        using MQTTnet;

        namespace Consumer;

        public static class Lifetime
        {
            public static void SendSync(string cs, Message message)
            {
                var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                client.SendEventAsync(message).GetAwaiter().GetResult();
                client.Dispose(); // stays AZIOT201
            }

            public static async Task SendAsync(string cs, Message message)
            {
                using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                await client.SendEventAsync(message);
            }

            public static async Task SendEachAsync(string cs, Message[] messages)
            {
                foreach (var message in messages)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt); // one per message
                    await client.SendEventAsync(message);
                }
            }

            public static async Task SendEachByHandAsync(string cs, Message[] messages)
            {
                foreach (var message in messages)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt); // stays AZIOT203
                    await client.SendEventAsync(message);
                    await client.CloseAsync();
                    client.Dispose();
                }
            }

            public static async Task PublishAsync(string deviceId)
            {
                var options = new MqttClientOptionsBuilder().WithTcpServer(Settings.HubHost, 8883).WithClientId(deviceId).Build();
                using var client = new MqttClientFactory().CreateMqttClient();
                await client.ConnectAsync(options);
            }

            // A worker that runs until the process is stopped, and never says goodbye to the hub.
            public static async Task RunAsync(string cs, Func<Message> read)
            {
                var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                while (true)
                {
                    await client.SendEventAsync(read());
                    await Task.Delay(TimeSpan.FromMinutes(1));
                }
            }
        }

        public sealed class Uplink : IDisposable
        {
            private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString(Settings.ConnectionString);
            private readonly Timer _heartbeat = new(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMinutes(1));

            // A status handler, so this class is only about AZIOT202 (closing the field next to an existing Dispose()).
            public Uplink() => _client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} ({reason})"));

            public Task SendAsync(Message message) => _client.SendEventAsync(message);

            public void Dispose() => _heartbeat.Dispose();
        }

        public sealed class Reconnector : IAsyncDisposable
        {
            private DeviceClient _client = DeviceClient.CreateFromConnectionString(Settings.ConnectionString, TransportType.Mqtt);

            public async Task SendAsync(Message message)
            {
                try
                {
                    await _client.SendEventAsync(message);
                }
                catch (IotHubCommunicationException)
                {
                    _client = DeviceClient.CreateFromConnectionString(Settings.ConnectionString, TransportType.Mqtt);
                    await _client.OpenAsync();
                }
            }

            public async ValueTask DisposeAsync()
            {
                await _client.CloseAsync();
                _client.Dispose();
            }
        }
        """;

    public const string Recovery = """
        using Microsoft.Azure.Devices.Client;
        using Microsoft.Azure.Devices.Client.Transport.Mqtt;
        using MQTTnet;

        namespace Consumer;

        public static class Recovery
        {
            private static readonly IRetryPolicy BenchPolicy = new NoRetry();

            public static void Configure(DeviceClient client) => client.SetRetryPolicy(BenchPolicy);

            public static ITransportSettings[] Transport() => new ITransportSettings[]
            {
                new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = 3600 },   // one hour
                new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = TimeSpan.Zero },
            };

            public static MqttClientOptions Raw() => new MqttClientOptionsBuilder()
                .WithTcpServer(Settings.HubHost, 8883)
                .WithNoKeepAlive()
                .Build();
        }
        """;
}
