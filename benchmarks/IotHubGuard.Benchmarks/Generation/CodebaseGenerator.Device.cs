namespace IotHubGuard.Benchmarks.Generation;

// IoT code, written the way the SDK's samples and real device teams write it (Azure/azure-iot-sdk-csharp, iothub/device/samples).
public static partial class CodebaseGenerator
{
    private sealed partial class State
    {
        private const string DeviceIdentity = """
            namespace Contoso.Fleet.Devices;

            public sealed record DeviceIdentity(string HostName, string DeviceId, string? ModuleId = null)
            {
                public static DeviceIdentity FromEnvironment() => new(
                    Environment.GetEnvironmentVariable("IOTHUB_HOSTNAME") ?? "contoso-fleet.azure-devices.net",
                    Environment.GetEnvironmentVariable("IOTHUB_DEVICE_ID") ?? Environment.MachineName,
                    Environment.GetEnvironmentVariable("IOTEDGE_MODULEID"));
            }
            """;

        private string Hub() => Pick("contoso-fleet", "fabrikam-plant", "northwind-edge", "tailspin-iot");

        // ---- DeviceClient telemetry service ---------------------------------------------------------------------

        private void AddTelemetryService()
        {
            var name = NextName();
            var sensor = Sensor();
            var keepAlive = Plant("AZIOT301") ? Pick(1800, 3600, 7200)
                : Plant("AZIOT302") ? Pick(0, 5)
                : Pick(60, 120, 240, 300, 300, 300, 600, 900);
            var transport = Pick("Mqtt_Tcp_Only", "Mqtt_Tcp_Only", "Mqtt_WebSocket_Only");
            var interval = Pick(5, 10, 30, 60, 300);
            var skipClose = Plant("bait:dispose-without-close");
            var usingStyle = Pick("await using var", "using var");
            var close = skipClose
                ? "// Disposing the client closes the connection."
                : "await client.CloseAsync(CancellationToken.None).ConfigureAwait(false);";
            Add($"Devices/{name}TelemetryService.cs", "iot:telemetry", $$"""
                using System.Text;
                using System.Text.Json;
                using Contoso.Fleet.Core;
                using Microsoft.Azure.Devices.Client;
                using Microsoft.Azure.Devices.Client.Transport.Mqtt;

                namespace Contoso.Fleet.Devices.{{name}};

                /// <summary>Sends {{sensor}} telemetry every {{interval}} s until cancelled.</summary>
                public sealed class {{name}}TelemetryService
                {
                    private readonly string _connectionString;
                    private readonly ILogSink _log;
                    private readonly IClock _clock;
                    private readonly TimeSpan _interval = TimeSpan.FromSeconds({{interval}});

                    public {{name}}TelemetryService(string connectionString, ILogSink log, IClock? clock = null)
                    {
                        _connectionString = connectionString ?? throw new ArgumentNullException(nameof(connectionString));
                        _log = log;
                        _clock = clock ?? SystemClock.Instance;
                    }

                    public int Sent { get; private set; }

                    public async Task RunAsync(CancellationToken cancellationToken)
                    {
                        var transport = new ITransportSettings[]
                        {
                            new MqttTransportSettings(TransportType.{{transport}}) { KeepAliveInSeconds = {{keepAlive}} },
                        };
                        var options = new ClientOptions
                        {
                            SasTokenTimeToLive = TimeSpan.FromHours(1),
                            SasTokenRenewalBuffer = 15,
                        };

                        {{usingStyle}} client = DeviceClient.CreateFromConnectionString(_connectionString, transport, options);
                        client.SetConnectionStatusChangesHandler((status, reason) => _log.Info($"connection {status} ({reason})"));
                        await client.OpenAsync(cancellationToken).ConfigureAwait(false);
                        try
                        {
                            var sequence = 0;
                            while (!cancellationToken.IsCancellationRequested)
                            {
                                var reading = new Measurement("{{sensor}}", Sample(sequence), _clock.UtcNow);
                                var payload = JsonSerializer.Serialize(new { sequence = ++sequence, reading.Sensor, reading.Value, reading.Timestamp });
                                using var message = new Message(Encoding.UTF8.GetBytes(payload))
                                {
                                    ContentType = "application/json",
                                    ContentEncoding = "utf-8",
                                };
                                message.Properties["alert"] = reading.Value > {{_random.Next(30, 90)}} ? "true" : "false";
                                await client.SendEventAsync(message, cancellationToken).ConfigureAwait(false);
                                Sent++;
                                await Task.Delay(_interval, cancellationToken).ConfigureAwait(false);
                            }
                        }
                        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                        {
                            _log.Info($"stopping after {Sent} messages");
                        }
                        finally
                        {
                            {{close}}
                        }
                    }

                    private static double Sample(int sequence) => {{_random.Next(10, 40)}} + Math.Sin(sequence / 10.0) * {{_random.Next(2, 10)}};
                }
                """);
        }

