using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.SasLifetimeOutOfRangeAnalyzer,
    IotHubGuard.CodeFixes.SasLifetimeOutOfRangeFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.SasLifetimeOutOfRangeAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Authentication;

public class SasLifetimeOutOfRangeAnalyzerTests
{
    [Theory]
    [InlineData("TimeSpan.FromMinutes(5)")]
    [InlineData("TimeSpan.FromSeconds(899)")]
    [InlineData("TimeSpan.FromDays(2)")]
    [InlineData("TimeSpan.FromHours(-1)")]
    [InlineData("new TimeSpan(0, 10, 0)")]
    [InlineData("TimeSpan.FromMinutes(TenMinutes)")]
    [InlineData("ShortLived")]
    [InlineData("TimeSpan.FromHours(1) * 48")]
    public async Task ClientOptionsTimeToLive_OutOfRange_Reports(string value)
    {
        var source = $$"""
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                const int TenMinutes = 10;
                static readonly TimeSpan ShortLived = TimeSpan.FromMinutes(2);

                ClientOptions Options() => new ClientOptions { SasTokenTimeToLive = {|AZIOT102:{{value}}|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("TimeSpan.Zero")]
    [InlineData("default")]
    [InlineData("TimeSpan.FromMinutes(15)")]
    [InlineData("TimeSpan.FromHours(1)")]
    [InlineData("TimeSpan.FromDays(1)")]
    [InlineData("ttl")]
    [InlineData("TimeSpan.FromMinutes(minutes)")]
    public async Task ClientOptionsTimeToLive_DefaultInRangeOrUnknown_DoesNotReport(string value)
    {
        var source = $$"""
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ClientOptions Options(TimeSpan ttl, int minutes) => new ClientOptions { SasTokenTimeToLive = {{value}} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("4", true)]
    [InlineData("51", true)]
    [InlineData("90", true)]
    [InlineData("101", true)]
    [InlineData("-5", true)]
    [InlineData("0", false)]
    [InlineData("5", false)]
    [InlineData("15", false)]
    [InlineData("50", false)]
    [InlineData("percent", false)]
    public async Task ClientOptionsRenewalBuffer(string value, bool reports)
    {
        var marked = reports ? "{|AZIOT102:" + value + "|}" : value;
        var source = $$"""
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Configure(ClientOptions options, int percent)
                {
                    options.SasTokenRenewalBuffer = {{marked}};
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TokenRefreshConstructors_NewAndBaseCalls_Report()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Shared;

            class Device
            {
                const int OneMinute = 60;

                IAuthenticationMethod Tpm(string deviceId, SecurityProviderTpm tpm)
                    => new DeviceAuthenticationWithTpm(deviceId, tpm, {|AZIOT102:OneMinute|}, {|AZIOT102:150|});

                IAuthenticationMethod Named(string deviceId, SecurityProviderTpm tpm)
                    => new DeviceAuthenticationWithTpm(deviceId, tpm, timeBufferPercentage: {|AZIOT102:2|}, suggestedTimeToLiveSeconds: 3600);
            }

            sealed class ShortLivedAuthentication : DeviceAuthenticationWithTokenRefresh
            {
                public ShortLivedAuthentication(string deviceId)
                    : base(deviceId, {|AZIOT102:5 * 60|}, 15)
                {
                }

                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => Task.FromResult("");
            }

            sealed class EagerModuleAuthentication : ModuleAuthenticationWithTokenRefresh
            {
                public EagerModuleAuthentication(string deviceId, string moduleId)
                    : base(deviceId, moduleId, 3600, {|AZIOT102:95|}, disposeWithClient: false)
                {
                }

                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => Task.FromResult("");
            }

            sealed class RawAuthentication : AuthenticationWithTokenRefresh
            {
                public RawAuthentication()
                    : base({|AZIOT102:-1|}, {|AZIOT102:-1|})
                {
                }

                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => Task.FromResult("");
            }

            sealed class PrimaryConstructorAuthentication(string deviceId) : DeviceAuthenticationWithTokenRefresh(deviceId, {|AZIOT102:100000|}, 10)
            {
                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => Task.FromResult("");
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TokenRefreshConstructors_DefaultsZeroAndPassThrough_DoNotReport()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class TokenServiceAuthentication : DeviceAuthenticationWithTokenRefresh
            {
                public TokenServiceAuthentication(string deviceId) : base(deviceId) { }

                public TokenServiceAuthentication(string deviceId, int ttl, int buffer) : base(deviceId, ttl, buffer) { }

                public TokenServiceAuthentication(string deviceId, bool zero) : base(deviceId, 0, 0) { }

                public TokenServiceAuthentication(int ttl) : this("dev1", ttl, 5) { }

                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => Task.FromResult("");
            }

            class Device
            {
                // A user constructor with SDK-like parameter names is not an SDK constructor: only the base call counts.
                IAuthenticationMethod Create() => new TokenServiceAuthentication("dev1", 60, 2);
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("TimeSpan.Zero", true)]
    [InlineData("TimeSpan.FromSeconds(30)", true)]
    [InlineData("TimeSpan.FromDays(365)", true)]
    [InlineData("TimeSpan.FromMinutes(60)", false)]
    [InlineData("lifetime", false)]
    public async Task SharedAccessSignatureBuilderTimeToLive(string value, bool reports)
    {
        var marked = reports ? "{|AZIOT102:" + value + "|}" : value;
        var source = $$"""
            using System;
            using Microsoft.Azure.Devices.Client;

            class Tokens
            {
                string Create(string key, TimeSpan lifetime)
                {
                    var builder = new SharedAccessSignatureBuilder { Key = key, Target = "contoso.azure-devices.net/devices/dev1" };
                    builder.TimeToLive = {{marked}};
                    return builder.ToSignature();
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Options_WidenedRange_IsHonoured()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ClientOptions Allowed() => new ClientOptions { SasTokenTimeToLive = TimeSpan.FromMinutes(5), SasTokenRenewalBuffer = 80 };
                ClientOptions StillOut() => new ClientOptions { SasTokenTimeToLive = {|AZIOT102:TimeSpan.FromSeconds(30)|}, SasTokenRenewalBuffer = {|AZIOT102:101|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.DeviceSdk,
            "azure_iot.sas_ttl_min_seconds = 60\nazure_iot.sas_renewal_buffer_max_percent = 90\n");
    }

    [Fact]
    public async Task Options_InvalidValues_FallBackToDefaults()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ClientOptions Options() => new ClientOptions { SasTokenTimeToLive = {|AZIOT102:TimeSpan.FromMinutes(5)|}, SasTokenRenewalBuffer = {|AZIOT102:2|} };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.DeviceSdk,
            "azure_iot.sas_ttl_min_seconds = soon\nazure_iot.sas_renewal_buffer_min_percent = 60\nazure_iot.sas_renewal_buffer_max_percent = 10\n");
    }

    [Fact]
    public async Task Messages_NameSettingValueRangeAndConsequence()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ClientOptions Options() => new ClientOptions
                {
                    SasTokenTimeToLive = {|#0:TimeSpan.FromMinutes(2)|},
                    SasTokenRenewalBuffer = {|#1:120|},
                };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            Libraries.DeviceSdk,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT102").WithLocation(0).WithArguments(
                "ClientOptions.SasTokenTimeToLive", "120 s", "900–86400 s", "tokens this short make the SDK renew them, and on MQTT reconnect, every few minutes"),
            VerifyAnalyzer.Diagnostic("AZIOT102").WithLocation(1).WithArguments(
                "ClientOptions.SasTokenRenewalBuffer", "120 %", "5–50 %", "the SDK accepts 0–100 and throws ArgumentOutOfRangeException"));
    }

    [Fact]
    public async Task Fix_SetsSdkDefaults_InEveryForm()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ClientOptions Options() => new ClientOptions
                {
                    SasTokenTimeToLive = {|AZIOT102:TimeSpan.FromMinutes(2)|}, // short
                    SasTokenRenewalBuffer = {|AZIOT102:90|},
                };
            }

