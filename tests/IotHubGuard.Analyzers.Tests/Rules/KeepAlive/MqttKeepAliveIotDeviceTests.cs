using VerifyShort = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.MqttKeepAliveDisabledOrTooShortAnalyzer,
    IotHubGuard.CodeFixes.MqttKeepAliveDisabledOrTooShortFixer>;
using VerifyLong = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.MqttKeepAliveTooLongAnalyzer,
    IotHubGuard.CodeFixes.MqttKeepAliveTooLongFixer>;
using VerifyLongAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttKeepAliveTooLongAnalyzer>;
using VerifyShortAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttKeepAliveDisabledOrTooShortAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.KeepAlive;

/// <summary>AZIOT301/302 on Microsoft.Azure.Iot.Device: MqttNetClientOptions.KeepAlivePeriod of a user-built MqttNetClient.</summary>
public class MqttKeepAliveIotDeviceTests
{
    private const Libraries IotDevice = Libraries.IotDevice | Libraries.MqttNet;

    private const string InRange = """
        using System;
        using Microsoft.Azure.Iot.Device.Models;
        using Microsoft.Azure.Iot.Device.MqttNetAdapter;
        using Microsoft.Azure.Iot.Device.MQTTnetAdapter;

        class Device
        {
            ConnectionClientOptions Options(TimeSpan configured) => new ConnectionClientOptions
            {
                MqttClient = new MqttNetClient(new MqttNetClientOptions { KeepAlivePeriod = TimeSpan.FromSeconds(60) }),
            };

            MqttNetClientOptions Bounds(TimeSpan configured)
            {
                var options = new MqttNetClientOptions { KeepAlivePeriod = TimeSpan.FromSeconds(1177) };
                options.KeepAlivePeriod = TimeSpan.FromSeconds(10);
                options.KeepAlivePeriod = TimeSpan.FromMinutes(5);
                options.KeepAlivePeriod = configured;
                return options;
            }

            // The default options (60 s) and a look-alike type are not settings of the SDK's MQTT client.
            MqttNetClient Default() => new MqttNetClient();
        }

        class OtherOptions { public TimeSpan KeepAlivePeriod { get; set; } }

        class Elsewhere
        {
            OtherOptions Options() => new OtherOptions { KeepAlivePeriod = TimeSpan.Zero };
        }
        """;

    [Fact]
    public async Task KeepAliveInRange_UnknownOrDefault_ReportsNeither()
    {
        await VerifyLongAnalyzer.VerifyAnalyzerAsync(InRange, IotDevice);
        await VerifyShortAnalyzer.VerifyAnalyzerAsync(InRange, IotDevice);
    }

    [Fact]
    public async Task KeepAliveAboveMaximum_Reports_AndGetsTheDefault()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Iot.Device.MqttNetAdapter;

            class Device
            {
                MqttNetClientOptions Options() => new MqttNetClientOptions { KeepAlivePeriod = {|AZIOT301:TimeSpan.FromMinutes(30)|} };
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Iot.Device.MqttNetAdapter;

            class Device
            {
                MqttNetClientOptions Options() => new MqttNetClientOptions { KeepAlivePeriod = TimeSpan.FromMinutes(5) };
            }
            """;
        await VerifyLong.VerifyCodeFixAsync(source, fixedSource, IotDevice);
    }

    [Fact]
    public async Task KeepAliveDisabled_Reports_AndGetsTheDefault()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Iot.Device.MqttNetAdapter;

            class Device
            {
                void Configure(MqttNetClientOptions options)
                {
                    options.KeepAlivePeriod = {|AZIOT302:TimeSpan.Zero|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Iot.Device.MqttNetAdapter;

            class Device
            {
                void Configure(MqttNetClientOptions options)
                {
                    options.KeepAlivePeriod = TimeSpan.FromMinutes(5);
                }
            }
            """;
        await VerifyShort.VerifyCodeFixAsync(source, fixedSource, IotDevice);
    }
}