        // ---- settings objects with keep-alive values -------------------------------------------------------------

        private void AddConnectionSettings()
        {
            var name = NextName();
            var keepAlive = Plant("AZIOT301") ? Pick(1800, 3600)
                : Plant("AZIOT302") ? Pick(0, 3, 5)
                : Pick(60, 120, 180, 240, 300, 300, 300, 600, 900, 1177);
            var idle = Plant("AZIOT303") ? Pick("TimeSpan.FromMinutes(30)", "TimeSpan.FromHours(1)", "TimeSpan.FromSeconds(5)")
                : Pick("TimeSpan.FromMinutes(2)", "TimeSpan.FromMinutes(2)", "TimeSpan.FromSeconds(90)", "TimeSpan.FromMinutes(5)", "TimeSpan.FromMinutes(15)");
            var ttl = Plant("bait:sas-ttl-out-of-range") ? Pick(5, 2880) : Pick(30, 60, 60, 120, 360);
            var buffer = Pick(10, 15, 15, 20, 25);
            Add($"Devices/Configuration/{name}ConnectionSettings.cs", "iot:settings", $$"""
                using Microsoft.Azure.Devices.Client;
                using Microsoft.Azure.Devices.Client.Transport.Mqtt;

                namespace Contoso.Fleet.Devices.Configuration.{{name}};

                /// <summary>Connection settings of the {{name}} line, bound from configuration.</summary>
                public sealed class {{name}}ConnectionSettings
                {
                    public const int DefaultKeepAliveSeconds = {{keepAlive}};

                    public string HostName { get; init; } = "{{Hub()}}.azure-devices.net";

                    public string? GatewayHostName { get; init; }

                    public bool UseWebSockets { get; init; }

                    public bool PreferAmqp { get; init; }

                    public int TelemetryIntervalSeconds { get; init; } = {{Pick(10, 30, 60)}};

                    public string? ModelId { get; init; }

                    public ITransportSettings[] CreateTransportSettings()
                    {
                        var mqtt = new MqttTransportSettings(UseWebSockets ? TransportType.Mqtt_WebSocket_Only : TransportType.Mqtt_Tcp_Only)
                        {
                            KeepAliveInSeconds = DefaultKeepAliveSeconds,
                            CleanSession = false,
                            PublishToServerQoS = DotNetty.Codecs.Mqtt.Packets.QualityOfService.AtLeastOnce,
                        };
                        var amqp = new AmqpTransportSettings(UseWebSockets ? TransportType.Amqp_WebSocket_Only : TransportType.Amqp_Tcp_Only)
                        {
                            IdleTimeout = {{idle}},
                            OperationTimeout = TimeSpan.FromSeconds({{Pick(30, 60, 120)}}),
                        };
                        return PreferAmqp ? new ITransportSettings[] { amqp, mqtt } : new ITransportSettings[] { mqtt, amqp };
                    }

                    public ClientOptions CreateClientOptions() => new()
                    {
                        ModelId = ModelId,
                        SasTokenTimeToLive = TimeSpan.FromMinutes({{ttl}}),
                        SasTokenRenewalBuffer = {{buffer}},
                    };

                    public IEnumerable<string> Validate()
                    {
                        if (string.IsNullOrWhiteSpace(HostName))
                        {
                            yield return "HostName is required.";
                        }

                        if (TelemetryIntervalSeconds is < 1 or > 86_400)
                        {
                            yield return $"TelemetryIntervalSeconds must lie within 1 .. 86400 (was {TelemetryIntervalSeconds}).";
                        }

                        if (GatewayHostName is { Length: > 0 } gateway && gateway.Contains(' ', StringComparison.Ordinal))
                        {
                            yield return "GatewayHostName must not contain spaces.";
                        }
                    }
                }
                """);
        }

