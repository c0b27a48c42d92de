using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.MqttFixedPasswordAnalyzer,
    IotHubGuard.CodeFixes.MqttFixedPasswordFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Authentication;

public partial class MqttFixedPasswordAnalyzerTests
{
    /// <summary>
    /// Test-only declarations with the full names of the runtime package's provider and renewal helper
    /// (src/IotHubGuard.Runtime.Mqtt): the fix detects them by name.
    /// </summary>
    private const string RuntimeProvider = """
        namespace IotHubGuard.Runtime.Mqtt
        {
            public sealed class IotHubSasCredentialsProvider : MQTTnet.IMqttClientCredentialsProvider
            {
                public static IotHubSasCredentialsProvider FromConnectionString(string connectionString, System.TimeSpan? tokenTimeToLive = null, System.TimeProvider? timeProvider = null)
                    => new IotHubSasCredentialsProvider();

                public string GetUserName(MQTTnet.MqttClientOptions clientOptions) => "";

                public byte[] GetPassword(MQTTnet.MqttClientOptions clientOptions) => new byte[0];
            }

            public sealed class IotHubMqttTokenRenewal
            {
            }
        }
        """;

    private const string SasHelper = """
        static class Sas
        {
            public static string Create(string host, string deviceId, string deviceKey)
                => "SharedAccessSignature sr=" + host + "%2Fdevices%2F" + deviceId + "&sig=x&se=1";

            public static System.Threading.Tasks.Task<string> CreateAsync(string host, string deviceId)
                => System.Threading.Tasks.Task.FromResult("");
        }
        """;

    private static Task VerifyFixAsync(string source, string fixedSource, bool withRuntime = false, string? batchFixedSource = null)
    {
        var test = new Verify.Test
        {
            TestState = { Sources = { source, SasHelper } },
            FixedState = { Sources = { fixedSource, SasHelper } },
        };
        if (withRuntime)
        {
            test.TestState.Sources.Add(RuntimeProvider);
            test.FixedState.Sources.Add(RuntimeProvider);
        }

        if (batchFixedSource is not null)
        {
            test.BatchFixedState.Sources.Add(batchFixedSource);
            test.BatchFixedState.Sources.Add(SasHelper);
            if (withRuntime)
            {
                test.BatchFixedState.Sources.Add(RuntimeProvider);
            }
        }

        return test.RunAsync();
    }

