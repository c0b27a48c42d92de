using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.MqttKeepAliveTooLongAnalyzer,
    IotHubGuard.CodeFixes.MqttKeepAliveTooLongFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttKeepAliveTooLongAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.KeepAlive;

public class MqttKeepAliveTooLongAnalyzerTests
{
    [Theory]
    [InlineData("1178")]
    [InlineData("3600")]
    [InlineData("20 * 60")]
    [InlineData("Limits.OneHour")]
    [InlineData("int.MaxValue")]
    public async Task SdkKeepAliveAboveMaximum_InInitializer_Reports(string value)
    {
        var source = $$"""
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            static class Limits { public const int OneHour = 3600; }

            class Device
            {
                ITransportSettings[] Settings() => new ITransportSettings[]
                {
                    new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = {|AZIOT301:{{value}}|} },
                };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SdkKeepAliveAboveMaximum_InAssignment_FromSingleAssignmentLocal_Reports()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                MqttTransportSettings Settings()
                {
                    var keepAlive = 30 * 60;
                    var settings = new MqttTransportSettings(TransportType.Mqtt);
                    settings.KeepAliveInSeconds = {|AZIOT301:keepAlive|};
                    return settings;
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("1177")]
    [InlineData("300")]
    [InlineData("60")]
    [InlineData("0")]
    public async Task SdkKeepAliveWithinMaximum_DoesNotReport(string value)
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

    [Fact]
    public async Task ValuesNotKnownAtCompileTime_DoNotReport()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                private int _configured = 3600;

                MqttTransportSettings FromParameter(int keepAlive) => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = keepAlive };

                MqttTransportSettings FromConfiguration() => new MqttTransportSettings(TransportType.Mqtt)
                {
                    KeepAliveInSeconds = int.Parse(Environment.GetEnvironmentVariable("KEEP_ALIVE") ?? "300"),
                };

                MqttTransportSettings FromMutableField() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = _configured };

                MqttTransportSettings FromReassignedLocal(bool slow)
                {
                    var keepAlive = 3600;
                    if (!slow) keepAlive = 300;
                    return new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = keepAlive };
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UserTypeWithTheSameShape_DoesNotReport()
    {
        const string source = """
            namespace MyCompany.Transport
            {
                class MqttTransportSettings { public int KeepAliveInSeconds { get; set; } }
                class Device
                {
                    MqttTransportSettings Settings() => new MqttTransportSettings { KeepAliveInSeconds = 7200 };
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Theory]
    [InlineData("TimeSpan.FromMinutes(30)")]
    [InlineData("TimeSpan.FromHours(1)")]
    [InlineData("TimeSpan.FromSeconds(1178)")]
    [InlineData("TimeSpan.FromMilliseconds(1_200_000)")]
    [InlineData("new TimeSpan(0, 20, 0)")]
    [InlineData("new TimeSpan(1, 0, 0, 0)")]
    [InlineData("TimeSpan.FromMinutes(10) * 2")]
    [InlineData("TimeSpan.FromMinutes(15) + TimeSpan.FromMinutes(15)")]
    [InlineData("TimeSpan.MaxValue")]
    [InlineData("Timeouts.KeepAlive")]
    public async Task MqttNetKeepAliveAboveMaximum_ForHubHost_Reports(string value)
    {
        var source = $$"""
            using System;
            using MQTTnet;

            static class Timeouts { public static readonly TimeSpan KeepAlive = TimeSpan.FromMinutes(25); }

            class Device
            {
                MqttClientOptions Options(string deviceId) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso-hub.azure-devices.net", 8883)
                    .WithClientId(deviceId)
                    .WithKeepAlivePeriod({|AZIOT301:{{value}}|})
                    .Build();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MqttNetKeepAlive_HubHostFromConstantAndInterpolation_Reports()
    {
        const string source = """
            using System;
            using MQTTnet;

            class Device
            {
                const string HubName = "contoso";
                const string Host = HubName + ".azure-devices.net";

                MqttClientOptions FromConstant() => new MqttClientOptionsBuilder()
                    .WithTcpServer(Host)
                    .WithKeepAlivePeriod({|AZIOT301:TimeSpan.FromHours(2)|})
                    .Build();

                MqttClientOptions FromInterpolation(string hub) => new MqttClientOptionsBuilder()
                    .WithTcpServer($"{hub}.azure-devices.net", 8883)
                    .WithKeepAlivePeriod({|AZIOT301:TimeSpan.FromHours(2)|})
                    .Build();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MqttNetKeepAlive_BuilderSplitOverStatements_HubUserName_Reports()
    {
        const string source = """
            using System;
            using MQTTnet;

            class Device
            {
                MqttClientOptions Options(string host, string deviceId, string sas)
                {
                    var builder = new MqttClientOptionsBuilder();
                    builder.WithTcpServer(host, 8883);
                    builder.WithCredentials($"{host}/{deviceId}/?api-version=2021-04-12", sas);
                    builder.WithKeepAlivePeriod({|AZIOT301:TimeSpan.FromMinutes(45)|});
                    return builder.Build();
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MqttClientOptionsKeepAlivePeriod_ForHub_Reports()
    {
        const string source = """
            using System;
            using System.Net;
            using MQTTnet;

            class Device
            {
                MqttClientOptions Options() => new MqttClientOptions
                {
                    ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("contoso.azure-devices.net", 8883) },
                    KeepAlivePeriod = {|AZIOT301:TimeSpan.FromMinutes(40)|},
                };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MqttNetKeepAlive_OtherBrokersOrUnknownHost_DoNotReport()
    {
        const string source = """
            using System;
            using MQTTnet;

            class Device
            {
                MqttClientOptions Mosquitto() => new MqttClientOptionsBuilder()
                    .WithTcpServer("test.mosquitto.org", 1883)
                    .WithKeepAlivePeriod(TimeSpan.FromHours(2))
                    .Build();

                MqttClientOptions Local() => new MqttClientOptionsBuilder()
                    .WithConnectionUri("mqtt://localhost:1883")
                    .WithKeepAlivePeriod(TimeSpan.FromHours(2))
                    .Build();

                MqttClientOptions Unknown(string host) => new MqttClientOptionsBuilder()
                    .WithTcpServer(host)
                    .WithKeepAlivePeriod(TimeSpan.FromHours(2))
                    .Build();

                MqttClientOptions OtherBrokerInChainEvenIfMethodMentionsHub()
                {
                    const string hub = "contoso.azure-devices.net";
                    _ = hub;
                    return new MqttClientOptionsBuilder()
                        .WithTcpServer("broker.internal.example", 1883)
                        .WithKeepAlivePeriod(TimeSpan.FromHours(2))
                        .Build();
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Option_RaisedMaximum_IsHonoured()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                MqttTransportSettings Within() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = 1500 };
                MqttTransportSettings Above() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = {|AZIOT301:1700|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk, "azure_iot.mqtt_keep_alive_max_seconds = 1600\n");
    }

    [Theory]
    [InlineData("azure_iot.mqtt_keep_alive_max_seconds = lots\n")]
    [InlineData("azure_iot.mqtt_keep_alive_max_seconds = -5\n")]
    [InlineData("azure_iot.mqtt_keep_alive_max_seconds =\n")]
    [InlineData("azure_iot.mqtt_keep_alive_max_seconds = 5\nazure_iot.mqtt_keep_alive_min_seconds = 50\n")]
    public async Task Option_Invalid_FallsBackToDefault(string editorConfig)
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                MqttTransportSettings Within() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = 1177 };
                MqttTransportSettings Above() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = {|AZIOT301:1178|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk, editorConfig);
    }

    [Fact]
    public async Task Message_NamesValueAndMaximum()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = {|#0:3600|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.DeviceSdk,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT301").WithLocation(0).WithArguments("3600", 1177));
    }

    [Fact]
    public async Task Fix_ClampsSecondsAndTimeSpans_KeepsComments()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;
            using MQTTnet;

            class Device
            {
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt)
                {
                    KeepAliveInSeconds = {|AZIOT301:3600|}, // one hour
                };

                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod(/* long */ {|AZIOT301:TimeSpan.FromHours(1)|})
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
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt)
                {
                    KeepAliveInSeconds = 1177, // one hour
                };

                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod(/* long */ TimeSpan.FromSeconds(1177))
                    .Build();
            }
            """;
        await VerifyClampAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_WithoutUsingSystem_WritesQualifiedTimeSpan()
    {
        const string source = """
            class Device
            {
                MQTTnet.MqttClientOptions Options() => new MQTTnet.MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod({|AZIOT301:System.TimeSpan.FromHours(1)|})
                    .Build();
            }
            """;
        const string fixedSource = """
            class Device
            {
                MQTTnet.MqttClientOptions Options() => new MQTTnet.MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod(System.TimeSpan.FromSeconds(1177))
                    .Build();
            }
            """;
        await VerifyClampAsync(source, fixedSource, Libraries.MqttNet);
    }

    [Fact]
    public async Task Fix_UsesConfiguredMaximum()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = {|AZIOT301:3600|} };
            }
            """;
        const string fixedSource = """
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt) { KeepAliveInSeconds = 600 };
            }
            """;
        await VerifyClampAsync(source, fixedSource, Libraries.DeviceSdk, "azure_iot.mqtt_keep_alive_max_seconds = 600\n");
    }

    [Fact]
    public async Task Fix_FirstAction_SetsTheSdkDefault300s()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;
            using MQTTnet;

            class Device
            {
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt)
                {
                    KeepAliveInSeconds = {|AZIOT301:3600|}, // one hour
                };

                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod({|AZIOT301:TimeSpan.FromHours(1)|})
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
                MqttTransportSettings Settings() => new MqttTransportSettings(TransportType.Mqtt)
                {
                    KeepAliveInSeconds = 300, // one hour
                };

                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod(TimeSpan.FromMinutes(5))
                    .Build();
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_ValueFromAProjectConstant_ChangesTheConstant_NotTheUse()
    {
        const string source = """
            using System;
            using MQTTnet;

            static class Settings
            {
                public const int KeepAliveSeconds = 1800;     // half an hour between pings
            }

            class Device
            {
                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod({|AZIOT301:TimeSpan.FromSeconds(Settings.KeepAliveSeconds)|})
                    .Build();
            }
            """;
        const string fixedSource = """
            using System;
            using MQTTnet;

            static class Settings
            {
                public const int KeepAliveSeconds = 300;     // half an hour between pings
            }

            class Device
            {
                MqttClientOptions Options() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithKeepAlivePeriod(TimeSpan.FromSeconds(Settings.KeepAliveSeconds))
                    .Build();
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.MqttNet);
    }

    private static Task VerifyClampAsync(string source, string fixedSource, Libraries libraries = Libraries.All, string? editorConfig = null)
        => new Verify.Test(libraries, editorConfig)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = IotHubGuard.CodeFixes.EquivalenceKeys.ClampKeepAlive,
        }.RunAsync();
}
