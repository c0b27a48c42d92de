using VerifyDisconnect = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot204>;
using VerifyKeepAliveShort = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttKeepAliveDisabledOrTooShortAnalyzer>;
using VerifyKeepAliveLong = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttKeepAliveTooLongAnalyzer>;
using VerifyPassword = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttFixedPasswordAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.MqttNetVersions;

/// <summary>The defects of raw-MQTT device code, on MQTTnet 4.x and 5.x alike.</summary>
public class MqttNetVersionsMustFireTests
{
    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task FixedSasPassword_Reports(Libraries libraries)
    {
        var source = MqttNetVersion.Shape("""
            using System.Text;
            $usings$

            class Device
            {
                MqttClientOptions Options(string sas) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithClientId("dev1")
                    .{|AZIOT103:WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", sas)|}
                    .Build();

                MqttClientOptions Provider(byte[] sas) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithCredentials({|AZIOT103:new MqttClientCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", sas)|})
                    .Build();
            }
            """, libraries);
        await VerifyPassword.VerifyAnalyzerAsync(source, libraries);
    }

    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task KeepAliveTooLong_Reports(Libraries libraries)
    {
        var source = MqttNetVersion.Shape("""
            using System;
            $usings$

            class Device
            {
                MqttClientOptions TooLong(IMqttClientCredentialsProvider sas) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithCredentials(sas)
                    .WithKeepAlivePeriod({|AZIOT301:TimeSpan.FromMinutes(30)|})
                    .Build();
            }
            """, libraries);
        await VerifyKeepAliveLong.VerifyAnalyzerAsync(source, libraries);
    }

    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task KeepAliveDisabled_Reports(Libraries libraries)
    {
        var source = MqttNetVersion.Shape("""
            using System;
            $usings$

            class Device
            {
                MqttClientOptions Disabled(IMqttClientCredentialsProvider sas) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithCredentials(sas)
                    .{|AZIOT302:WithNoKeepAlive()|}
                    .Build();

                MqttClientOptions Initializer(IMqttClientCredentialsProvider sas) => new MqttClientOptions
                {
                    ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new System.Net.DnsEndPoint("contoso.azure-devices.net", 8883) },
                    Credentials = sas,
                    KeepAlivePeriod = {|AZIOT302:TimeSpan.Zero|},
                };
            }
            """, libraries);
        await VerifyKeepAliveShort.VerifyAnalyzerAsync(source, libraries);
    }

    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task DisposedWithoutDisconnect_Reports(Libraries libraries)
    {
        var source = MqttNetVersion.Shape("""
            using System.Threading;
            using System.Threading.Tasks;
            $usings$

            class Device
            {
                async Task PublishAsync(MqttClientOptions options, CancellationToken ct)
                {
                    {|AZIOT204:using var client = new $factory$().CreateMqttClient();|}
                    await client.ConnectAsync(options, ct);
                    await client.PublishStringAsync("devices/dev1/messages/events/", "{}", cancellationToken: ct);
                }
            }
            """, libraries);
        await VerifyDisconnect.VerifyAnalyzerAsync(source, libraries);
    }

    [Fact]
    public async Task MqttNet4_ObsoleteWebSocketServerToHub_FixedPassword_Reports()
    {
        const string source = """
            using System;
            using MQTTnet.Client;

            class Device
            {
            #pragma warning disable CS0618 // the 4.x overload community clients still call
                MqttClientOptions Options(string sas) => new MqttClientOptionsBuilder()
                    .WithWebSocketServer("wss://contoso.azure-devices.net/$iothub/websocket")
                    .{|AZIOT103:WithCredentials("dev1", sas)|}
                    .WithTls()
                    .Build();
            #pragma warning restore CS0618
            }
            """;
        await VerifyPassword.VerifyAnalyzerAsync(source, Libraries.MqttNet4);
    }
}
