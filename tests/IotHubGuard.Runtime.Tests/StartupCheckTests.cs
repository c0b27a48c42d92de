using System;
using System.Linq;
using System.Reflection;
using IotHubGuard.Runtime.Mqtt;
using IotHubGuard.Runtime.Tests.Fakes;
using MQTTnet;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

public class StartupCheckTests
{
    private static readonly string Key = TestSecrets.NewKey();

    // SDK checks are off unless a test is about them: dynamic SDK assemblies from other tests live in this process.
    private static StartupCheckInput Input() => new StartupCheckInput { Now = TestSecrets.Now, CheckSdkVersion = false };

    private static Finding Single(StartupCheckReport report, string ruleId, FindingSeverity severity)
    {
        Finding finding = Assert.Single(report.Findings);
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal(severity, finding.Severity);
        return finding;
    }

    // ---- connection string (AZIOT101) ------------------------------------------------------------------------

    [Fact]
    public void Key_connection_string_has_no_findings()
    {
        StartupCheckInput input = Input();
        input.ConnectionString = TestSecrets.KeyConnectionString(Key);
        StartupCheckReport report = StartupCheck.Run(input);
        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
        report.ThrowIfErrors();
        Assert.StartsWith("IotHubGuard startup check: no findings", report.ToString());
    }

    [Fact]
    public void Connection_string_keys_are_case_insensitive()
    {
        StartupCheckInput input = Input();
        input.ConnectionString = $"hostname={TestSecrets.Host};deviceid=dev;sharedaccesskey={Key};";
        Assert.Empty(StartupCheck.Run(input).Findings);
    }

    [Fact]
    public void Fixed_token_valid_for_hours_is_a_warning_with_its_expiry()
    {
        StartupCheckInput input = Input();
        input.ConnectionString = TestSecrets.SasConnectionString(TestSecrets.Token(Key, TestSecrets.Now.AddHours(2)));
        Finding finding = Single(StartupCheck.Run(input), "AZIOT101", FindingSeverity.Warning);
        Assert.Contains("expires in 2 h", finding.Message);
        Assert.Contains("2026-01-15T14:00:00Z", finding.Message);
        Assert.Contains($"{TestSecrets.Host}/devices/{TestSecrets.Device}", finding.Message);
        Assert.Contains("404104", finding.Message);
    }

    [Fact]
    public void Fixed_token_expiring_within_the_ttl_minimum_names_the_time_left()
    {
        StartupCheckInput input = Input();
        input.ConnectionString = TestSecrets.SasConnectionString(TestSecrets.Token(Key, TestSecrets.Now.AddMinutes(10).AddSeconds(30)));
        Finding finding = Single(StartupCheck.Run(input), "AZIOT101", FindingSeverity.Warning);
        Assert.Contains("expires in 10 min 30 s", finding.Message);
        Assert.Contains("less than the 900 s (15 min) minimum", finding.Message);
    }