    [Fact]
    public async Task Fix_WithoutRuntime_GeneratesAProviderThatCallsTheTokenHelperOnEveryConnect()
    {
        const string source = """
            using System;
            using MQTTnet;

            class RawDevice
            {
                public MqttClientOptions Options(string host, string deviceId, string deviceKey)
                {
                    var sas = Sas.Create(host, deviceId, deviceKey);
                    return new MqttClientOptionsBuilder()
                        .WithTcpServer(host, 8883)
                        .WithClientId(deviceId)
                        .{|AZIOT103:WithCredentials($"{host}/{deviceId}/?api-version=2021-04-12", sas)|} // token valid for 1 h
                        .Build();
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Text;
            using MQTTnet;

            class RawDevice
            {
                public MqttClientOptions Options(string host, string deviceId, string deviceKey)
                {
                    return new MqttClientOptionsBuilder()
                        .WithTcpServer(host, 8883)
                        .WithClientId(deviceId)
                        .WithCredentials(new SasCredentialsProvider($"{host}/{deviceId}/?api-version=2021-04-12", host, deviceId, deviceKey)) // token valid for 1 h
                        .Build();
                }

                /// <summary>
                /// Gives IoT Hub a fresh SAS token on every CONNECT (IotHubGuard AZIOT103). MQTT 3.1.1 cannot re-authenticate
                /// in place: reconnect before the token expires, or IoT Hub closes the connection.
                /// </summary>
                private sealed class SasCredentialsProvider : IMqttClientCredentialsProvider
                {
                    private readonly string _userName;
                    private readonly string _host;
                    private readonly string _deviceId;
                    private readonly string _deviceKey;

                    public SasCredentialsProvider(string userName, string host, string deviceId, string deviceKey)
                    {
                        _userName = userName;
                        _host = host;
                        _deviceId = deviceId;
                        _deviceKey = deviceKey;
                    }

                    public string GetUserName(MqttClientOptions clientOptions)
                    {
                        return _userName;
                    }

                    public byte[] GetPassword(MqttClientOptions clientOptions)
                    {
                        return Encoding.UTF8.GetBytes(Sas.Create(_host, _deviceId, _deviceKey));
                    }
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_WithRuntime_UsesIotHubSasCredentialsProvider()
    {
        const string source = """
            using System;
            using MQTTnet;

            class RawDevice
            {
                public MqttClientOptions Options(string host, string deviceId, string deviceKey)
                    => new MqttClientOptionsBuilder()
                        .WithTcpServer(host, 8883)
                        .{|AZIOT103:WithCredentials($"{host}/{deviceId}/?api-version=2021-04-12", Sas.Create(host, deviceId, deviceKey))|}
                        .Build();

                public MqttClientOptions Module(string deviceId, string moduleId, string primaryKey)
                    => new MqttClientOptionsBuilder()
                        .WithTcpServer("contoso.azure-devices.net", 8883)
                        .{|AZIOT103:WithCredentials("contoso.azure-devices.net/" + deviceId + "/" + moduleId + "/?api-version=2021-04-12", Sas.Create("contoso.azure-devices.net", deviceId, primaryKey))|}
                        .Build();
            }
            """;
        const string fixedSource = """
            using System;
            using IotHubGuard.Runtime.Mqtt;
            using MQTTnet;

            class RawDevice
            {
                public MqttClientOptions Options(string host, string deviceId, string deviceKey)
                    => new MqttClientOptionsBuilder()
                        .WithTcpServer(host, 8883)
                        .WithCredentials(IotHubSasCredentialsProvider.FromConnectionString($"HostName={host};DeviceId={deviceId};SharedAccessKey={deviceKey}"))
                        .Build();

                public MqttClientOptions Module(string deviceId, string moduleId, string primaryKey)
                    => new MqttClientOptionsBuilder()
                        .WithTcpServer("contoso.azure-devices.net", 8883)
                        .WithCredentials(IotHubSasCredentialsProvider.FromConnectionString($"HostName=contoso.azure-devices.net;DeviceId={deviceId};ModuleId={moduleId};SharedAccessKey={primaryKey}"))
                        .Build();
            }
            """;
        await VerifyFixAsync(source, fixedSource, withRuntime: true);
    }

    [Fact]
    public async Task Fix_WithRuntime_ButNoKeyInReach_FallsBackToAGeneratedProvider()
    {
        const string source = """
            using System.Net;
            using System.Text;
            using MQTTnet;

            class RawDevice
            {
                private readonly ITokenSource _tokens;

                public RawDevice(ITokenSource tokens) => _tokens = tokens;

                public MqttClientOptions Options(string host, string deviceId) => new MqttClientOptions
                {
                    ClientId = deviceId,
                    ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint(host, 8883) },
                    Credentials = {|AZIOT103:new MqttClientCredentials($"{host}/{deviceId}/?api-version=2021-04-12", Encoding.UTF8.GetBytes(_tokens.Next(deviceId)))|},
                };
            }

            interface ITokenSource
            {
                string Next(string deviceId);
            }
            """;
        const string fixedSource = """
            using System.Net;
            using System.Text;
            using MQTTnet;

            class RawDevice
            {
                private readonly ITokenSource _tokens;

                public RawDevice(ITokenSource tokens) => _tokens = tokens;

                public MqttClientOptions Options(string host, string deviceId) => new MqttClientOptions
                {
                    ClientId = deviceId,
                    ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint(host, 8883) },
                    Credentials = new TokenSourceCredentialsProvider($"{host}/{deviceId}/?api-version=2021-04-12", this, deviceId),
                };

                /// <summary>
                /// Gives IoT Hub a fresh SAS token on every CONNECT (IotHubGuard AZIOT103). MQTT 3.1.1 cannot re-authenticate
                /// in place: reconnect before the token expires, e.g. with <see cref="IotHubGuard.Runtime.Mqtt.IotHubMqttTokenRenewal"/>.
                /// </summary>
                private sealed class TokenSourceCredentialsProvider : IMqttClientCredentialsProvider
                {
                    private readonly string _userName;
                    private readonly RawDevice _owner;
                    private readonly string _deviceId;

                    public TokenSourceCredentialsProvider(string userName, RawDevice owner, string deviceId)
                    {
                        _userName = userName;
                        _owner = owner;
                        _deviceId = deviceId;
                    }

                    public string GetUserName(MqttClientOptions clientOptions)
                    {
                        return _userName;
                    }

