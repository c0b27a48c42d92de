// The startup check fed with real SDK stand-in objects (sdk-surface/Microsoft.Azure.Devices.Client, compiled by
// IotHubGuard.Testing.SdkSurface) created by reflection, as a device app would create them with the SDK. This proves
// that reading SDK objects by member name works against the SDK's real type and member names, defaults and validation,
// not only against the test's own look-alikes (Fakes/SdkLookalikes.cs).
using System;
using System.Linq;
using IotHubGuard.Runtime.Tests.StandIn;
using IotHubGuard.Testing;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

public class SdkSurfaceObjectTests
{
    private const string Client = StandInSdk.Client;
    private const string Mqtt = StandInSdk.Mqtt;

    private static readonly string Key = TestSecrets.NewKey();

    private static StandInSdk Sdk => StandInSdk.Current;

    // No SdkAssembly: the check must find the SDK from the stand-in objects themselves (1.42.3: no AZIOT401/402).
    private static StartupCheckReport Run(StartupCheckInput input)
    {
        input.Now ??= TestSecrets.Now;
        StartupCheckReport report = StartupCheck.Run(input);
        Assert.Equal($"{SdkSurface.AssemblyName} 1.42.3", report.SdkDescription);
        return report;
    }

    private static Finding Single(StartupCheckReport report, string ruleId, FindingSeverity severity)
    {
        Finding finding = Assert.Single(report.Findings);
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal(severity, finding.Severity);
        return finding;
    }

    private static object MqttSettings(string transportType = "Mqtt_Tcp_Only") =>
        Sdk.New(Mqtt + "MqttTransportSettings", Sdk.TransportType(transportType));

    private static object AmqpSettings(string transportType = "Amqp_Tcp_Only") =>
        Sdk.New(Client + "AmqpTransportSettings", Sdk.TransportType(transportType));

    private static object ClientOptions(TimeSpan ttl, int buffer) =>
        StandInSdk.Set(StandInSdk.Set(Sdk.New(Client + "ClientOptions"), "SasTokenTimeToLive", ttl), "SasTokenRenewalBuffer", buffer);

