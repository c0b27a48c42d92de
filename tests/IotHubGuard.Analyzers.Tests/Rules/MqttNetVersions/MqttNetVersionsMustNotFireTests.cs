using VerifyDisconnect = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot204>;
using VerifyKeepAliveShort = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttKeepAliveDisabledOrTooShortAnalyzer>;
using VerifyKeepAliveLong = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttKeepAliveTooLongAnalyzer>;
using VerifyPassword = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttFixedPasswordAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.MqttNetVersions;

/// <summary>
/// Correct raw-MQTT device code, as community clients write it on MQTTnet 4.x and 5.x: AZIOT103, 204, 301 and 302 stay
/// silent on both majors.
/// </summary>
public class MqttNetVersionsMustNotFireTests
{
    /// <summary>A telemetry worker: token provider, keep-alive in range, disconnect before dispose.</summary>
    private const string CorrectDevice = """
        using System;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        $usings$

        sealed class SasProvider : IMqttClientCredentialsProvider
        {
            public string GetUserName(MqttClientOptions clientOptions) => "contoso.azure-devices.net/dev1/?api-version=2021-04-12";
            public byte[] GetPassword(MqttClientOptions clientOptions) => Encoding.UTF8.GetBytes(DateTime.UtcNow.Ticks.ToString());
        }

        class Device
        {
            async Task RunAsync(CancellationToken ct)
            {
                var options = new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithClientId("dev1")
                    .WithCredentials(new SasProvider())
                    .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
                    .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
                    .Build();

                using var client = new $factory$().CreateMqttClient();
                await client.ConnectAsync(options, ct);
                try
                {
                    await client.PublishStringAsync("devices/dev1/messages/events/", "{}", cancellationToken: ct);
                }
                finally
                {
                    await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
                }
            }

            // X.509: no password; another broker: not IoT Hub.
            MqttClientOptions X509() => new MqttClientOptionsBuilder()
                .WithTcpServer("contoso.azure-devices.net", 8883)
                .WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12")
                .Build();

            MqttClientOptions Mosquitto(string password) => new MqttClientOptionsBuilder()
                .WithTcpServer("test.mosquitto.org", 1883)
                .WithCredentials("user", password)
                .WithKeepAlivePeriod(TimeSpan.FromHours(2))
                .Build();
        }
        """;

    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task CorrectDevice_NoRule_Reports(Libraries libraries)
    {
        var source = MqttNetVersion.Shape(CorrectDevice, libraries);
        await VerifyPassword.VerifyAnalyzerAsync(source, libraries);
        await VerifyDisconnect.VerifyAnalyzerAsync(source, libraries);
        await VerifyKeepAliveLong.VerifyAnalyzerAsync(source, libraries);
        await VerifyKeepAliveShort.VerifyAnalyzerAsync(source, libraries);
    }

    [Fact]
    public async Task MqttNet4_ObsoleteWebSocketServer_ToOtherBroker_DoesNotReport()
    {
        const string source = """
            using System;
            using MQTTnet.Client;

            class Device
            {
            #pragma warning disable CS0618 // the 4.x overload community clients still call
                MqttClientOptions Options(string password) => new MqttClientOptionsBuilder()
                    .WithWebSocketServer("wss://broker.example.com:443/mqtt")
                    .WithCredentials("dev1", password)
                    .WithNoKeepAlive()
                    .Build();
            #pragma warning restore CS0618
            }
            """;
        await VerifyPassword.VerifyAnalyzerAsync(source, Libraries.MqttNet4);
        await VerifyKeepAliveShort.VerifyAnalyzerAsync(source, Libraries.MqttNet4);
    }
}
