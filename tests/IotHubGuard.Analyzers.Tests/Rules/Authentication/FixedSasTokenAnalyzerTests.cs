using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.FixedSasTokenAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Authentication;

public partial class FixedSasTokenAnalyzerTests
{
    private const string Sas = "SharedAccessSignature sr=contoso.azure-devices.net%2Fdevices%2Fdev1&sig=abc%3D&se=1900000000";

    [Fact]
    public async Task FixedTokenAuthenticationClasses_Report()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                DeviceClient Connect(string host, string deviceId, string token)
                    => DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, token)|}, TransportType.Mqtt);

                ModuleClient ConnectModule(string host, string deviceId, string moduleId, string token)
                    => ModuleClient.Create(host, {|AZIOT101:new ModuleAuthenticationWithToken(deviceId, moduleId, token)|});

                IAuthenticationMethod ForDevice(string deviceId, string token)
                    => {|AZIOT101:AuthenticationMethodFactory.CreateAuthenticationWithToken(deviceId, token)|};

                IAuthenticationMethod ForModule(string deviceId, string moduleId, string token)
                    => {|AZIOT101:AuthenticationMethodFactory.CreateAuthenticationWithToken(deviceId, moduleId, token)|};
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1;SharedAccessSignature=" + Sas + "\"")]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1;sharedaccesssignature=" + Sas + "\"")]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1;SHAREDACCESSSIGNATURE=\" + token")]
    [InlineData("\"SharedAccessSignature=\" + token + \";HostName=contoso.azure-devices.net;DeviceId=dev1\"")]
    [InlineData("$\"HostName={host};DeviceId={deviceId};SharedAccessSignature={token}\"")]
    [InlineData("$\"HostName={host};DeviceId={deviceId};SharedAccessSignature={await GetTokenAsync()}\"")]
    [InlineData("Prefix + \";SharedAccessSignature=\" + token")]
    [InlineData("ConstConnectionString")]
    [InlineData("ReadonlyConnectionString")]
    public async Task ConnectionStringWithSignature_Reports(string connectionString)
    {
        var source = $$"""
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                const string Prefix = "HostName=contoso.azure-devices.net;DeviceId=dev1";
                const string ConstConnectionString = Prefix + ";SharedAccessSignature={{Sas}}";
                static readonly string ReadonlyConnectionString = $"{Prefix};SharedAccessSignature={{Sas}}";

                static Task<string> GetTokenAsync() => Task.FromResult("");

                async Task<DeviceClient> Connect(string host, string deviceId, string token)
                    => {|AZIOT101:DeviceClient.CreateFromConnectionString({{connectionString}}, TransportType.Mqtt)|};
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EveryCreateFromConnectionStringOverload_Reports()
    {
        var source = $$"""
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;

            class Device
            {
                const string Cs = "HostName=contoso.azure-devices.net;DeviceId=dev1;SharedAccessSignature={{Sas}}";
                const string ModuleCs = "HostName=contoso.azure-devices.net;DeviceId=dev1;ModuleId=m;SharedAccessSignature={{Sas}}";
                const string NoDevice = "HostName=contoso.azure-devices.net;SharedAccessSignature={{Sas}}";

                void Connect(ClientOptions options, ITransportSettings[] transport)
                {
                    {|AZIOT101:DeviceClient.CreateFromConnectionString(Cs)|};
                    {|AZIOT101:DeviceClient.CreateFromConnectionString(Cs, options)|};
                    {|AZIOT101:DeviceClient.CreateFromConnectionString(NoDevice, "dev1")|};
                    {|AZIOT101:DeviceClient.CreateFromConnectionString(Cs, TransportType.Amqp, options)|};
                    {|AZIOT101:DeviceClient.CreateFromConnectionString(NoDevice, "dev1", TransportType.Mqtt)|};
                    {|AZIOT101:DeviceClient.CreateFromConnectionString(Cs, transport)|};
                    {|AZIOT101:DeviceClient.CreateFromConnectionString(NoDevice, "dev1", transport, options)|};
                    {|AZIOT101:DeviceClient.CreateFromConnectionString(options: options, connectionString: Cs)|};
                    {|AZIOT101:ModuleClient.CreateFromConnectionString(ModuleCs)|};
                    {|AZIOT101:ModuleClient.CreateFromConnectionString(ModuleCs, TransportType.Mqtt_Tcp_Only)|};
                    {|AZIOT101:ModuleClient.CreateFromConnectionString(ModuleCs, transport, options)|};
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SingleAssignmentLocal_AndTopLevelStatements_Report()
    {
        var source = $$"""
            using System;
            using Microsoft.Azure.Devices.Client;

            var token = Environment.GetEnvironmentVariable("SAS");
            var connectionString = "HostName=contoso.azure-devices.net;DeviceId=dev1;SharedAccessSignature=" + token;
            using var client = {|AZIOT101:DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt)|};
            """;
        await new VerifyAnalyzer.Test { TestState = { Sources = { source }, OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication } }.RunAsync();
    }

    [Theory]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1;SharedAccessKey=AAAA\"")]
    [InlineData("$\"HostName={host};DeviceId={deviceId};SharedAccessKey={key}\"")]
    [InlineData("$\"HostName={host};DeviceId={deviceId};SharedAccessKeyName=device;SharedAccessKey={key}\"")]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1;x509=true\"")]
    [InlineData("connectionString")]
    [InlineData("Environment.GetEnvironmentVariable(\"IOTHUB_DEVICE_CONNECTION_STRING\")")]
    [InlineData("$\"HostName={host};DeviceId={deviceId};{auth}\"")]
    [InlineData("$\"HostName={host};DeviceId={deviceId}{auth}SharedAccessSignature={key}\"")]
    [InlineData("$\"HostName={host};DeviceId={deviceId};Shared{auth}Signature={key}\"")]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1; SharedAccessSignature=" + Sas + "\"")]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1;SharedAccessSignature=\"")]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1;SharedAccessSignature=  ;x509=true\"")]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1;SharedAccessKey=AAAA;SharedAccessSignature=" + Sas + "\"")]
    [InlineData("$\"HostName={host};DeviceId={deviceId};SharedAccessSignature={key};sharedaccesskey={key}\"")]
    [InlineData("\"HostName=contoso.azure-devices.net;DeviceId=dev1;SharedAccessSignatureX=" + Sas + "\"")]
    [InlineData("string.Format(\"HostName={0};DeviceId={1};SharedAccessKey={2}\", host, deviceId, key)")]
    public async Task KeyConnectionStrings_AndUnknownValues_DoNotReport(string connectionString)
    {
        var source = $$"""
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                DeviceClient Connect(string connectionString, string host, string deviceId, string key, string auth)
                    => DeviceClient.CreateFromConnectionString({{connectionString}}, TransportType.Mqtt);
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LocalAssignedTwice_DoesNotReport()
    {
        var source = $$"""
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                DeviceClient Connect(string configured, bool useConfigured)
                {
                    var connectionString = "HostName=contoso.azure-devices.net;DeviceId=dev1;SharedAccessSignature={{Sas}}";
                    if (useConfigured)
                    {
                        connectionString = configured;
                    }

                    return DeviceClient.CreateFromConnectionString(connectionString);
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RenewingAuthenticationMethods_DoNotReport()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Shared;

            class Device
            {
                void Connect(string host, string deviceId, string moduleId, string key, SecurityProviderTpm tpm)
                {
                    DeviceClient.Create(host, new DeviceAuthenticationWithRegistrySymmetricKey(deviceId, key));
                    DeviceClient.Create(host, new DeviceAuthenticationWithSharedAccessPolicyKey(deviceId, "device", key));
                    ModuleClient.Create(host, new ModuleAuthenticationWithRegistrySymmetricKey(deviceId, moduleId, key));
                    DeviceClient.Create(host, new DeviceAuthenticationWithTpm(deviceId, tpm));
                    DeviceClient.Create(host, new TokenServiceAuthentication(deviceId));
                    DeviceClient.Create(host, AuthenticationMethodFactory.CreateAuthenticationWithRegistrySymmetricKey(deviceId, key));
                    DeviceClient.Create(host, AuthenticationMethodFactory.CreateAuthenticationWithSharedAccessPolicyKey(deviceId, "device", key));
                }
            }

            sealed class TokenServiceAuthentication : DeviceAuthenticationWithTokenRefresh
            {
                public TokenServiceAuthentication(string deviceId) : base(deviceId) { }

                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                    => Task.FromResult("SharedAccessSignature sr=x&sig=y&se=1");
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutTheSdk_LookalikeTypes_DoNotReport()
    {
        const string source = """
            namespace Microsoft.Azure.Devices
            {
                class DeviceAuthenticationWithToken { public DeviceAuthenticationWithToken(string d, string t) { } }
                class Device { object Auth() => new DeviceAuthenticationWithToken("d", "SharedAccessSignature sr=x"); }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.MqttNet);
    }

    [Fact]
    public async Task Message_NamesTheSite()
    {
        var source = $$"""
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                object A(string d, string t) => {|#0:new DeviceAuthenticationWithToken(d, t)|};
                object B() => {|#1:ModuleClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;ModuleId=m;SharedAccessSignature={{Sas}}")|};
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.DeviceSdk,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT101").WithLocation(0).WithArguments("new DeviceAuthenticationWithToken(…)"),
            VerifyAnalyzer.Diagnostic("AZIOT101").WithLocation(1).WithArguments("A connection string with SharedAccessSignature= passed to ModuleClient.CreateFromConnectionString"));
    }
}