        // ---- authentication setup -------------------------------------------------------------------------------

        private void AddAuthentication()
        {
            var name = NextName();
            var fixedToken = Plant("bait:fixed-sas-token");
            var tokenMethod = fixedToken
                ? """
                    public static DeviceClient CreateWithToken(DeviceIdentity identity, string sasToken) =>
                        DeviceClient.Create(identity.HostName, new DeviceAuthenticationWithToken(identity.DeviceId, sasToken), TransportType.Mqtt);
                """
                : """
                    public static DeviceClient CreateWithCertificate(DeviceIdentity identity, X509Certificate2 certificate) =>
                        DeviceClient.Create(identity.HostName, new DeviceAuthenticationWithX509Certificate(identity.DeviceId, certificate), TransportType.Mqtt_Tcp_Only);
                """;
            var ttl = Pick(3600, 3600, 7200, 21600);
            Add($"Devices/Authentication/{name}Authentication.cs", "iot:auth", $$"""
                using System.Security.Cryptography;
                using System.Security.Cryptography.X509Certificates;
                using System.Text;
                using Microsoft.Azure.Devices.Client;
                using Microsoft.Azure.Devices.Client.Transport.Mqtt;

                namespace Contoso.Fleet.Devices.Authentication.{{name}};

                /// <summary>Mints SAS tokens from a device key held in a secure element; the SDK asks again before expiry.</summary>
                public sealed class {{name}}TokenRefresher : DeviceAuthenticationWithTokenRefresh
                {
                    private readonly byte[] _key;

                    public {{name}}TokenRefresher(string deviceId, string base64Key)
                        : base(deviceId, suggestedTimeToLiveSeconds: {{ttl}}, timeBufferPercentage: {{Pick(10, 15, 20)}})
                    {
                        _key = Convert.FromBase64String(base64Key);
                    }

                    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                    {
                        var expiry = DateTimeOffset.UtcNow.AddSeconds(suggestedTimeToLive).ToUnixTimeSeconds();
                        var resource = Uri.EscapeDataString($"{iotHub}/devices/{DeviceId}".ToLowerInvariant());
                        using var hmac = new HMACSHA256(_key);
                        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{resource}\n{expiry}")));
                        return Task.FromResult($"SharedAccessSignature sr={resource}&sig={Uri.EscapeDataString(signature)}&se={expiry}");
                    }
                }

                public static class {{name}}ClientFactory
                {
                    public static DeviceClient CreateWithKey(DeviceIdentity identity, string deviceKey) =>
                        DeviceClient.Create(
                            identity.HostName,
                            new DeviceAuthenticationWithRegistrySymmetricKey(identity.DeviceId, deviceKey),
                            TransportType.{{Pick("Mqtt", "Mqtt_Tcp_Only", "Amqp")}});

                    public static DeviceClient CreateWithRefresher(DeviceIdentity identity, string deviceKey) =>
                        DeviceClient.Create(
                            identity.HostName,
                            new {{name}}TokenRefresher(identity.DeviceId, deviceKey),
                            new ITransportSettings[] { new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) });

                {{tokenMethod}}

                    public static bool LooksLikeConnectionString(string value) =>
                        value.Contains("HostName=", StringComparison.OrdinalIgnoreCase)
                        && value.Contains("DeviceId=", StringComparison.OrdinalIgnoreCase);
                }
                """);
        }

        // ---- retry policy -----------------------------------------------------------------------------------------

