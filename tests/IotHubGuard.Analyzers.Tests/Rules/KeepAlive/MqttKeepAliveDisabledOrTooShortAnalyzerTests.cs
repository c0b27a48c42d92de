using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.MqttKeepAliveDisabledOrTooShortAnalyzer,
    IotHubGuard.CodeFixes.MqttKeepAliveDisabledOrTooShortFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttKeepAliveDisabledOrTooShortAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.KeepAlive;

public class MqttKeepAliveDisabledOrTooShortAnalyzerTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("9")]
    [InlineData("-1")]
    [InlineData("10 - 10")]
    public async Task SdkKeepAliveDisabledOrBelowMinimum_Reports(string value)
    {
        var source = $$"""
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt_WebSocket_Only) { KeepAliveInSeconds = {|AZIOT302:{{value}}|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("300")]
    [InlineData("3600")]
    public async Task SdkKeepAliveAtOrAboveMinimum_DoesNotReport(string value)
    {
        var source = $$"""
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = {{value}} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("TimeSpan.Zero")]
    [InlineData("TimeSpan.FromSeconds(5)")]
    [InlineData("TimeSpan.FromMilliseconds(500)")]
    [InlineData("default(TimeSpan)")]
    [InlineData("new TimeSpan(0, 0, 3)")]
    public async Task MqttNetKeepAliveDisabledOrTooShort_ForHub_Reports(string value)
    {
        var source = $$"""
            using System;
            using MQTTnet;

            class Device
            {
                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithConnectionUri("mqtts://contoso.azure-devices.net:8883")
                    .WithKeepAlivePeriod({|AZIOT302:{{value}}|})
                    .Build();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithNoKeepAlive_ForHub_ReportsTheCall()
    {
        const string source = """
            using MQTTnet;

            class Device
            {
                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithWebSocketServer(o => o.WithUri("wss://contoso.azure-devices.net/$iothub/websocket"))
                    .{|AZIOT302:WithNoKeepAlive()|}
                    .Build();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithNoKeepAlive_ForOtherBroker_DoesNotReport()
    {
        const string source = """
            using System;
            using MQTTnet;

            class Device
            {
                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTcpServer("127.0.0.1", 1883)
                    .WithNoKeepAlive()
                    .Build();

                MqttClientOptions Short() => new MqttClientOptionsBuilder()
                    .WithTcpServer("broker.hivemq.com")
                    .WithKeepAlivePeriod(TimeSpan.FromSeconds(2))
                    .Build();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Option_LoweredMinimum_IsHonoured()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                MqttTransportSettings Allowed() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = 5 };
                MqttTransportSettings Disabled() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = {|AZIOT302:0|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk, "azure_iot.mqtt_keep_alive_min_seconds = 2\n");
    }

    [Fact]
    public async Task Message_SaysDisabled()
    {
        const string source = """
            using MQTTnet;

            class Device
            {
                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .{|#0:WithNoKeepAlive()|}
                    .Build();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.MqttNet,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT302").WithLocation(0).WithArguments("is disabled by WithNoKeepAlive()", 10));
    }

    [Fact]
    public async Task Fix_SetsSdkDefault_ForEveryForm()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;
            using MQTTnet;

            class Device
            {
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = {|AZIOT302:0|} };

                MqttClientOptions Disabled() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .{|AZIOT302:WithNoKeepAlive()|} // no pings
                    .Build();

                MqttClientOptions Short() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod({|AZIOT302:TimeSpan.FromSeconds(2)|})
                    .Build();
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;
            using MQTTnet;

            class Device
            {
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = 300 };

                MqttClientOptions Disabled() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod(TimeSpan.FromMinutes(5)) // no pings
                    .Build();

                MqttClientOptions Short() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod(TimeSpan.FromMinutes(5))
                    .Build();
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
