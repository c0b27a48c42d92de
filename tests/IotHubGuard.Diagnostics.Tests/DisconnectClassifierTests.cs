using System;

namespace IotHubGuard.Diagnostics.Tests;

public class DisconnectClassifierTests
{
    private static readonly DiagnosisThresholds Defaults = DiagnosisThresholds.Default;

    [Fact]
    public void A_session_outside_the_token_window_without_codes_is_not_a_token_cause()
    {
        var attribution = DisconnectClassifier.Classify(new DisconnectSignals { SessionLength = TimeSpan.FromMinutes(40), Reconnect = ReconnectOutcome.Reconnected, SdkUserAgent = ".NET/1.42.3" }, Defaults);

        Assert.Equal(DisconnectCause.LinkLost, attribution.Cause);
        Assert.Equal(Confidence.Low, attribution.Confidence);
    }

    [Theory]
    [InlineData(57.9, false)]
    [InlineData(58, true)]
    [InlineData(65, true)]
    [InlineData(75, true)]
    [InlineData(75.1, false)]
    public void The_token_window_is_lifetime_minus_early_to_lifetime_plus_grace(double minutes, bool token)
    {
        var attribution = DisconnectClassifier.Classify(new DisconnectSignals { SessionLength = TimeSpan.FromMinutes(minutes), Reconnect = ReconnectOutcome.Reconnected, SdkUserAgent = ".NET/1.42.3" }, Defaults);

        Assert.Equal(token, attribution.Cause == DisconnectCause.SasTokenExpired);
    }

    [Fact]
    public void A_deploy_wall_one_token_lifetime_after_connect_is_a_deploy_not_a_token()
    {
        var signals = new DisconnectSignals { SessionLength = TimeSpan.FromMinutes(65), FleetBurst = true, BurstDevices = 40, Reconnect = ReconnectOutcome.Reconnected };

        Assert.Equal(DisconnectCause.ProcessExitWithoutClose, DisconnectClassifier.Classify(signals, Defaults).Cause);

        signals.TokenExpiredReported = true;
        DisconnectAttribution withCode = DisconnectClassifier.Classify(signals, Defaults);
        Assert.Equal(DisconnectCause.SasTokenExpired, withCode.Cause);
        Assert.Equal(Confidence.High, withCode.Confidence);
    }

    [Fact]
    public void A_401003_with_rejected_reconnects_names_the_fixed_token_rule_first_and_a_raw_mqtt_client_gets_AZIOT103()
    {
        var attribution = DisconnectClassifier.Classify(
            new DisconnectSignals { SessionLength = TimeSpan.FromMinutes(66), TokenExpiredReported = true, ReconnectRejectedUnauthorized = true, Protocol = "Mqtt" },
            Defaults);

        Assert.Equal(DisconnectCause.SasTokenExpired, attribution.Cause);
        Assert.Equal(new[] { "AZIOT101", "AZIOT103", "AZIOT102" }, attribution.Rules);
    }

    [Fact]
    public void A_current_sdk_that_reconnects_at_once_after_expiry_is_told_apart_from_a_fixed_token()
    {
        var renewed = DisconnectClassifier.Classify(
            new DisconnectSignals { SessionLength = TimeSpan.FromMinutes(70), TokenExpiredReported = true, Reconnect = ReconnectOutcome.Reconnected, ReconnectGap = TimeSpan.FromSeconds(8), SdkUserAgent = ".NET/1.42.3" },
            Defaults);
        var fixedToken = DisconnectClassifier.Classify(
            new DisconnectSignals { SessionLength = TimeSpan.FromMinutes(70), TokenExpiredReported = true, ReconnectRejectedUnauthorized = true, SdkUserAgent = ".NET/1.42.3" },
            Defaults);

        Assert.Contains(renewed.Evidence, e => e.Contains("documented renewal by reconnect", StringComparison.Ordinal));
        Assert.DoesNotContain(fixedToken.Evidence, e => e.Contains("documented renewal", StringComparison.Ordinal));
    }

    [Fact]
    public void A_duplicate_code_wins_over_every_other_signal()
    {
        var attribution = DisconnectClassifier.Classify(
            new DisconnectSignals { SessionLength = TimeSpan.FromMinutes(65), TokenExpiredReported = true, DuplicateReported = true, FleetBurst = true },
            Defaults);

        Assert.Equal(DisconnectCause.DuplicateIdentity, attribution.Cause);
        Assert.Equal("AZIOT205", attribution.Rules[0]);
    }

    [Fact]
    public void An_old_sdk_contributes_AZIOT401_next_to_the_main_cause_and_a_current_or_foreign_sdk_does_not()
    {
        var old = DisconnectClassifier.Classify(new DisconnectSignals { TokenExpiredReported = true, SdkUserAgent = ".NET/1.41.0 (.NET 6.0; Linux; X64)" }, Defaults);
        var current = DisconnectClassifier.Classify(new DisconnectSignals { TokenExpiredReported = true, SdkUserAgent = ".NET/1.42.0 (.NET 8.0; Linux; X64)" }, Defaults);
        var java = DisconnectClassifier.Classify(new DisconnectSignals { TokenExpiredReported = true, SdkUserAgent = "com.microsoft.azure.sdk.iot.iot-device-client/1.30.0" }, Defaults);

        Assert.Contains(DisconnectCause.SdkDefect, old.Contributing);
        Assert.Contains("AZIOT401", old.Rules);
        Assert.DoesNotContain("AZIOT401", current.Rules);
        Assert.DoesNotContain("AZIOT401", java.Rules);
    }

    [Fact]
    public void Never_reconnecting_is_the_cause_when_nothing_else_explains_it_and_contributes_otherwise()
    {
        var alone = DisconnectClassifier.Classify(new DisconnectSignals { SessionLength = TimeSpan.FromMinutes(20), Reconnect = ReconnectOutcome.NeverReconnected, ObservedAfter = TimeSpan.FromHours(2) }, Defaults);
        var withToken = DisconnectClassifier.Classify(new DisconnectSignals { TokenExpiredReported = true, Reconnect = ReconnectOutcome.NeverReconnected, ObservedAfter = TimeSpan.FromHours(2) }, Defaults);

        Assert.Equal(DisconnectCause.NoRecovery, alone.Cause);
        Assert.Equal(new[] { "AZIOT501", "AZIOT502" }, alone.Rules);
        Assert.Equal(DisconnectCause.SasTokenExpired, withToken.Cause);
        Assert.Contains(DisconnectCause.NoRecovery, withToken.Contributing);
    }
}