        private void AddRetryPolicy()
        {
            var name = NextName();
            var noRetry = Plant("bait:no-retry");
            var fallback = noRetry ? "new NoRetry()" : $"new {name}RetryPolicy({Pick(8, 16, 32)})";
            Add($"Devices/Resilience/{name}RetryPolicy.cs", "iot:retry", $$"""
                using System.Net.Sockets;
                using Microsoft.Azure.Devices.Client;
                using Microsoft.Azure.Devices.Client.Exceptions;

                namespace Contoso.Fleet.Devices.Resilience.{{name}};

                /// <summary>Exponential back-off with jitter, capped at {{Pick(30, 60, 120)}} s, for transient errors only.</summary>
                public sealed class {{name}}RetryPolicy : IRetryPolicy
                {
                    private readonly int _maxAttempts;
                    private readonly Random _jitter = new();

                    public {{name}}RetryPolicy(int maxAttempts) =>
                        _maxAttempts = maxAttempts > 0 ? maxAttempts : throw new ArgumentOutOfRangeException(nameof(maxAttempts));

                    public bool ShouldRetry(int currentRetryCount, Exception lastException, out TimeSpan retryInterval)
                    {
                        if (currentRetryCount >= _maxAttempts || !IsTransient(lastException))
                        {
                            retryInterval = TimeSpan.Zero;
                            return false;
                        }

                        var exponent = Math.Min(currentRetryCount, 16);
                        var delay = Math.Min(Math.Pow(2, exponent) * 100, 30_000);
                        lock (_jitter)
                        {
                            retryInterval = TimeSpan.FromMilliseconds(delay + _jitter.Next(0, 1000));
                        }

                        return true;
                    }

                    private static bool IsTransient(Exception exception) => exception switch
                    {
                        IotHubException hub => hub.IsTransient,
                        TimeoutException or SocketException or IOException => true,
                        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTransient),
                        _ => false,
                    };
                }

                public static class {{name}}RetrySetup
                {
                    public static void Apply(DeviceClient client, bool interactive)
                    {
                        ArgumentNullException.ThrowIfNull(client);
                        IRetryPolicy policy = interactive
                            ? new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100))
                            : {{fallback}};
                        client.SetRetryPolicy(policy);
                    }
                }
                """);
        }

        // ---- reconnect supervisor with a status handler ---------------------------------------------------------