    [Fact]
    public void Expired_fixed_token_is_an_error_and_ThrowIfErrors_throws()
    {
        StartupCheckInput input = Input();
        input.ConnectionString = TestSecrets.SasConnectionString(TestSecrets.Token(Key, TestSecrets.Now.AddHours(-3)));
        StartupCheckReport report = StartupCheck.Run(input);
        Finding finding = Single(report, "AZIOT101", FindingSeverity.Error);
        Assert.Contains("expired at 2026-01-15T09:00:00Z (3 h ago)", finding.Message);
        Assert.True(report.HasErrors);
        IotHubGuardException ex = Assert.Throws<IotHubGuardException>(report.ThrowIfErrors);
        Assert.Contains("error AZIOT101", ex.Message);
        Assert.Same(report.Findings, ex.Findings);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("DeviceId=d;SharedAccessKey=" + "AAAA", "has no HostName")]
    [InlineData("HostName=h.azure-devices.net;SharedAccessKey=AAAA", "has no DeviceId")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=;SharedAccessKey=AAAA", "has no DeviceId")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d", "neither SharedAccessKey, SharedAccessSignature nor x509=true")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=not*base64!", "SharedAccessKey that is not valid Base64")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=AAAA;SharedAccessSignature=SharedAccessSignature sr=a&sig=b&se=1", "both SharedAccessKey and SharedAccessSignature")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;SharedAccessSignature=SharedAccessSignature sr=a&sig=b", "no 'se=' (expiry) field")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;SharedAccessSignature=SharedAccessSignature sr=a&sig=b&se=soon", "'se=' (expiry) field that is not a number")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;SharedAccessSignature=sr=a&sig=b&se=1", "does not start with 'SharedAccessSignature '")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;SharedAccessSignature=SharedAccessSignature sig=b&se=1", "no 'sr=' (resource) field")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;SharedAccessSignature=SharedAccessSignature sr=a&se=1", "no 'sig=' (signature) field")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;AAAA", "part 3 is not name=value")]
    [InlineData("HostName=a.azure-devices.net;HostName=b.azure-devices.net;DeviceId=d;SharedAccessKey=AAAA", "has HostName more than once")]
    [InlineData("HostName=https://h.azure-devices.net/;DeviceId=d;SharedAccessKey=AAAA", "HostName that is not a host name")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=bad/id;SharedAccessKey=AAAA", "DeviceId that IoT Hub does not accept")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;x509=maybe", "x509 value that is not true or false")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;x509=true;SharedAccessKey=AAAA", "x509=true together with")]
    [InlineData("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKeyName=owner;x509=true", "SharedAccessKeyName without SharedAccessKey")]
    public void Malformed_connection_string_throws_ArgumentException_naming_the_part(string connectionString, string expected)
    {
        StartupCheckInput input = Input();
        input.ConnectionString = connectionString;
        ArgumentException ex = Assert.Throws<ArgumentException>(() => StartupCheck.Run(input));
        Assert.Contains(expected, ex.Message);
        Assert.Equal(nameof(StartupCheckInput.ConnectionString), ex.ParamName);
        Assert.StartsWith("StartupCheckInput.ConnectionString", ex.Message);
    }

    [Fact]
    public void X509_connection_string_has_no_findings()
    {
        StartupCheckInput input = Input();
        input.ConnectionString = $"HostName={TestSecrets.Host};DeviceId=d;x509=true";
        Assert.Empty(StartupCheck.Run(input).Findings);
    }

    // ---- authentication object (AZIOT101) --------------------------------------------------------------------

    [Fact]
    public void Fixed_token_auth_object_is_reported()
    {
        StartupCheckInput input = Input();
        input.AuthenticationMethod = new DeviceAuthenticationWithToken(TestSecrets.Device, TestSecrets.Token(Key, TestSecrets.Now.AddDays(2)));
        Finding finding = Single(StartupCheck.Run(input), "AZIOT101", FindingSeverity.Warning);
        Assert.StartsWith("DeviceAuthenticationWithToken.Token is a fixed SAS token", finding.Message);
        Assert.Contains("expires in 2 d", finding.Message);
    }

    [Fact]
    public void Expired_module_token_auth_object_is_an_error()
    {
        StartupCheckInput input = Input();
        input.AuthenticationMethod = new ModuleAuthenticationWithToken("d", "m", TestSecrets.Token(Key, TestSecrets.Now.AddSeconds(-5)));
        Finding finding = Single(StartupCheck.Run(input), "AZIOT101", FindingSeverity.Error);
        Assert.Contains("(5 s ago)", finding.Message);
    }

    [Fact]
    public void Key_and_refreshing_auth_objects_are_fine()
    {
        StartupCheckInput input = Input();
        input.AuthenticationMethod = new DeviceAuthenticationWithRegistrySymmetricKey("d", Key);
        Assert.Empty(StartupCheck.Run(input).Findings);
        input.AuthenticationMethod = new MyTokenRefresh();
        Assert.Empty(StartupCheck.Run(input).Findings);
    }

    [Fact]
    public void Malformed_token_in_auth_object_throws_naming_the_member()
    {
        StartupCheckInput input = Input();
        input.AuthenticationMethod = new DeviceAuthenticationWithToken("d", "SharedAccessSignature sr=a&sig=b");
        ArgumentException ex = Assert.Throws<ArgumentException>(() => StartupCheck.Run(input));
        Assert.Equal(nameof(StartupCheckInput.AuthenticationMethod), ex.ParamName);
        Assert.Contains("DeviceAuthenticationWithToken.Token has no 'se=' (expiry) field", ex.Message);
    }

    // ---- ClientOptions (AZIOT102) ----------------------------------------------------------------------------

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3600, 15)]
    [InlineData(900, 5)]
    [InlineData(86400, 50)]
    public void Sas_settings_in_range_have_no_findings(int ttlSeconds, int buffer)
    {
        StartupCheckInput input = Input();
        input.ClientOptions = new ClientOptions { SasTokenTimeToLive = TimeSpan.FromSeconds(ttlSeconds), SasTokenRenewalBuffer = buffer };
        Assert.Empty(StartupCheck.Run(input).Findings);
    }

    [Theory]
    [InlineData(300, 0, FindingSeverity.Warning, "ClientOptions.SasTokenTimeToLive is 5 min, below the 900 s (15 min) minimum")]
    [InlineData(172800, 0, FindingSeverity.Warning, "ClientOptions.SasTokenTimeToLive is 2 d, above the 86400 s (1 d) maximum")]
    [InlineData(-60, 0, FindingSeverity.Error, "is negative (-1 min)")]
    [InlineData(0, 2, FindingSeverity.Warning, "ClientOptions.SasTokenRenewalBuffer is 2 %, below the 5 % minimum")]
    [InlineData(0, 80, FindingSeverity.Warning, "is 80 %, above the 50 % maximum")]
    [InlineData(0, 101, FindingSeverity.Error, "is 101 %, outside 0..100")]
    [InlineData(0, -1, FindingSeverity.Error, "is -1 %, outside 0..100")]
    public void Sas_settings_out_of_range_are_AZIOT102(int ttlSeconds, int buffer, FindingSeverity severity, string expected)
    {
        StartupCheckInput input = Input();
        input.ClientOptions = new ClientOptions { SasTokenTimeToLive = TimeSpan.FromSeconds(ttlSeconds), SasTokenRenewalBuffer = buffer };
        Finding finding = Single(StartupCheck.Run(input), "AZIOT102", severity);
        Assert.Contains(expected, finding.Message);
    }

    [Fact]
    public void Sas_thresholds_can_be_changed()
    {
        StartupCheckInput input = Input();
        input.SasTtlMinSeconds = 60;
        input.ClientOptions = new ClientOptions { SasTokenTimeToLive = TimeSpan.FromMinutes(5) };
        Assert.Empty(StartupCheck.Run(input).Findings);
    }

    // ---- keep-alive and idle timeout (AZIOT301/302/303) -------------------------------------------------------

    [Theory]
    [InlineData(300, null, null)]
    [InlineData(10, null, null)]
    [InlineData(1177, null, null)]
    [InlineData(1178, "AZIOT301", FindingSeverity.Warning)]
    [InlineData(3600, "AZIOT301", FindingSeverity.Warning)]
    [InlineData(70000, "AZIOT301", FindingSeverity.Error)]
    [InlineData(0, "AZIOT302", FindingSeverity.Warning)]
    [InlineData(9, "AZIOT302", FindingSeverity.Warning)]
    [InlineData(-1, "AZIOT302", FindingSeverity.Error)]
    public void Mqtt_keep_alive(int seconds, string? ruleId, FindingSeverity? severity)
    {
        StartupCheckInput input = Input();
        input.TransportSettings = new object[] { new MqttTransportSettings { KeepAliveInSeconds = seconds } };
        StartupCheckReport report = StartupCheck.Run(input);
        if (ruleId == null)
        {
            Assert.Empty(report.Findings);
            return;
        }

        Finding finding = Single(report, ruleId, severity!.Value);
        Assert.StartsWith("MqttTransportSettings.KeepAliveInSeconds is ", finding.Message);
        Assert.Contains("Set 300 s", finding.Message);
    }

    [Fact]
    public void Keep_alive_message_names_value_and_limit()
    {
        StartupCheckInput input = Input();
        input.TransportSettings = new object[] { new MqttTransportSettings { KeepAliveInSeconds = 3600 } };
        Finding finding = Single(StartupCheck.Run(input), "AZIOT301", FindingSeverity.Warning);
        Assert.Contains("is 3600 s (1 h), above the 1177 s (19 min 37 s) maximum", finding.Message);
        Assert.Contains("1767 s", finding.Message);
    }

    [Fact]
    public void Keep_alive_thresholds_can_be_changed()
    {
        StartupCheckInput input = Input();
        input.MqttKeepAliveMaxSeconds = 600;
        input.TransportSettings = new object[] { new MqttTransportSettings { KeepAliveInSeconds = 900 } };
        Assert.Contains("above the 600 s (10 min) maximum", Single(StartupCheck.Run(input), "AZIOT301", FindingSeverity.Warning).Message);
    }

    [Theory]
    [InlineData(120, null, null)]
    [InlineData(10, null, null)]
    [InlineData(1177, null, null)]
    [InlineData(0, "AZIOT303", FindingSeverity.Warning)]
    [InlineData(5, "AZIOT303", FindingSeverity.Warning)]
    [InlineData(1800, "AZIOT303", FindingSeverity.Warning)]
    [InlineData(-1, "AZIOT303", FindingSeverity.Error)]
    [InlineData(60 * 86400, "AZIOT303", FindingSeverity.Error)]
    public void Amqp_idle_timeout(int seconds, string? ruleId, FindingSeverity? severity)
    {
        StartupCheckInput input = Input();
        input.TransportSettings = new object[] { new AmqpTransportSettings { IdleTimeout = TimeSpan.FromSeconds(seconds) } };
        StartupCheckReport report = StartupCheck.Run(input);
        if (ruleId == null)
        {
            Assert.Empty(report.Findings);
            return;
        }

        Finding finding = Single(report, ruleId, severity!.Value);
        Assert.StartsWith("AmqpTransportSettings.IdleTimeout is ", finding.Message);
    }

    [Fact]
    public void Keep_alive_and_idle_timeout_from_configuration()
    {
        StartupCheckInput input = Input();
        input.MqttKeepAlive = TimeSpan.Zero;
        input.AmqpIdleTimeout = TimeSpan.FromHours(1);
        StartupCheckReport report = StartupCheck.Run(input);
        Assert.Equal(new[] { "AZIOT302", "AZIOT303" }, report.Findings.Select(f => f.RuleId));
        Assert.StartsWith("StartupCheckInput.MqttKeepAlive is 0, which turns MQTT keep-alive off", report.Findings[0].Message);
    }

    [Fact]
    public void Unknown_null_and_throwing_settings_objects_are_ignored()
    {
        StartupCheckInput input = Input();
        input.TransportSettings = new object[] { new Http1TransportSettings(), null!, new ThrowingMqttTransportSettings(), "text", 42 };
        Assert.Empty(StartupCheck.Run(input).Findings);
    }

    [Fact]
    public void Several_transports_are_each_checked()
    {
        StartupCheckInput input = Input();
        input.TransportSettings = new object[]
        {
            new MqttTransportSettings { KeepAliveInSeconds = 0 },
            new AmqpTransportSettings { IdleTimeout = TimeSpan.Zero },
        };
        Assert.Equal(new[] { "AZIOT302", "AZIOT303" }, StartupCheck.Run(input).Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void V2_preview_settings_are_checked_and_reported_once()
    {
        var amqp = new IotHubClientAmqpSettings { IdleTimeout = TimeSpan.Zero };
        StartupCheckInput input = Input();
        input.ClientOptions = new IotHubClientOptions(amqp) { RetryPolicy = new IotHubClientNoRetry() };
        input.TransportSettings = new object[] { amqp, new IotHubClientMqttSettings { IdleTimeout = TimeSpan.FromMinutes(30) } };
        StartupCheckReport report = StartupCheck.Run(input);
        Assert.Equal(new[] { "AZIOT301", "AZIOT303", "AZIOT501" }, report.Findings.Select(f => f.RuleId));
        Assert.Contains("IotHubClientMqttSettings.IdleTimeout (the MQTT keep-alive) is 1800 s (30 min)", report.Findings[0].Message);
        Assert.Contains("IotHubClientOptions.RetryPolicy is IotHubClientNoRetry", report.Findings[2].Message);
    }

    // ---- retry (AZIOT501) ------------------------------------------------------------------------------------

    [Fact]
    public void NoRetry_is_AZIOT501()
    {
        StartupCheckInput input = Input();
        input.RetryPolicy = new NoRetry();
        Finding finding = Single(StartupCheck.Run(input), "AZIOT501", FindingSeverity.Warning);
        Assert.Contains("is NoRetry", finding.Message);
        Assert.Contains("ExponentialBackoff(int.MaxValue, 100 ms, 10 s, 100 ms)", finding.Message);
    }

    [Fact]
    public void Obsolete_No_Retry_enum_is_AZIOT501()
    {
        StartupCheckInput input = Input();
        input.RetryPolicy = RetryPolicyType.No_Retry;
        Assert.Contains("RetryPolicyType.No_Retry", Single(StartupCheck.Run(input), "AZIOT501", FindingSeverity.Warning).Message);
    }

    [Fact]
    public void Retrying_policies_are_fine()
    {
        StartupCheckInput input = Input();
        input.RetryPolicy = new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
        Assert.Empty(StartupCheck.Run(input).Findings);
        input.RetryPolicy = RetryPolicyType.Exponential_Backoff_With_Jitter;
        Assert.Empty(StartupCheck.Run(input).Findings);
    }

    // ---- raw MQTTnet options (AZIOT103, AZIOT301/302) ----------------------------------------------------------

    [Fact]
    public void MqttNet_fixed_sas_password_is_AZIOT103()
    {
        string token = TestSecrets.Token(Key, TestSecrets.Now.AddHours(1));
        StartupCheckInput input = Input();
        input.MqttClientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(TestSecrets.Host, 8883)
            .WithCredentials($"{TestSecrets.Host}/{TestSecrets.Device}/?api-version=2021-04-12", token)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(300))
            .Build();
        Finding finding = Single(StartupCheck.Run(input), "AZIOT103", FindingSeverity.Warning);
        Assert.Contains("MqttClientOptions.Credentials (a fixed MqttClientCredentials password) is a fixed SAS token", finding.Message);
        Assert.Contains("IotHubSasCredentialsProvider", finding.Message);
    }

    [Fact]
    public void MqttNet_expired_fixed_password_is_an_error_and_no_keep_alive_is_AZIOT302()
    {
        StartupCheckInput input = Input();
        input.MqttClientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(TestSecrets.Host)
            .WithCredentials("anything", TestSecrets.Token(Key, TestSecrets.Now.AddMinutes(-1)))
            .WithNoKeepAlive()
            .Build();
        StartupCheckReport report = StartupCheck.Run(input);
        Assert.Equal(new[] { ("AZIOT103", FindingSeverity.Error), ("AZIOT302", FindingSeverity.Warning) },
            report.Findings.Select(f => (f.RuleId, f.Severity)));
        Assert.StartsWith("MqttClientOptions.KeepAlivePeriod is 0", report.Findings[1].Message);
    }

    [Fact]
    public void MqttNet_fixed_non_token_password_for_a_hub_user_is_AZIOT103()
    {
        StartupCheckInput input = Input();
        input.MqttClientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(TestSecrets.Host)
            .WithCredentials($"{TestSecrets.Host}/dev/?api-version=2021-04-12", "from-somewhere")
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .Build();
        Finding finding = Single(StartupCheck.Run(input), "AZIOT103", FindingSeverity.Warning);
        Assert.Contains($"for IoT Hub user {TestSecrets.Host}/dev/", finding.Message);
    }

    [Fact]
    public void MqttNet_options_with_the_provider_or_another_broker_are_fine()
    {
        StartupCheckInput input = Input();
        input.MqttClientOptions = IotHubMqttClientOptions.Create(TestSecrets.KeyConnectionString(Key));
        Assert.Empty(StartupCheck.Run(input).Findings);

        input.MqttClientOptions = new MqttClientOptionsBuilder()
            .WithTcpServer("broker.local").WithCredentials("bob", "secret").WithKeepAlivePeriod(TimeSpan.FromSeconds(60)).Build();
        Assert.Empty(StartupCheck.Run(input).Findings);
    }

    [Fact]
    public void MqttNet_options_are_also_recognised_among_transport_settings()
    {
        StartupCheckInput input = Input();
        input.TransportSettings = new object[] { new MqttClientOptionsBuilder().WithTcpServer("h").WithKeepAlivePeriod(TimeSpan.FromHours(1)).Build() };
        Assert.StartsWith("MqttClientOptions.KeepAlivePeriod is 3600 s", Single(StartupCheck.Run(input), "AZIOT301", FindingSeverity.Warning).Message);
    }

    // ---- SDK version (AZIOT401/402) ----------------------------------------------------------------------------

    [Theory]
    [InlineData("1.42.3.0", "1.42.3", null, null)]
    [InlineData("1.42.0.0", "1.42.0+5f1d2c3", null, null)]
    [InlineData("1.7.2.0", "1.7.2", "AZIOT401", "PINGRESP")]
    [InlineData("1.27.0.0", "1.27.0", "AZIOT401", "PINGRESP")]
    [InlineData("1.34.0.0", null, "AZIOT401", "Dispose() left AMQP sockets open")]
    [InlineData("1.38.0.0", "1.38.0+abc", "AZIOT401", "DotNetty threads kept the process alive after CloseAsync()")]
    [InlineData("1.41.0.0", "1.41.0", "AZIOT401", "CloseAsync() did not stop the SAS token refresh loop")]
    [InlineData("2.0.0.0", "2.0.0-preview008", "AZIOT402", "end-of-life")]
    [InlineData("1.43.0.0", "1.43.0-edgeLts", "AZIOT402", "pre-release build")]
    public void Sdk_version(string assemblyVersion, string? informational, string? ruleId, string? fragment)
    {
        StartupCheckInput input = Input();
        input.CheckSdkVersion = true;
        input.SdkAssembly = FakeSdkAssembly.Create(assemblyVersion, informational);
        StartupCheckReport report = StartupCheck.Run(input);
        Assert.StartsWith("Microsoft.Azure.Devices.Client " + SdkVersionDefects.Format(Version.Parse(assemblyVersion)), report.SdkDescription);
        if (ruleId == null)
        {
            Assert.Empty(report.Findings);
            return;
        }

        Finding finding = Single(report, ruleId, FindingSeverity.Warning);
        Assert.Contains(fragment!, finding.Message);
        Assert.Contains("1.42.3", finding.Message);
    }

    [Fact]
    public void Old_sdk_message_names_version_minimum_fix_and_source()
    {
        StartupCheckInput input = Input();
        input.CheckSdkVersion = true;
        input.SdkAssembly = FakeSdkAssembly.Create("1.38.0.0", "1.38.0");
        Finding finding = Single(StartupCheck.Run(input), "AZIOT401", FindingSeverity.Warning);
        Assert.StartsWith("Microsoft.Azure.Devices.Client 1.38.0 is older than the minimum 1.42.0 (azure_iot.sdk_minimum_version)", finding.Message);
        Assert.Contains("(fixed in 1.40.0; issues #2194, #2269", finding.Message);
        Assert.Contains("more known defects", finding.Message);
    }

    [Fact]
    public void Sdk_minimum_version_can_be_raised()
    {
        StartupCheckInput input = Input();
        input.CheckSdkVersion = true;
        input.SdkMinimumVersion = new Version(1, 42, 3);
        input.SdkAssembly = FakeSdkAssembly.Create("1.42.0.0", "1.42.0");
        Finding finding = Single(StartupCheck.Run(input), "AZIOT401", FindingSeverity.Warning);
        Assert.Contains("older than the minimum 1.42.3", finding.Message);
        Assert.Contains("unobserved MQTT exceptions were not logged", finding.Message);
    }

    [Fact]
    public void Sdk_check_can_be_turned_off()
    {
        StartupCheckInput input = Input();
        input.SdkAssembly = FakeSdkAssembly.Create("1.20.0.0", "1.20.0");
        StartupCheckReport report = StartupCheck.Run(input);
        Assert.Empty(report.Findings);
        Assert.Null(report.SdkDescription);
        Assert.Contains("(no device SDK checked)", report.ToString());
    }

    [Fact]
    public void Loaded_sdk_is_found_when_none_is_given()
    {
        Assembly fake = FakeSdkAssembly.Create("1.30.0.0", "1.30.0");
        StartupCheckInput input = Input();
        input.CheckSdkVersion = true;
        StartupCheckReport report = StartupCheck.Run(input, () => fake);
        Assert.Equal("AZIOT401", Assert.Single(report.Findings).RuleId);
        Assert.Equal("Microsoft.Azure.Devices.Client 1.30.0", report.SdkDescription);

        Assert.Empty(StartupCheck.Run(input, () => null).Findings); // a raw-MQTT device without the SDK
    }

    [Fact]
    public void Real_lookup_finds_a_loaded_sdk_assembly()
    {
        // Make sure one is loaded in this process, then let the public entry point find it by name.
        FakeSdkAssembly.Create("1.42.3.0", "1.42.3");
        StartupCheckInput input = Input();
        input.CheckSdkVersion = true;
        StartupCheckReport report = StartupCheck.Run(input);
        Assert.StartsWith("Microsoft.Azure.Devices.Client ", report.SdkDescription);
    }

    // ---- input validation and the report ------------------------------------------------------------------------

    [Theory]
    [InlineData(nameof(StartupCheckInput.MqttKeepAliveMinSeconds), 2000, "MqttKeepAliveMinSeconds (2000) is greater than MqttKeepAliveMaxSeconds (1177)")]
    [InlineData(nameof(StartupCheckInput.SasTtlMinSeconds), -1, "SasTtlMinSeconds is negative (-1)")]
    [InlineData(nameof(StartupCheckInput.SasRenewalBufferMaxPercent), 150, "SasRenewalBufferMaxPercent is above 100 (150)")]
    public void Invalid_thresholds_throw(string property, int value, string expected)
    {
        StartupCheckInput input = Input();
        typeof(StartupCheckInput).GetProperty(property)!.SetValue(input, value);
        ArgumentException ex = Assert.Throws<ArgumentException>(() => StartupCheck.Run(input));
        Assert.Contains(expected, ex.Message);
        Assert.Equal("input", ex.ParamName);
    }

    [Fact]
    public void Null_input_throws()
    {
        Assert.Throws<ArgumentNullException>(() => StartupCheck.Run(null!));
    }

    [Fact]
    public void Report_orders_errors_first_and_counts_in_ToString()
    {
        StartupCheckInput input = Input();
        input.ConnectionString = TestSecrets.SasConnectionString(TestSecrets.Token(Key, TestSecrets.Now.AddHours(-1)));
        input.RetryPolicy = new NoRetry();
        input.TransportSettings = new object[] { new MqttTransportSettings { KeepAliveInSeconds = 0 } };
        StartupCheckReport report = StartupCheck.Run(input);
        Assert.Equal(new[] { "AZIOT101", "AZIOT302", "AZIOT501" }, report.Findings.Select(f => f.RuleId));
        Assert.True(report.HasErrors);
        Assert.True(report.HasWarnings);
        string text = report.ToString();
        Assert.StartsWith("IotHubGuard startup check: 1 error, 2 warnings (no device SDK checked).", text);
        Assert.Contains(Environment.NewLine + "  error AZIOT101: ", text);
        Assert.Contains(Environment.NewLine + "  warning AZIOT501: ", text);
    }

    [Fact]
    public void Default_thresholds_match_the_rule_catalogue()
    {
        var input = new StartupCheckInput();
        Assert.Equal(1177, input.MqttKeepAliveMaxSeconds);
        Assert.Equal(10, input.MqttKeepAliveMinSeconds);
        Assert.Equal(1177, input.AmqpIdleTimeoutMaxSeconds);
        Assert.Equal(10, input.AmqpIdleTimeoutMinSeconds);
        Assert.Equal(900, input.SasTtlMinSeconds);
        Assert.Equal(86400, input.SasTtlMaxSeconds);
        Assert.Equal(5, input.SasRenewalBufferMinPercent);
        Assert.Equal(50, input.SasRenewalBufferMaxPercent);
        Assert.Equal(new Version(1, 42, 0, 0), input.SdkMinimumVersion);
        Assert.True(input.CheckSdkVersion);
    }

    [Fact]
    public void Finding_rejects_empty_parts()
    {
        Assert.Throws<ArgumentException>(() => new Finding("", FindingSeverity.Info, "m"));
        Assert.Throws<ArgumentException>(() => new Finding("AZIOT101", FindingSeverity.Info, ""));
        Assert.Equal("info AZIOT502: m", new Finding("AZIOT502", FindingSeverity.Info, "m").ToString());
    }
}