                    public byte[] GetPassword(MqttClientOptions clientOptions)
                    {
                        return Encoding.UTF8.GetBytes(_owner._tokens.Next(_deviceId));
                    }
                }
            }

            interface ITokenSource
            {
                string Next(string deviceId);
            }
            """;
        await VerifyFixAsync(source, fixedSource, withRuntime: true);
    }

    [Fact]
    public async Task Fix_TopLevelStatements_FixAllSharesOneProvider()
    {
        const string source = """
            using MQTTnet;

            var host = "contoso.azure-devices.net";
            var deviceId = args[0];
            var key = args[1];
            var primary = new MqttClientOptionsBuilder()
                .WithTcpServer(host)
                .{|AZIOT103:WithCredentials($"{host}/{deviceId}/?api-version=2021-04-12", Sas.Create(host, deviceId, key))|}
                .Build();
            var fallback = new MqttClientOptionsBuilder()
                .WithWebSocketServer(o => o.WithUri($"wss://{host}/$iothub/websocket"))
                .{|AZIOT103:WithCredentials($"{host}/{deviceId}/?api-version=2021-04-12", Sas.Create(host, deviceId, key))|}
                .Build();
            """;
        const string batchFixed = """
            using System.Text;
            using MQTTnet;

            var host = "contoso.azure-devices.net";
            var deviceId = args[0];
            var key = args[1];
            var primary = new MqttClientOptionsBuilder()
                .WithTcpServer(host)
                .WithCredentials(new SasCredentialsProvider($"{host}/{deviceId}/?api-version=2021-04-12", host, deviceId, key))
                .Build();
            var fallback = new MqttClientOptionsBuilder()
                .WithWebSocketServer(o => o.WithUri($"wss://{host}/$iothub/websocket"))
                .WithCredentials(new SasCredentialsProvider($"{host}/{deviceId}/?api-version=2021-04-12", host, deviceId, key))
                .Build();

            /// <summary>
            /// Gives IoT Hub a fresh SAS token on every CONNECT (IotHubGuard AZIOT103). MQTT 3.1.1 cannot re-authenticate
            /// in place: reconnect before the token expires, or IoT Hub closes the connection.
            /// </summary>
            internal sealed class SasCredentialsProvider : IMqttClientCredentialsProvider
            {
                private readonly string _userName;
                private readonly string _host;
                private readonly string _deviceId;
                private readonly string _key;

                public SasCredentialsProvider(string userName, string host, string deviceId, string key)
                {
                    _userName = userName;
                    _host = host;
                    _deviceId = deviceId;
                    _key = key;
                }

                public string GetUserName(MqttClientOptions clientOptions)
                {
                    return _userName;
                }

                public byte[] GetPassword(MqttClientOptions clientOptions)
                {
                    return Encoding.UTF8.GetBytes(Sas.Create(_host, _deviceId, _key));
                }
            }
            """;

        // One fix at a time, the second sees the first class and adds its own twin (HubSasCredentialsProvider); Fix All shares one.
        var twin = batchFixed.Substring(batchFixed.IndexOf("/// <summary>", System.StringComparison.Ordinal)).Replace("SasCredentialsProvider", "HubSasCredentialsProvider");
        var oneByOne = batchFixed.Replace(
            "o.WithUri($\"wss://{host}/$iothub/websocket\"))\n    .WithCredentials(new SasCredentialsProvider(",
            "o.WithUri($\"wss://{host}/$iothub/websocket\"))\n    .WithCredentials(new HubSasCredentialsProvider(") + "\n\n" + twin;

        var test = new Verify.Test
        {
            TestState = { Sources = { source, SasHelper }, OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
            FixedState = { Sources = { oneByOne, SasHelper } },
            BatchFixedState = { Sources = { batchFixed, SasHelper } },
        };
        await test.RunAsync();
    }

    [Theory]
    [InlineData("\"SharedAccessSignature sr=contoso.azure-devices.net%2Fdevices%2Fdev1&sig=x&se=1900000000\"")]
    [InlineData("password")]
    [InlineData("await Sas.CreateAsync(\"contoso.azure-devices.net\", \"dev1\")")]
    [InlineData("Local()")]
    public async Task NoFix_WhenNothingCanMintANewToken(string password)
    {
        var source = $$"""
            using System.Threading.Tasks;
            using MQTTnet;

            class RawDevice
            {
                async Task<MqttClientOptions> OptionsAsync(string password)
                {
                    string Local() => password;
                    return new MqttClientOptionsBuilder()
                        .WithTcpServer("contoso.azure-devices.net")
                        .{|AZIOT103:WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", {{password}})|}
                        .Build();
                }
            }
            """;
        var test = new Verify.Test
        {
            TestState = { Sources = { source, SasHelper } },
            FixedState = { Sources = { source, SasHelper } },
        };
        test.TestState.Sources.Add(RuntimeProvider);
        test.FixedState.Sources.Add(RuntimeProvider);
        await test.RunAsync();
    }
}