    private static object DefaultBackoff() =>
        Sdk.New(Client + "ExponentialBackoff", int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));

    private static object KeyAuth() => Sdk.New(Client + "DeviceAuthenticationWithRegistrySymmetricKey", TestSecrets.Device, Key);

    private static object TokenAuth(string token) => Sdk.New(Client + "DeviceAuthenticationWithToken", TestSecrets.Device, token);

    private static object CreateClient(object auth, object? options, params object[] transportSettings) =>
        Sdk.CallStatic(Client + "DeviceClient", "Create", TestSecrets.Host, auth, Sdk.TransportSettingsArray(transportSettings), options)!;

    // ---- the SDK's own defaults pass ---------------------------------------------------------------------------

    [Fact]
    public void Sdk_defaults_have_no_findings()
    {
        object mqtt = MqttSettings();
        object amqp = AmqpSettings();
        Assert.Equal(300, StandInSdk.Get(mqtt, "KeepAliveInSeconds"));
        Assert.Equal(TimeSpan.FromMinutes(2), StandInSdk.Get(amqp, "IdleTimeout"));

        StartupCheckReport report = Run(new StartupCheckInput
        {
            ConnectionString = TestSecrets.KeyConnectionString(Key),
            TransportSettings = (object[])Sdk.TransportSettingsArray(
                mqtt, MqttSettings("Mqtt_WebSocket_Only"), amqp, AmqpSettings("Amqp_WebSocket_Only"), Sdk.New(Client + "Http1TransportSettings")),
            ClientOptions = Sdk.New(Client + "ClientOptions"),
            RetryPolicy = DefaultBackoff(),
            AuthenticationMethod = KeyAuth(),
        });

        Assert.Empty(report.Findings);
    }

    // ---- MqttTransportSettings.KeepAliveInSeconds (AZIOT301/302) -----------------------------------------------

    [Theory]
    [InlineData(300, null, null, null)]
    [InlineData(1177, null, null, null)]
    [InlineData(3600, "AZIOT301", FindingSeverity.Warning, "is 3600 s (1 h), above the 1177 s (19 min 37 s) maximum")]
    [InlineData(70000, "AZIOT301", FindingSeverity.Error, "is 70000 s (19 h 26 min), which does not fit the 16-bit keep-alive field")]
    [InlineData(0, "AZIOT302", FindingSeverity.Warning, "is 0, which turns MQTT keep-alive off")]
    [InlineData(5, "AZIOT302", FindingSeverity.Warning, "is 5 s, below the 10 s minimum")]
    [InlineData(-1, "AZIOT302", FindingSeverity.Error, "is negative (-1 s)")]
    public void Mqtt_keep_alive_of_real_MqttTransportSettings(int seconds, string? ruleId, FindingSeverity? severity, string? fragment)
    {
        object mqtt = StandInSdk.Set(MqttSettings(), "KeepAliveInSeconds", seconds);

        StartupCheckReport report = Run(new StartupCheckInput { TransportSettings = (object[])Sdk.TransportSettingsArray(mqtt) });

        if (ruleId == null)
        {
            Assert.Empty(report.Findings);
            return;
        }

        Finding finding = Single(report, ruleId, severity!.Value);
        Assert.StartsWith("MqttTransportSettings.KeepAliveInSeconds " + fragment, finding.Message);
        Assert.EndsWith("Set 300 s (the C# SDK default).", finding.Message);
    }

    // ---- AmqpTransportSettings.IdleTimeout (AZIOT303) ------------------------------------------------------------

    [Theory]
    [InlineData(120, null, null)]
    [InlineData(0, FindingSeverity.Warning, "is 0, which turns the AMQP idle timeout (heartbeat) off")]
    [InlineData(5, FindingSeverity.Warning, "is 5 s, below the 10 s minimum")]
    [InlineData(1800, FindingSeverity.Warning, "is 30 min, above the 1177 s (19 min 37 s) maximum")]
    [InlineData(-1, FindingSeverity.Error, "is negative (-1 s)")]
    [InlineData(60 * 86400, FindingSeverity.Error, "is 60 d, more milliseconds than fit in the AMQP Open frame")]
    public void Idle_timeout_of_real_AmqpTransportSettings(int seconds, FindingSeverity? severity, string? fragment)
    {
        object amqp = StandInSdk.Set(AmqpSettings(), "IdleTimeout", TimeSpan.FromSeconds(seconds));

        StartupCheckReport report = Run(new StartupCheckInput { TransportSettings = new[] { amqp } });

        if (severity == null)
        {
            Assert.Empty(report.Findings);
            return;
        }

        Finding finding = Single(report, "AZIOT303", severity.Value);
        Assert.StartsWith("AmqpTransportSettings.IdleTimeout " + fragment, finding.Message);
    }

    // ---- ClientOptions.SasTokenTimeToLive / SasTokenRenewalBuffer (AZIOT102) --------------------------------------

    // An error must mean "the SDK throws when the client is created", and only that: the stand-in validates the options
    // at DeviceClient.Create with key authentication, as the SDK does.
    [Theory]
    [InlineData(0, 0, null, null)]
    [InlineData(3600, 15, null, null)]
    [InlineData(900, 5, null, null)]
    [InlineData(86400, 50, null, null)]
    [InlineData(300, 0, FindingSeverity.Warning, "ClientOptions.SasTokenTimeToLive is 5 min, below the 900 s (15 min) minimum")]
    [InlineData(172800, 0, FindingSeverity.Warning, "ClientOptions.SasTokenTimeToLive is 2 d, above the 86400 s (1 d) maximum")]
    [InlineData(-60, 0, FindingSeverity.Error, "ClientOptions.SasTokenTimeToLive is negative (-1 min)")]
    [InlineData(0, 2, FindingSeverity.Warning, "ClientOptions.SasTokenRenewalBuffer is 2 %, below the 5 % minimum")]
    [InlineData(0, 80, FindingSeverity.Warning, "ClientOptions.SasTokenRenewalBuffer is 80 %, above the 50 % maximum")]
    [InlineData(0, 101, FindingSeverity.Error, "ClientOptions.SasTokenRenewalBuffer is 101 %, outside 0..100")]
    [InlineData(0, -1, FindingSeverity.Error, "ClientOptions.SasTokenRenewalBuffer is -1 %, outside 0..100")]
    public void Sas_settings_of_real_ClientOptions(int ttlSeconds, int buffer, FindingSeverity? severity, string? fragment)
    {
        object options = ClientOptions(TimeSpan.FromSeconds(ttlSeconds), buffer);

        StartupCheckReport report = Run(new StartupCheckInput { ClientOptions = options, AuthenticationMethod = KeyAuth() });

        if (severity == null)
        {
            Assert.Empty(report.Findings);
        }
        else
        {
            Assert.StartsWith(fragment, Single(report, "AZIOT102", severity.Value).Message);
        }

        if (severity == FindingSeverity.Error)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => CreateClient(KeyAuth(), options, MqttSettings()));
        }
        else
        {
            Assert.NotNull(CreateClient(KeyAuth(), options, MqttSettings()));
        }
    }

    // The SDK reads the lifetime in whole seconds ((int)TotalSeconds) and 0 means its 1 h default: less than a second,
    // of either sign, neither throws nor shortens the tokens. It used to be reported as an error ("the SDK throws") or
    // as a lifetime below the minimum.
    [Theory]
    [InlineData(-500, null)]
    [InlineData(500, null)]
    [InlineData(-1500, FindingSeverity.Error)]
    [InlineData(1500, FindingSeverity.Warning)]
    public void Sub_second_sas_lifetime_is_read_in_whole_seconds_like_the_sdk(int milliseconds, FindingSeverity? severity)
    {
        object options = ClientOptions(TimeSpan.FromMilliseconds(milliseconds), 0);

        StartupCheckReport report = Run(new StartupCheckInput { ClientOptions = options, AuthenticationMethod = KeyAuth() });

        if (severity == null)
        {
            Assert.Empty(report.Findings);
            Assert.NotNull(CreateClient(KeyAuth(), options, MqttSettings()));
            return;
        }

        Assert.Equal("AZIOT102", Single(report, "AZIOT102", severity.Value).RuleId);
        if (severity == FindingSeverity.Error)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => CreateClient(KeyAuth(), options, MqttSettings()));
        }
    }

    // ---- retry policies (AZIOT501) -----------------------------------------------------------------------------

    [Fact]
    public void Real_NoRetry_is_AZIOT501_and_ExponentialBackoff_is_fine()
    {
        Finding finding = Single(Run(new StartupCheckInput { RetryPolicy = Sdk.New(Client + "NoRetry") }), "AZIOT501", FindingSeverity.Warning);
        Assert.StartsWith("The retry policy is NoRetry: the client never reconnects", finding.Message);

        Assert.Empty(Run(new StartupCheckInput { RetryPolicy = DefaultBackoff() }).Findings);
        Assert.Empty(Run(new StartupCheckInput { RetryPolicy = Sdk.New(Client + "ExponentialBackoff", 5, TimeSpan.Zero, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1)) }).Findings);
    }

    [Fact]
    public void Real_obsolete_RetryPolicyType_enum()
    {
        Finding finding = Single(Run(new StartupCheckInput { RetryPolicy = Sdk.Enum(Client + "RetryPolicyType", "No_Retry") }), "AZIOT501", FindingSeverity.Warning);
        Assert.StartsWith("The retry policy is the obsolete RetryPolicyType.No_Retry", finding.Message);

        Assert.Empty(Run(new StartupCheckInput { RetryPolicy = Sdk.Enum(Client + "RetryPolicyType", "Exponential_Backoff_With_Jitter") }).Findings);
    }

    // ---- authentication objects (AZIOT101) ---------------------------------------------------------------------

    [Theory]
    [InlineData(-3 * 3600, FindingSeverity.Error, "that expired at 2026-01-15T09:00:00Z (3 h ago)")]
    [InlineData(10 * 60, FindingSeverity.Warning, "that expires in 10 min (at 2026-01-15T12:10:00Z), less than the 900 s (15 min) minimum")]
    [InlineData(30 * 86400, FindingSeverity.Warning, "that expires in 30 d (at 2026-02-14T12:00:00Z): nothing renews it")]
    public void Real_DeviceAuthenticationWithToken(int secondsLeft, FindingSeverity severity, string fragment)
    {
        string token = TestSecrets.Token(Key, TestSecrets.Now.AddSeconds(secondsLeft));
        object auth = TokenAuth(token); // the SDK does not look at the expiry when the auth object is made
        Assert.Equal(token, StandInSdk.Get(auth, "Token"));

        StartupCheckReport report = Run(new StartupCheckInput { AuthenticationMethod = auth });

        Finding finding = Single(report, "AZIOT101", severity);
        Assert.StartsWith(
            $"DeviceAuthenticationWithToken.Token is a fixed SAS token for {TestSecrets.Host}/devices/{TestSecrets.Device} {fragment}",
            finding.Message);
        Assert.Contains("DeviceAuthenticationWithRegistrySymmetricKey", finding.Message); // the fix
        TestSecrets.AssertNoSecret(report.ToString(), Key, token);
    }

    [Fact]
    public void Real_ModuleAuthenticationWithToken()
    {
        string token = TestSecrets.Token(Key, TestSecrets.Now.AddHours(-1), device: "sensor-01/modules/filter");
        object auth = Sdk.New(Client + "ModuleAuthenticationWithToken", TestSecrets.Device, "filter", token);

        Finding finding = Single(Run(new StartupCheckInput { AuthenticationMethod = auth }), "AZIOT101", FindingSeverity.Error);
        Assert.StartsWith($"ModuleAuthenticationWithToken.Token is a fixed SAS token for {TestSecrets.Host}/devices/sensor-01/modules/filter that expired", finding.Message);
    }

    [Fact]
    public void Real_key_authentication_is_fine()
    {
        object auth = KeyAuth();
        Assert.Equal(Key, StandInSdk.Get(auth, "KeyAsBase64String"));
        StartupCheckReport report = Run(new StartupCheckInput { AuthenticationMethod = auth });
        Assert.Empty(report.Findings);
        TestSecrets.AssertNoSecret(report.ToString(), Key);

        object module = Sdk.New(Client + "ModuleAuthenticationWithRegistrySymmetricKey", TestSecrets.Device, "filter", Key);
        Assert.Empty(Run(new StartupCheckInput { AuthenticationMethod = module }).Findings);
    }

    // A token as the SDK itself mints it (SharedAccessSignatureBuilder: WebUtility.UrlEncode, upper-case escapes,
    // optional skn), on the real clock.
    [Theory]
    [InlineData(null)]
    [InlineData("device-policy")]
    public void Token_minted_by_the_sdks_SharedAccessSignatureBuilder(string? keyName)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        object builder = Sdk.New(Client + "SharedAccessSignatureBuilder");
        StandInSdk.Set(builder, "Key", Key);
        StandInSdk.Set(builder, "KeyName", keyName);
        StandInSdk.Set(builder, "Target", $"{TestSecrets.Host}/devices/{TestSecrets.Device}");
        StandInSdk.Set(builder, "TimeToLive", TimeSpan.FromHours(2));
        string token = (string)builder.GetType().GetMethod("ToSignature")!.Invoke(builder, null)!;
        Assert.Contains("%2Fdevices%2F", token);
        Assert.True(TestSecrets.Verifies(token, Key));

        StartupCheckReport report = Run(new StartupCheckInput { AuthenticationMethod = TokenAuth(token), Now = now });

        Finding finding = Single(report, "AZIOT101", FindingSeverity.Warning);
        Assert.StartsWith($"DeviceAuthenticationWithToken.Token is a fixed SAS token for {TestSecrets.Host}/devices/{TestSecrets.Device} that expires in 2 h", finding.Message);
        TestSecrets.AssertNoSecret(report.ToString(), Key, token);
    }

    // The SDK refuses an already-expired fixed token only when the client is created, and only beyond its 5 min clock
    // skew (UnauthorizedAccessException); it accepts it when the auth object is made. The startup check reports both
    // cases as errors, before DeviceClient.Create, with a message that names the expiry and the fix.
    [Theory]
    [InlineData(-3 * 3600, true)]
    [InlineData(-120, false)] // within the SDK's skew: the client is created, and the hub refuses the token (401003)
    public void Expired_token_is_an_error_whether_or_not_the_sdk_throws_at_Create(int secondsLeft, bool sdkThrows)
    {
        var now = DateTimeOffset.UtcNow;
        string token = TestSecrets.Token(Key, now.AddSeconds(secondsLeft));
        object auth = TokenAuth(token);

        StartupCheckReport report = Run(new StartupCheckInput { AuthenticationMethod = auth, Now = now });
        Assert.Contains(" that expired at ", Single(report, "AZIOT101", FindingSeverity.Error).Message);
        IotHubGuardException ex = Assert.Throws<IotHubGuardException>(report.ThrowIfErrors);
        TestSecrets.AssertNoSecret(ex.Message, Key, token);

        string connectionString = TestSecrets.SasConnectionString(token);
        Assert.Equal(FindingSeverity.Error, Assert.Single(StartupCheck.Run(new StartupCheckInput { ConnectionString = connectionString, Now = now, CheckSdkVersion = false }).Findings).Severity);

        if (sdkThrows)
        {
            Assert.Throws<UnauthorizedAccessException>(() => CreateClient(auth, null, MqttSettings()));
            Assert.Throws<UnauthorizedAccessException>(() => Sdk.CallStatic(Client + "DeviceClient", "CreateFromConnectionString",
                connectionString, Sdk.TransportSettingsArray(MqttSettings()), null));
        }
        else
        {
            Assert.NotNull(CreateClient(auth, null, MqttSettings()));
        }
    }

    // ---- what the SDK accepts, the check must accept --------------------------------------------------------------

    // A startup check that throws on input the SDK accepts stops a working device (AddIotHubGuard fails the host on
    // ArgumentException). Each string here is accepted by the stand-in's IotHubConnectionStringBuilder.Create, which
    // parses like the SDK.
    [Theory]
    [InlineData("HostName={host};DeviceId=d;SharedAccessKey={key};")]
    [InlineData("hostname={host};deviceid=d;sharedaccesskey={key}")]
    [InlineData("HostName={host};;DeviceId=d;SharedAccessKey={key};Unknown=1")]
    [InlineData("HostName={host};DeviceId=d;ModuleId=m;SharedAccessKey={key};GatewayHostName=edge.local")]
    [InlineData("HostName={host};DeviceId=d;SharedAccessKeyName=device;SharedAccessKey={key}")]
    [InlineData("HostName={host};DeviceId=dev:01+a%b_c#d*e?f!g(h)i,j@k$l'm;SharedAccessKey={key}")]
    [InlineData("HostName=myGateway;DeviceId=d;SharedAccessKey={key}")]
    [InlineData("HostName={host};DeviceId=d;X509Cert=true")]
    [InlineData("HostName={host};DeviceId=d;x509=false;SharedAccessKey={key}")]
    [InlineData("HostName={host};DeviceId=d;SharedAccessSignature={token}")]
    public void Connection_strings_the_sdk_accepts_do_not_make_the_check_throw(string template)
    {
        var now = DateTimeOffset.UtcNow;
        string token = TestSecrets.Token(Key, now.AddHours(2));
        string connectionString = template.Replace("{host}", TestSecrets.Host).Replace("{key}", Key).Replace("{token}", token);
        Assert.NotNull(Sdk.CallStatic(Client + "IotHubConnectionStringBuilder", "Create", connectionString));

        StartupCheckReport report = StartupCheck.Run(new StartupCheckInput { ConnectionString = connectionString, Now = now, CheckSdkVersion = false });

        Assert.Equal(template.Contains("{token}") ? new[] { "AZIOT101" } : Array.Empty<string>(), report.Findings.Select(f => f.RuleId));
    }

    // Fixed tokens in forms the SDK reads (field names in any case, empty fields, a fractional expiry) used to throw
    // ArgumentException in the check ("has no 'sr=' field", "not name=value", "not a number of seconds").
    [Theory]
    [InlineData("upper-case field names")]
    [InlineData("trailing '&'")]
    [InlineData("empty field")]
    [InlineData("fractional se")]
    public void Tokens_the_sdk_accepts_are_read_not_refused(string variant)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        string token = TestSecrets.Token(Key, now.AddHours(2));
        token = variant switch
        {
            "upper-case field names" => token.Replace(" sr=", " SR=").Replace("&sig=", "&Sig=").Replace("&se=", "&SE="),
            "trailing '&'" => token + "&",
            "empty field" => token.Replace("&sig=", "&&sig="),
            "fractional se" => token + ".5",
            _ => throw new ArgumentOutOfRangeException(nameof(variant)),
        };
        string connectionString = TestSecrets.SasConnectionString(token);
        Assert.NotNull(Sdk.CallStatic(Client + "IotHubConnectionStringBuilder", "Create", connectionString));
        Assert.NotNull(CreateClient(TokenAuth(token), null, MqttSettings()));

        foreach (var input in new[]
        {
            new StartupCheckInput { ConnectionString = connectionString, Now = now, CheckSdkVersion = false }, // no SDK object to find it from
            new StartupCheckInput { AuthenticationMethod = TokenAuth(token), Now = now },
        })
        {
            StartupCheckReport report = StartupCheck.Run(input);
            Finding finding = Single(report, "AZIOT101", FindingSeverity.Warning);
            Assert.Contains($"fixed SAS token for {TestSecrets.Host}/devices/{TestSecrets.Device} that expires in 2 h (at {now.AddHours(2).UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'})", finding.Message);
            TestSecrets.AssertNoSecret(report.ToString(), Key, token);
        }
    }

    // ---- a whole device app's startup ----------------------------------------------------------------------------

    [Fact]
    public void Every_object_of_a_misconfigured_app_is_reported_once_and_the_client_still_builds()
    {
        object mqtt = StandInSdk.Set(MqttSettings(), "KeepAliveInSeconds", 3600);
        object amqp = StandInSdk.Set(AmqpSettings(), "IdleTimeout", TimeSpan.Zero);
        object options = ClientOptions(TimeSpan.FromMinutes(5), 0);
        object retry = Sdk.New(Client + "NoRetry");
        var now = DateTimeOffset.UtcNow; // the real clock: the SDK checks the token's expiry at Create
        string token = TestSecrets.Token(Key, now.AddHours(6));
        object auth = TokenAuth(token);
        var transports = (object[])Sdk.TransportSettingsArray(mqtt, amqp, mqtt); // the same object twice: reported once

        StartupCheckReport report = Run(new StartupCheckInput
        {
            TransportSettings = transports,
            ClientOptions = options,
            RetryPolicy = retry,
            AuthenticationMethod = auth,
            Now = now,
        });

        Assert.Equal(
            new[] { "AZIOT101", "AZIOT102", "AZIOT301", "AZIOT303", "AZIOT501" },
            report.Findings.Select(f => f.RuleId));
        Assert.All(report.Findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
        report.ThrowIfErrors(); // warnings only
        TestSecrets.AssertNoSecret(report.ToString(), Key, token);

        // Nothing here is invalid for the SDK: it builds the client and lets the hub drop it later (404104).
        object client = CreateClient(auth, options, mqtt, amqp);
        client.GetType().GetMethod("SetRetryPolicy")!.Invoke(client, new[] { retry });
    }
}
