using VerifyPassword = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttFixedPasswordAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.MqttNetVersions;

/// <summary>
/// AZIOT103 on MQTT 5 enhanced authentication: IoT Hub's <c>SAS</c> method with fixed authentication data expires like a
/// fixed password. MQTTnet 3/4 spell it <c>WithAuthentication</c>, 5 <c>WithEnhancedAuthentication</c>; both have the
/// <c>AuthenticationMethod</c>/<c>AuthenticationData</c> properties.
/// </summary>
public class EnhancedAuthenticationTests
{
    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task OtherMethods_NoData_OrOtherBrokers_DoNotReport(Libraries libraries)
    {
        var source = MqttNetVersion.Shape("""
            using System.Net;
            using System.Text;
            $usings$

            class Device
            {
                MqttClientOptions Kerberos(byte[] ticket) => new MqttClientOptions
                {
                    ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("contoso.azure-devices.net", 8883) },
                    AuthenticationMethod = "GS2-KRB5",
                    AuthenticationData = ticket,
                };

                MqttClientOptions NoData() => new MqttClientOptions
                {
                    ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("contoso.azure-devices.net", 8883) },
                    AuthenticationMethod = "SAS",
                    AuthenticationData = null,
                };

                void OtherBroker(MqttClientOptions options, string token)
                {
                    options.ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("broker.example.com", 8883) };
                    options.AuthenticationMethod = "SAS";
                    options.AuthenticationData = Encoding.UTF8.GetBytes(token);
                }

                void DifferentObjects(MqttClientOptions first, MqttClientOptions second, byte[] data)
                {
                    first.ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("contoso.azure-devices.net", 8883) };
                    first.AuthenticationMethod = "SAS";
                    second.AuthenticationData = data;
                }
            }
            """, libraries);
        await VerifyPassword.VerifyAnalyzerAsync(source, libraries);
    }

    [Theory]
    [MemberData(nameof(MqttNetVersion.Both), MemberType = typeof(MqttNetVersion))]
    public async Task SasMethod_WithFixedData_OnOptions_Reports(Libraries libraries)
    {
        var source = MqttNetVersion.Shape("""
            using System.Net;
            using System.Text;
            $usings$

            class Device
            {
                MqttClientOptions Initializer(string sas) => new MqttClientOptions
                {
                    ClientId = "dev1",
                    ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("contoso.azure-devices.net", 8883) },
                    AuthenticationMethod = "SAS",
                    {|AZIOT103:AuthenticationData = Encoding.UTF8.GetBytes(sas)|},
                };

                void Assignments(MqttClientOptions options, byte[] token)
                {
                    options.ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("contoso.azure-devices.net", 8883) };
                    options.AuthenticationMethod = "SAS";
                    {|AZIOT103:options.AuthenticationData = token|};
                }
            }
            """, libraries);
        await VerifyPassword.VerifyAnalyzerAsync(source, libraries);
    }

    [Fact]
    public async Task MqttNet4_WithAuthentication_Sas_Reports_OtherMethodOrNullDataDoesNot()
    {
        const string source = """
            using System.Text;
            using MQTTnet.Client;

            class Device
            {
                MqttClientOptions Sas(string token) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
                    .{|AZIOT103:WithAuthentication("SAS", Encoding.UTF8.GetBytes(token))|}
                    .Build();

                MqttClientOptions X509() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithAuthentication("X509", null)
                    .Build();

                MqttClientOptions NoToken() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithAuthentication("SAS", null)
                    .Build();
            }
            """;
        await VerifyPassword.VerifyAnalyzerAsync(source, Libraries.MqttNet4);
    }

    [Fact]
    public async Task MqttNet5_WithEnhancedAuthentication_Sas_Reports_MethodOnlyDoesNot()
    {
        const string source = """
            using System.Text;
            using MQTTnet;

            class Device
            {
                MqttClientOptions Sas(string token) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .{|AZIOT103:WithEnhancedAuthentication("SAS", Encoding.UTF8.GetBytes(token))|}
                    .Build();

                // The method only: the data comes from an enhanced-authentication handler, which can renew it.
                MqttClientOptions MethodOnly() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithEnhancedAuthentication("SAS")
                    .Build();

                MqttClientOptions OtherBroker(string token) => new MqttClientOptionsBuilder()
                    .WithTcpServer("broker.example.com", 8883)
                    .WithEnhancedAuthentication("SAS", Encoding.UTF8.GetBytes(token))
                    .Build();
            }
            """;
        await VerifyPassword.VerifyAnalyzerAsync(source, Libraries.MqttNet);
    }
}
