using VerifyNeverClosed = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot206>;

namespace IotHubGuard.Analyzers.Tests.Rules.MqttNetVersions;

/// <summary>AZIOT206 on MQTTnet 4.x (<c>MqttFactory</c>, <c>MQTTnet.Client</c>) and 5.x alike.</summary>
public class MqttNetVersionsLifetimeTests
{
    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task ClientDisconnectedInFinally_DoesNotReport(Libraries libraries)
    {
        var source = MqttNetVersion.Shape("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            $usings$

            class Device
            {
                async Task RunAsync(CancellationToken ct)
                {
                    var client = new $factory$().CreateMqttClient();
                    var options = new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build();
                    await client.ConnectAsync(options, ct);
                    try
                    {
                        await Task.Delay(TimeSpan.FromMinutes(5), ct);
                    }
                    finally
                    {
                        await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None);
                    }
                }
            }
            """, libraries);
        await VerifyNeverClosed.VerifyAnalyzerAsync(source, libraries);
    }

    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task ClientToAnotherBroker_DoesNotReport(Libraries libraries)
    {
        var source = MqttNetVersion.Shape("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            $usings$

            class Device
            {
                async Task RunAsync(CancellationToken ct)
                {
                    var client = new $factory$().CreateMqttClient();
                    var options = new MqttClientOptionsBuilder().WithTcpServer("broker.example.com", 1883).Build();
                    await client.ConnectAsync(options, ct);
                    while (true)
                    {
                        await Task.Delay(1000, ct);
                    }
                }
            }
            """, libraries);
        await VerifyNeverClosed.VerifyAnalyzerAsync(source, libraries);
    }

    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task ClientToIotHubNeverDisconnected_Reports(Libraries libraries)
    {
        var source = MqttNetVersion.Shape("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            $usings$

            class Device
            {
                async Task RunAsync(CancellationToken ct)
                {
                    var client = {|AZIOT206:new $factory$().CreateMqttClient()|};
                    var options = new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build();
                    await client.ConnectAsync(options, ct);
                    while (true)
                    {
                        await Task.Delay(1000, ct);
                    }
                }
            }
            """, libraries);
        await VerifyNeverClosed.VerifyAnalyzerAsync(source, libraries);
    }
}