        private void AddReconnectSupervisor()
        {
            var name = NextName();
            var transport = Pick("Mqtt", "Mqtt_Tcp_Only", "Amqp", "Amqp_Tcp_Only");
            var leak = Plant("bait:recreate-without-dispose");
            var teardown = leak
                ? "_client = null;"
                : """
                                try
                                {
                                    await _client.CloseAsync(cancellationToken).ConfigureAwait(false);
                                }
                                catch (UnauthorizedException ex)
                                {
                                    _log.Warn("close failed with expired credentials", ex);
                                }

                                _client.Dispose();
                                _client = null;
                """;
            Add($"Devices/Resilience/{name}ConnectionSupervisor.cs", "iot:supervisor", $$"""
                using Contoso.Fleet.Core;
                using Microsoft.Azure.Devices.Client;
                using Microsoft.Azure.Devices.Client.Exceptions;

                namespace Contoso.Fleet.Devices.Resilience.{{name}};

                /// <summary>
                /// Owns the device client: the SDK retries while the status is Disconnected_Retrying; after a terminal
                /// Disconnected the client is closed, disposed and created again (DeviceReconnectionSample pattern).
                /// </summary>
                public sealed class {{name}}ConnectionSupervisor : IAsyncDisposable
                {
                    private readonly SemaphoreSlim _initLock = new(1, 1);
                    private readonly string _connectionString;
                    private readonly ILogSink _log;
                    private DeviceClient? _client;
                    private volatile bool _connected;

                    public {{name}}ConnectionSupervisor(string connectionString, ILogSink log)
                    {
                        _connectionString = connectionString;
                        _log = log;
                    }

                    public async Task<DeviceClient> GetClientAsync(CancellationToken cancellationToken)
                    {
                        if (_client is { } current && _connected)
                        {
                            return current;
                        }

                        await InitializeAsync(cancellationToken).ConfigureAwait(false);
                        return _client ?? throw new InvalidOperationException("The device client could not be created.");
                    }

                    private async Task InitializeAsync(CancellationToken cancellationToken)
                    {
                        await _initLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                        try
                        {
                            if (_client is not null)
                            {
                                {{teardown}}
                            }

                            var client = DeviceClient.CreateFromConnectionString(
                                _connectionString,
                                TransportType.{{transport}},
                                new ClientOptions { SasTokenTimeToLive = TimeSpan.FromHours(1), SasTokenRenewalBuffer = 15 });
                            client.SetConnectionStatusChangesHandler(OnConnectionStatusChanged);
                            client.SetRetryPolicy(new ExponentialBackoff({{Pick(5, 10, 100)}}, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250)));
                            await client.OpenAsync(cancellationToken).ConfigureAwait(false);
                            _client = client;
                            _connected = true;
                        }
                        finally
                        {
                            _initLock.Release();
                        }
                    }

                    private async void OnConnectionStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
                    {
                        _log.Info($"connection status {status} ({reason})");
                        _connected = status == ConnectionStatus.Connected;
                        switch (status)
                        {
                            case ConnectionStatus.Connected:
                            case ConnectionStatus.Disconnected_Retrying:
                                return;
                            case ConnectionStatus.Disconnected when reason is ConnectionStatusChangeReason.Retry_Expired or ConnectionStatusChangeReason.Communication_Error:
                                try
                                {
                                    await InitializeAsync(CancellationToken.None).ConfigureAwait(false);
                                }
                                catch (Exception ex)
                                {
                                    _log.Warn("re-initialisation failed", ex);
                                }

                                return;
                            case ConnectionStatus.Disconnected when reason == ConnectionStatusChangeReason.Bad_Credential:
                                _log.Warn("the hub rejected the credentials; waiting for new ones");
                                return;
                            case ConnectionStatus.Disabled:
                                _log.Info("client closed");
                                return;
                            default:
                                _log.Warn($"unexpected status {status} ({reason})");
                                return;
                        }
                    }

                    public async ValueTask DisposeAsync()
                    {
                        if (_client is not null)
                        {
                            await _client.CloseAsync().ConfigureAwait(false);
                            _client.Dispose();
                        }

                        _initLock.Dispose();
                    }
                }
                """);
        }

        // ---- IoT Edge module ------------------------------------------------------------------------------------

