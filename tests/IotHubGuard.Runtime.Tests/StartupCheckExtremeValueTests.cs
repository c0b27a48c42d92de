using System;
using System.Collections.Generic;
using System.Linq;
using IotHubGuard.Runtime.Tests.Fakes;
using MQTTnet;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

/// <summary>
/// docs/runtime.md: "The check never crashes deep inside." Every TimeSpan and integer the check reads, at the extremes of
/// its type: the result is a report (or an ArgumentException for a bad threshold), never an OverflowException.
/// </summary>
public class StartupCheckExtremeValueTests
{
    private static readonly Dictionary<string, Action<StartupCheckInput>> Probes = BuildProbes();

    public static IEnumerable<object[]> ProbeNames() => Probes.Keys.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Extreme_values_give_a_report_or_an_ArgumentException(string probe)
    {
        var input = new StartupCheckInput { Now = TestSecrets.Now, CheckSdkVersion = false };
        Probes[probe](input);
        try
        {
            StartupCheckReport report = StartupCheck.Run(input);
            Assert.NotNull(report.ToString());
        }
        catch (ArgumentException ex)
        {
            Assert.StartsWith("StartupCheckInput.", ex.Message, StringComparison.Ordinal); // a threshold, named
        }
    }

    [Theory]
    [InlineData("AmqpIdleTimeout", "AZIOT303")]
    [InlineData("AmqpTransportSettings.IdleTimeout", "AZIOT303")]
    [InlineData("IotHubClientAmqpSettings.IdleTimeout", "AZIOT303")]
    [InlineData("ClientOptions.SasTokenTimeToLive", "AZIOT102")]
    [InlineData("MqttKeepAlive", "AZIOT302")]
    [InlineData("IotHubClientMqttSettings.IdleTimeout", "AZIOT302")]
    [InlineData("MqttClientOptions.KeepAlivePeriod", "AZIOT302")]
    public void TimeSpan_MinValue_is_reported_as_an_error(string member, string ruleId)
    {
        var input = new StartupCheckInput { Now = TestSecrets.Now, CheckSdkVersion = false };
        Probes[member + " = TimeSpan.MinValue"](input);
        Finding finding = Assert.Single(StartupCheck.Run(input).Findings);
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("negative", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lifetime_the_SDK_cannot_hold_in_whole_int_seconds_is_an_error()
    {
        // DeviceAuthenticationWithSakRefresh (SDK 1.42.3) passes (int)SasTokenTimeToLive.TotalSeconds to its base class.
        var input = new StartupCheckInput { Now = TestSecrets.Now, CheckSdkVersion = false };
        input.ClientOptions = new ClientOptions { SasTokenTimeToLive = TimeSpan.FromSeconds(int.MaxValue + 1.0) };
        Finding finding = Assert.Single(StartupCheck.Run(input).Findings);
        Assert.Equal(("AZIOT102", FindingSeverity.Error), (finding.RuleId, finding.Severity));
        Assert.Contains("2147483647", finding.Message, StringComparison.Ordinal);

        input.ClientOptions = new ClientOptions { SasTokenTimeToLive = TimeSpan.FromSeconds(int.MaxValue) };
        Assert.Equal(FindingSeverity.Warning, Assert.Single(StartupCheck.Run(input).Findings).Severity); // above the max, still works
    }

    private static Dictionary<string, Action<StartupCheckInput>> BuildProbes()
    {
        var probes = new Dictionary<string, Action<StartupCheckInput>>(StringComparer.Ordinal);
        var spans = new Dictionary<string, TimeSpan>
        {
            ["TimeSpan.MinValue"] = TimeSpan.MinValue,
            ["TimeSpan.MaxValue"] = TimeSpan.MaxValue,
            ["-1 tick"] = TimeSpan.FromTicks(-1),
            ["1 tick"] = TimeSpan.FromTicks(1),
        };
        foreach ((string label, TimeSpan span) in spans)
        {
            probes["AmqpIdleTimeout = " + label] = i => i.AmqpIdleTimeout = span;
            probes["MqttKeepAlive = " + label] = i => i.MqttKeepAlive = span;
            probes["AmqpTransportSettings.IdleTimeout = " + label] = i => i.TransportSettings = new object[] { new AmqpTransportSettings { IdleTimeout = span } };
            probes["IotHubClientAmqpSettings.IdleTimeout = " + label] = i => i.TransportSettings = new object[] { new IotHubClientAmqpSettings { IdleTimeout = span } };
            probes["IotHubClientMqttSettings.IdleTimeout = " + label] = i => i.TransportSettings = new object[] { new IotHubClientMqttSettings { IdleTimeout = span } };
            probes["ClientOptions.SasTokenTimeToLive = " + label] = i => i.ClientOptions = new ClientOptions { SasTokenTimeToLive = span };
            probes["MqttClientOptions.KeepAlivePeriod = " + label] = i => i.MqttClientOptions = new MqttClientOptions { KeepAlivePeriod = span };
        }

        foreach (int value in new[] { int.MinValue, -1, int.MaxValue })
        {
            probes["KeepAliveInSeconds = " + value] = i => i.TransportSettings = new object[] { new MqttTransportSettings { KeepAliveInSeconds = value } };
            probes["SasTokenRenewalBuffer = " + value] = i => i.ClientOptions = new ClientOptions { SasTokenRenewalBuffer = value };
            probes["SasTtlMinSeconds = " + value] = i => i.SasTtlMinSeconds = value;
            probes["SasTtlMaxSeconds = " + value] = i => i.SasTtlMaxSeconds = value;
            probes["MqttKeepAliveMinSeconds = " + value] = i => i.MqttKeepAliveMinSeconds = value;
            probes["MqttKeepAliveMaxSeconds = " + value] = i => i.MqttKeepAliveMaxSeconds = value;
            probes["AmqpIdleTimeoutMinSeconds = " + value] = i => i.AmqpIdleTimeoutMinSeconds = value;
            probes["AmqpIdleTimeoutMaxSeconds = " + value] = i => i.AmqpIdleTimeoutMaxSeconds = value;
            probes["SasRenewalBufferMinPercent = " + value] = i => i.SasRenewalBufferMinPercent = value;
            probes["SasRenewalBufferMaxPercent = " + value] = i => i.SasRenewalBufferMaxPercent = value;
        }

        string key = TestSecrets.NewKey();
        foreach ((string label, DateTimeOffset now) in new[] { ("DateTimeOffset.MinValue", DateTimeOffset.MinValue), ("DateTimeOffset.MaxValue", DateTimeOffset.MaxValue) })
        {
            probes["Now = " + label + " with a fixed token"] = i =>
            {
                i.Now = now;
                i.ConnectionString = TestSecrets.SasConnectionString(TestSecrets.Token(key, TestSecrets.Now));
            };
        }

        return probes;
    }
}