            sealed class ShortLivedAuthentication : DeviceAuthenticationWithTokenRefresh
            {
                public ShortLivedAuthentication(string deviceId)
                    : base(deviceId, /* ttl */ {|AZIOT102:60|}, {|AZIOT102:1|})
                {
                }

                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => Task.FromResult("");
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ClientOptions Options() => new ClientOptions
                {
                    SasTokenTimeToLive = TimeSpan.FromHours(1), // short
                    SasTokenRenewalBuffer = 15,
                };
            }

            sealed class ShortLivedAuthentication : DeviceAuthenticationWithTokenRefresh
            {
                public ShortLivedAuthentication(string deviceId)
                    : base(deviceId, /* ttl */ 3600, 15)
                {
                }

                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => Task.FromResult("");
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_WithoutUsingSystem_WritesAQualifiedTimeSpan()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Tokens
            {
                string Create(string key) => new SharedAccessSignatureBuilder { Key = key, TimeToLive = {|AZIOT102:System.TimeSpan.FromDays(30)|} }.ToSignature();
            }
            """;
        const string fixedSource = """
            using Microsoft.Azure.Devices.Client;

            class Tokens
            {
                string Create(string key) => new SharedAccessSignatureBuilder { Key = key, TimeToLive = System.TimeSpan.FromHours(1) }.ToSignature();
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_KeepsTheReplacementInsideTheConfiguredRange()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ClientOptions Options() => new ClientOptions { SasTokenTimeToLive = {|AZIOT102:TimeSpan.FromMinutes(30)|}, SasTokenRenewalBuffer = {|AZIOT102:10|} };
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                ClientOptions Options() => new ClientOptions { SasTokenTimeToLive = TimeSpan.FromHours(2), SasTokenRenewalBuffer = 20 };
            }
            """;
        await Verify.VerifyCodeFixAsync(
            source,
            fixedSource,
            Libraries.DeviceSdk,
            "azure_iot.sas_ttl_min_seconds = 7200\nazure_iot.sas_renewal_buffer_min_percent = 20\n");
    }
}