        private void AddEdgeModule()
        {
            var name = NextName();
            var keepAlive = Plant("AZIOT301") ? Pick(1800, 2400) : Pick(120, 300, 300, 600);
            var threshold = _random.Next(20, 80);
            Add($"Modules/{name}FilterModule.cs", "iot:module", $$"""
                using System.Globalization;
                using System.Text;
                using Microsoft.Azure.Devices.Client;
                using Microsoft.Azure.Devices.Client.Transport.Mqtt;
                using Microsoft.Azure.Devices.Shared;

                namespace Contoso.Fleet.Modules.{{name}};

                /// <summary>IoT Edge module: forwards readings above the twin's threshold to output1.</summary>
                public sealed class {{name}}FilterModule : IAsyncDisposable
                {
                    private ModuleClient? _module;
                    private double _threshold = {{threshold}};
                    private long _forwarded;

                    public long Forwarded => Interlocked.Read(ref _forwarded);

                    public async Task StartAsync(CancellationToken cancellationToken)
                    {
                        var mqtt = new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = {{keepAlive}} };
                        _module = await ModuleClient.CreateFromEnvironmentAsync(new ITransportSettings[] { mqtt }).ConfigureAwait(false);
                        _module.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"module connection {status} ({reason})"));
                        await _module.OpenAsync(cancellationToken).ConfigureAwait(false);
                        await _module.SetInputMessageHandlerAsync("input1", FilterAsync, _module, cancellationToken).ConfigureAwait(false);
                        await _module.SetDesiredPropertyUpdateCallbackAsync(OnDesiredPropertiesAsync, _module, cancellationToken).ConfigureAwait(false);
                        var twin = await _module.GetTwinAsync(cancellationToken).ConfigureAwait(false);
                        await OnDesiredPropertiesAsync(twin.Properties.Desired, _module).ConfigureAwait(false);
                    }

                    private async Task<MessageResponse> FilterAsync(Message message, object userContext)
                    {
                        var module = (ModuleClient)userContext;
                        var body = Encoding.UTF8.GetString(message.GetBytes());
                        if (!double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                        {
                            return MessageResponse.Abandoned;
                        }

                        if (value <= _threshold)
                        {
                            return MessageResponse.Completed;
                        }

                        using var forwarded = new Message(Encoding.UTF8.GetBytes(body));
                        forwarded.Properties["MessageType"] = "Alert";
                        forwarded.Properties["Threshold"] = _threshold.ToString(CultureInfo.InvariantCulture);
                        await module.SendEventAsync("output1", forwarded).ConfigureAwait(false);
                        Interlocked.Increment(ref _forwarded);
                        return MessageResponse.Completed;
                    }

                    private Task OnDesiredPropertiesAsync(TwinCollection desired, object userContext)
                    {
                        if (desired.Contains("TemperatureThreshold"))
                        {
                            _threshold = (double)desired["TemperatureThreshold"];
                        }

                        var reported = new TwinCollection();
                        reported["TemperatureThreshold"] = _threshold;
                        return ((ModuleClient)userContext).UpdateReportedPropertiesAsync(reported);
                    }

                    public async ValueTask DisposeAsync()
                    {
                        if (_module is null)
                        {
                            return;
                        }

                        await _module.CloseAsync().ConfigureAwait(false);
                        _module.Dispose();
                        _module = null;
                    }
                }
                """);
        }

        // ---- direct methods and reported properties -------------------------------------------------------------

        private void AddCommandHandlers()
        {
            var name = NextName();
            Add($"Devices/Commands/{name}CommandHandlers.cs", "iot:commands", $$"""
                using System.Text;
                using System.Text.Json;
                using Contoso.Fleet.Core;
                using Microsoft.Azure.Devices.Client;
                using Microsoft.Azure.Devices.Shared;

                namespace Contoso.Fleet.Devices.Commands.{{name}};

                public sealed class {{name}}CommandHandlers
                {
                    private readonly ILogSink _log;
                    private int _setPoint = {{_random.Next(18, 25)}};

                    public {{name}}CommandHandlers(ILogSink log) => _log = log;

                    public async Task RegisterAsync(DeviceClient client, CancellationToken cancellationToken)
                    {
                        await client.SetMethodHandlerAsync("reboot", OnRebootAsync, client, cancellationToken).ConfigureAwait(false);
                        await client.SetMethodHandlerAsync("setPoint", OnSetPointAsync, client, cancellationToken).ConfigureAwait(false);
                        await client.SetMethodDefaultHandlerAsync(OnUnknownAsync, client, cancellationToken).ConfigureAwait(false);

                        var reported = new TwinCollection();
                        reported["firmwareVersion"] = "{{_random.Next(1, 5)}}.{{_random.Next(0, 20)}}.{{_random.Next(0, 100)}}";
                        reported["setPoint"] = _setPoint;
                        reported["lastBoot"] = DateTime.UtcNow;
                        await client.UpdateReportedPropertiesAsync(reported, cancellationToken).ConfigureAwait(false);
                    }

                    private Task<MethodResponse> OnRebootAsync(MethodRequest request, object userContext)
                    {
                        _log.Info($"reboot requested ({request.DataAsJson ?? "no payload"})");
                        return Task.FromResult(new MethodResponse(Encoding.UTF8.GetBytes("{\"accepted\":true}"), 200));
                    }

                    private async Task<MethodResponse> OnSetPointAsync(MethodRequest request, object userContext)
                    {
                        try
                        {
                            using var document = JsonDocument.Parse(request.DataAsJson ?? "null");
                            if (document.RootElement.ValueKind != JsonValueKind.Number || !document.RootElement.TryGetInt32(out var value) || value is < 5 or > 35)
                            {
                                return new MethodResponse(Encoding.UTF8.GetBytes("{\"error\":\"expected a number 5..35\"}"), 400);
                            }

                            _setPoint = value;
                            var reported = new TwinCollection();
                            reported["setPoint"] = value;
                            await ((DeviceClient)userContext).UpdateReportedPropertiesAsync(reported).ConfigureAwait(false);
                            return new MethodResponse(200);
                        }
                        catch (JsonException ex)
                        {
                            _log.Warn("bad setPoint payload", ex);
                            return new MethodResponse(400);
                        }
                    }

                    private Task<MethodResponse> OnUnknownAsync(MethodRequest request, object userContext) =>
                        Task.FromResult(new MethodResponse(Encoding.UTF8.GetBytes("{\"error\":\"unknown method " + request.Name + "\"}"), 404));
                }
                """);
        }

