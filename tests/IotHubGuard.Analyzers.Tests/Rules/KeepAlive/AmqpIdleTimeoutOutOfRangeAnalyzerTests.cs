using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.AmqpIdleTimeoutOutOfRangeAnalyzer,
    IotHubGuard.CodeFixes.AmqpIdleTimeoutOutOfRangeFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.AmqpIdleTimeoutOutOfRangeAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.KeepAlive;

public class AmqpIdleTimeoutOutOfRangeAnalyzerTests
{
    [Theory]
    [InlineData("TimeSpan.Zero")]
    [InlineData("TimeSpan.FromSeconds(-1)")]
    [InlineData("TimeSpan.FromSeconds(5)")]
    [InlineData("TimeSpan.FromMinutes(30)")]
    [InlineData("new TimeSpan(1, 0, 0)")]
    [InlineData("TimeSpan.FromMilliseconds(9_999)")]
    public async Task IdleTimeoutOutOfRange_Reports(string value)
    {
        var source = $$"""
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ITransportSettings Settings() => new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = {|AZIOT303:{{value}}|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("TimeSpan.FromSeconds(10)")]
    [InlineData("TimeSpan.FromMinutes(2)")]
    [InlineData("TimeSpan.FromSeconds(1177)")]
    public async Task IdleTimeoutInRange_DoesNotReport(string value)
    {
        var source = $$"""
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ITransportSettings Settings() => new AmqpTransportSettings(TransportType.Amqp) { IdleTimeout = {{value}} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PlainAssignment_AndUnknownValues()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                AmqpTransportSettings Settings(TimeSpan configured)
                {
                    var settings = new AmqpTransportSettings(TransportType.Amqp_WebSocket_Only);
                    settings.IdleTimeout = {|AZIOT303:TimeSpan.FromHours(2)|};
                    settings.IdleTimeout = configured;
                    return settings;
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Option_CustomRange_IsHonoured()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ITransportSettings Longer() => new AmqpTransportSettings(TransportType.Amqp) { IdleTimeout = TimeSpan.FromMinutes(25) };
                ITransportSettings TooShort() => new AmqpTransportSettings(TransportType.Amqp) { IdleTimeout = {|AZIOT303:TimeSpan.FromSeconds(20)|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.DeviceSdk,
            "azure_iot.amqp_idle_timeout_min_seconds = 30\nazure_iot.amqp_idle_timeout_max_seconds = 1800\n");
    }

    [Fact]
    public async Task Message_NamesValueAndRange()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ITransportSettings Settings() => new AmqpTransportSettings(TransportType.Amqp) { IdleTimeout = {|#0:TimeSpan.Zero|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.DeviceSdk,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT303").WithLocation(0).WithArguments("0 s", 10, 1177));
    }

    [Fact]
    public async Task Fix_SetsTwoMinutes_FixAll()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ITransportSettings[] Settings() => new ITransportSettings[]
                {
                    new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = {|AZIOT303:TimeSpan.Zero|} },
                    new AmqpTransportSettings(TransportType.Amqp_WebSocket_Only) { IdleTimeout = {|AZIOT303:TimeSpan.FromHours(4)|} },
                };
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ITransportSettings[] Settings() => new ITransportSettings[]
                {
                    new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = TimeSpan.FromMinutes(2) },
                    new AmqpTransportSettings(TransportType.Amqp_WebSocket_Only) { IdleTimeout = TimeSpan.FromMinutes(2) },
                };
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }
}
