using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.MqttFixedPasswordAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Authentication;

public partial class MqttFixedPasswordAnalyzerTests
{
    [Theory]
    [InlineData("sas")]
    [InlineData("Encoding.UTF8.GetBytes(sas)")]
    [InlineData("\"SharedAccessSignature sr=contoso.azure-devices.net%2Fdevices%2Fdev1&sig=x&se=1\"")]
    public async Task WithCredentials_UserAndPassword_ForHub_Reports(string password)
    {
        var source = $$"""
            using System.Text;
            using MQTTnet;

            class Device
            {
                MqttClientOptions Options(string sas) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithClientId("dev1")
                    .{|AZIOT103:WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", {{password}})|}
                    .Build();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task HubEvidence_FromUserNameHostUriOrMethod_Reports()
    {
        const string source = """
            using System;
            using System.Net;
            using MQTTnet;

            class Device
            {
                // Host unknown, but the user name has the hub's "{host}/{deviceId}/?api-version=" form.
                MqttClientOptions ByUserName(string host, string deviceId, string sas) => new MqttClientOptionsBuilder()
                    .WithTcpServer(host, 8883)
                    .{|AZIOT103:WithCredentials($"{host}/{deviceId}/?api-version=2021-04-12", sas)|}
                    .Build();

                MqttClientOptions ByUri(string user, string sas) => new MqttClientOptionsBuilder()
                    .WithConnectionUri(new Uri("mqtts://contoso.azure-devices.net:8883"))
                    .{|AZIOT103:WithCredentials(user, sas)|}
                    .Build();

                MqttClientOptions SplitBuilder(string hub, string user, string sas)
                {
                    var builder = new MqttClientOptionsBuilder().WithTcpServer($"{hub}.azure-devices.net");
                    builder.{|AZIOT103:WithCredentials(user, sas)|};
                    return builder.Build();
                }

                MqttClientOptions Provider(string sas) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .WithCredentials({|AZIOT103:new MqttClientCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", System.Text.Encoding.UTF8.GetBytes(sas))|})
                    .Build();

                MqttClientOptions Initializer(string host, string deviceId, byte[] password) => new MqttClientOptions
                {
                    ClientId = deviceId,
                    ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint(host, 8883) },
                    Credentials = {|AZIOT103:new MqttClientCredentials($"{host}/{deviceId}/?api-version=2021-04-12", password)|},
                };

                void Assignment(MqttClientOptions options, byte[] password)
                {
                    options.ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("contoso.azure-devices.net", 8883) };
                    options.Credentials = {|AZIOT103:new MqttClientCredentials("dev1", password)|};
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CredentialsProvider_X509AndMissingPassword_DoNotReport()
    {
        const string source = """
            using System.Text;
            using MQTTnet;

            class Device
            {
                MqttClientOptions Provider(IMqttClientCredentialsProvider credentials) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithCredentials(credentials)
                    .Build();

                MqttClientOptions X509UserNameOnly() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12")
                    .Build();

                MqttClientOptions NullPassword() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", (string)null)
                    .WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", (byte[])null)
                    .WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", "")
                    .Build();

                MqttClientOptions CredentialsWithoutPassword() => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net", 8883)
                    .WithCredentials(new MqttClientCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12"))
                    .Build();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OtherBrokersAndUnknownTargets_DoNotReport()
    {
        const string source = """
            using System.Net;
            using MQTTnet;

            class Device
            {
                MqttClientOptions Local(string password) => new MqttClientOptionsBuilder()
                    .WithTcpServer("localhost", 1883)
                    .WithCredentials("user", password)
                    .Build();

                // A loopback broker that imitates the hub (tests): the known host wins over the user name.
                MqttClientOptions LoopbackImitatingTheHub(string sas) => new MqttClientOptionsBuilder()
                    .WithTcpServer("127.0.0.1", 8883)
                    .WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", sas)
                    .Build();

                MqttClientOptions Unknown(string host, string user, string password) => new MqttClientOptionsBuilder()
                    .WithTcpServer(host)
                    .WithCredentials(user, password)
                    .Build();

                MqttClientOptions LoopbackInitializer(string sas) => new MqttClientOptions
                {
                    ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint("localhost", 1883) },
                    Credentials = new MqttClientCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", System.Text.Encoding.UTF8.GetBytes(sas)),
                };

                MqttClientCredentials NoHubEvidence(string user, byte[] password) => new MqttClientCredentials(user, password);
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Message_NamesTheCall()
    {
        const string source = """
            using MQTTnet;

            class Device
            {
                MqttClientOptions Options(string sas) => new MqttClientOptionsBuilder()
                    .WithTcpServer("contoso.azure-devices.net")
                    .{|#0:WithCredentials("contoso.azure-devices.net/dev1/?api-version=2021-04-12", sas)|}
                    .Build();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.MqttNet,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT103").WithLocation(0).WithArguments("WithCredentials(user, password)"));
    }
}