        // ---- raw MQTTnet to IoT Hub -----------------------------------------------------------------------------

        private void AddHubMqttClient()
        {
            var name = NextName();
            var keepAlive = Plant("AZIOT301") ? Pick("TimeSpan.FromMinutes(30)", "TimeSpan.FromHours(1)")
                : Plant("AZIOT302") ? "TimeSpan.FromSeconds(2)"
                : Pick("TimeSpan.FromSeconds(60)", "TimeSpan.FromMinutes(2)", "TimeSpan.FromMinutes(4)", "TimeSpan.FromMinutes(5)");
            var ttlHours = Plant("bait:sas-ttl-out-of-range") ? 72 : Pick(1, 1, 2, 6);
            Add($"Mqtt/{name}HubMqttClient.cs", "iot:mqttnet-hub", $$"""
                using System.Security.Cryptography;
                using System.Text;
                using Contoso.Fleet.Core;
                using MQTTnet;
                using MQTTnet.Formatter;
                using MQTTnet.Protocol;

                namespace Contoso.Fleet.Mqtt.{{name}};

                /// <summary>Mints a fresh SAS token on every CONNECT, so reconnects never reuse an expired token.</summary>
                public sealed class {{name}}SasCredentials : IMqttClientCredentialsProvider
                {
                    private readonly string _host;
                    private readonly string _deviceId;
                    private readonly byte[] _key;

                    public {{name}}SasCredentials(string host, string deviceId, string base64Key)
                    {
                        _host = host;
                        _deviceId = deviceId;
                        _key = Convert.FromBase64String(base64Key);
                    }

                    public string GetUserName(MqttClientOptions clientOptions) => $"{_host}/{_deviceId}/?api-version=2021-04-12";

                    public byte[] GetPassword(MqttClientOptions clientOptions)
                    {
                        var resource = Uri.EscapeDataString($"{_host}/devices/{_deviceId}".ToLowerInvariant());
                        var expiry = DateTimeOffset.UtcNow.AddHours({{ttlHours}}).ToUnixTimeSeconds();
                        using var hmac = new HMACSHA256(_key);
                        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{resource}\n{expiry}")));
                        return Encoding.UTF8.GetBytes($"SharedAccessSignature sr={resource}&sig={Uri.EscapeDataString(signature)}&se={expiry}");
                    }
                }

                /// <summary>Talks to IoT Hub over raw MQTT 3.1.1 and reconnects after an unexpected disconnect.</summary>
                public sealed class {{name}}HubMqttClient : IAsyncDisposable
                {
                    private readonly IMqttClient _client;
                    private readonly MqttClientOptions _options;
                    private readonly ILogSink _log;
                    private int _disposed;

                    public {{name}}HubMqttClient(string hubName, string deviceId, string deviceKey, ILogSink log)
                    {
                        _log = log;
                        var host = $"{hubName}.azure-devices.net";
                        _client = new MqttClientFactory().CreateMqttClient();
                        _options = new MqttClientOptionsBuilder()
                            .WithTcpServer(host, 8883)
                            .WithTlsOptions(tls => tls.UseTls())
                            .WithClientId(deviceId)
                            .WithProtocolVersion(MqttProtocolVersion.V311)
                            .WithCredentials(new {{name}}SasCredentials(host, deviceId, deviceKey))
                            .WithKeepAlivePeriod({{keepAlive}})
                            .WithCleanSession(false)
                            .Build();
                        _client.DisconnectedAsync += OnDisconnectedAsync;
                        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
                    }

                    public async Task ConnectAsync(CancellationToken cancellationToken)
                    {
                        await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
                        await _client.SubscribeAsync($"devices/{_options.ClientId}/messages/devicebound/#", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken).ConfigureAwait(false);
                    }

                    public Task PublishAsync(string payload, CancellationToken cancellationToken)
                    {
                        var message = new MqttApplicationMessageBuilder()
                            .WithTopic($"devices/{_options.ClientId}/messages/events/")
                            .WithPayload(payload)
                            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                            .Build();
                        return _client.PublishAsync(message, cancellationToken);
                    }

                    private async Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
                    {
                        if (Volatile.Read(ref _disposed) != 0 || !args.ClientWasConnected)
                        {
                            return;
                        }

                        _log.Warn($"disconnected ({args.Reason}); reconnecting", args.Exception);
                        for (var attempt = 1; attempt <= {{Pick(5, 10, 20)}}; attempt++)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt)))).ConfigureAwait(false);
                            try
                            {
                                await _client.ConnectAsync(_options).ConfigureAwait(false);
                                return;
                            }
                            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException)
                            {
                                _log.Warn($"reconnect attempt {attempt} failed", ex);
                            }
                        }
                    }

                    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
                    {
                        var text = args.ApplicationMessage.ConvertPayloadToString();
                        _log.Info($"cloud-to-device on {args.ApplicationMessage.Topic}: {text}");
                        return Task.CompletedTask;
                    }

                    public async ValueTask DisposeAsync()
                    {
                        if (Interlocked.Exchange(ref _disposed, 1) != 0)
                        {
                            return;
                        }

                        if (_client.IsConnected)
                        {
                            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build()).ConfigureAwait(false);
                        }

                        _client.Dispose();
                    }
                }
                """);
        }

