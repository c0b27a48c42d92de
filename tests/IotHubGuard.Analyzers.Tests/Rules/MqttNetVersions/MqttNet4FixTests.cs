using IotHubGuard.CodeFixes;
using VerifyDisconnect = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer,
    IotHubGuard.Analyzers.Tests.Aziot204,
    IotHubGuard.CodeFixes.MqttDisposedWithoutDisconnectFixer>;
using VerifyKeepAlive = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.MqttKeepAliveDisabledOrTooShortAnalyzer,
    IotHubGuard.CodeFixes.MqttKeepAliveDisabledOrTooShortFixer>;
using VerifyPassword = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.MqttFixedPasswordAnalyzer,
    IotHubGuard.CodeFixes.MqttFixedPasswordFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.MqttNetVersions;

/// <summary>The MQTTnet fixes produce code that compiles against 4.x too (types in <c>MQTTnet.Client</c>).</summary>
public class MqttNet4FixTests
{
    [Fact]
    public async Task FixedPassword_GeneratesProvider_InMqttNet4Namespace()
    {
        await new VerifyPassword.Test(Libraries.MqttNet4)
        {
            TestCode = """
                using MQTTnet.Client;

                static class Sas
                {
                    public static string Create(string deviceId) => "SharedAccessSignature sr=x&sig=y&se=1";
                }

                class RawDevice
                {
                    public MqttClientOptions Options(string deviceId)
                    {
                        var sas = Sas.Create(deviceId);
                        return new MqttClientOptionsBuilder()
                            .WithTcpServer("contoso.azure-devices.net", 8883)
                            .{|AZIOT103:WithCredentials($"contoso.azure-devices.net/{deviceId}/?api-version=2021-04-12", sas)|}
                            .Build();
                    }
                }
                """,
            FixedCode = """
                using System.Text;
                using MQTTnet.Client;

                static class Sas
                {
                    public static string Create(string deviceId) => "SharedAccessSignature sr=x&sig=y&se=1";
                }

                class RawDevice
                {
                    public MqttClientOptions Options(string deviceId)
                    {
                        return new MqttClientOptionsBuilder()
                            .WithTcpServer("contoso.azure-devices.net", 8883)
                            .WithCredentials(new SasCredentialsProvider($"contoso.azure-devices.net/{deviceId}/?api-version=2021-04-12", deviceId))
                            .Build();
                    }

                    /// <summary>
                    /// Gives IoT Hub a fresh SAS token on every CONNECT (IotHubGuard AZIOT103). MQTT 3.1.1 cannot re-authenticate
                    /// in place: reconnect before the token expires, or IoT Hub closes the connection.
                    /// </summary>
                    private sealed class SasCredentialsProvider : IMqttClientCredentialsProvider
                    {
                        private readonly string _userName;
                        private readonly string _deviceId;

                        public SasCredentialsProvider(string userName, string deviceId)
                        {
                            _userName = userName;
                            _deviceId = deviceId;
                        }

                        public string GetUserName(MqttClientOptions clientOptions)
                        {
                            return _userName;
                        }

                        public byte[] GetPassword(MqttClientOptions clientOptions)
                        {
                            return Encoding.UTF8.GetBytes(Sas.Create(_deviceId));
                        }
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task DisposedWithoutDisconnect_DisconnectsInFinally_WithMqttNet4Extension()
    {
        await new VerifyDisconnect.Test(Libraries.MqttNet4)
        {
            TestCode = """
                using System.Threading.Tasks;
                using MQTTnet;
                using MQTTnet.Client;

                class Device
                {
                    async Task PublishAsync(MqttClientOptions options)
                    {
                        {|AZIOT204:using var client = new MqttFactory().CreateMqttClient();|}
                        await client.ConnectAsync(options);
                        await client.PublishStringAsync("devices/d1/messages/events/", "{}");
                    }
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;
                using MQTTnet;
                using MQTTnet.Client;

                class Device
                {
                    async Task PublishAsync(MqttClientOptions options)
                    {
                        using var client = new MqttFactory().CreateMqttClient();
                        try
                        {
                            await client.ConnectAsync(options);
                            await client.PublishStringAsync("devices/d1/messages/events/", "{}");
                        }
                        finally
                        {
                            await client.TryDisconnectAsync();
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = EquivalenceKeys.DisconnectInFinally,
        }.RunAsync();
    }

    [Fact]
    public async Task NoKeepAlive_BecomesKeepAlivePeriod_OnMqttNet4()
    {
        await new VerifyKeepAlive.Test(Libraries.MqttNet4)
        {
            TestCode = """
                using MQTTnet.Client;

                class Device
                {
                    MqttClientOptions Options(IMqttClientCredentialsProvider sas) => new MqttClientOptionsBuilder()
                        .WithTcpServer("contoso.azure-devices.net", 8883)
                        .WithCredentials(sas)
                        .{|AZIOT302:WithNoKeepAlive()|}
                        .Build();
                }
                """,
            FixedCode = """
                using MQTTnet.Client;

                class Device
                {
                    MqttClientOptions Options(IMqttClientCredentialsProvider sas) => new MqttClientOptionsBuilder()
                        .WithTcpServer("contoso.azure-devices.net", 8883)
                        .WithCredentials(sas)
                        .WithKeepAlivePeriod(System.TimeSpan.FromMinutes(5))
                        .Build();
                }
                """,
        }.RunAsync();
    }
}