        // ---- raw MQTTnet to another broker (hub rules must stay quiet) ------------------------------------------

        private void AddLocalBrokerBridge()
        {
            var name = NextName();
            Add($"Mqtt/{name}LocalBridge.cs", "iot:mqttnet-local", $$"""
                using MQTTnet;
                using MQTTnet.Protocol;

                namespace Contoso.Fleet.Mqtt.{{name}};

                /// <summary>Reads PLC values from the shop-floor broker; never talks to IoT Hub.</summary>
                public static class {{name}}LocalBridge
                {
                    public static MqttClientOptions ShopFloor() => new MqttClientOptionsBuilder()
                        .WithTcpServer("{{Pick("localhost", "plc-gateway.local", "10.0.0.12")}}", 1883)
                        .WithClientId("{{name.ToLowerInvariant()}}-bridge")
                        .WithKeepAlivePeriod(TimeSpan.FromHours({{Pick(1, 2)}}))
                        .Build();

                    public static async Task<int> DrainAsync(IMqttClient client, string topicFilter, TimeSpan duration, CancellationToken cancellationToken)
                    {
                        var received = 0;
                        client.ApplicationMessageReceivedAsync += _ =>
                        {
                            Interlocked.Increment(ref received);
                            return Task.CompletedTask;
                        };
                        await client.ConnectAsync(ShopFloor(), cancellationToken).ConfigureAwait(false);
                        try
                        {
                            await client.SubscribeAsync(topicFilter, MqttQualityOfServiceLevel.AtMostOnce, cancellationToken).ConfigureAwait(false);
                            await Task.Delay(duration, cancellationToken).ConfigureAwait(false);
                        }
                        finally
                        {
                            await client.DisconnectAsync().ConfigureAwait(false);
                        }

                        return received;
                    }
                }
                """);
        }
    }
}
