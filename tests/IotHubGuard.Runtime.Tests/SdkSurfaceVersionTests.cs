// AZIOT401/402 against the SDK surface stand-in compiled at real SDK versions (IotHubGuard.Testing.SdkSurface), each in
// its own collectible load context: the assembly identity the check reads is the one a compiler writes, not a
// hand-built dynamic assembly.
using System;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using IotHubGuard.Runtime.Tests.StandIn;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

public class SdkSurfaceVersionTests
{
    private const string Sdk = "Microsoft.Azure.Devices.Client";

    private static StartupCheckInput Input(StandInSdk sdk) =>
        new StartupCheckInput { Now = TestSecrets.Now, CheckSdkVersion = true, SdkAssembly = sdk.Assembly };

    // version, worst defect's fixed-in version, a fragment of its summary, how many defects the version has in all.
    // The counts are worked out by hand from src/Shared/SdkVersionDefects.cs (regressions and LTS backports included),
    // so the table logic is checked too, not just echoed.
    [Theory]
    [InlineData("1.7.2", "1.28.0", "MQTT did not check for PINGRESP", 21)]      // numbering jump 1.7 -> 1.17: still before 1.28
    [InlineData("1.27.0", "1.28.0", "MQTT did not check for PINGRESP", 11)]
    [InlineData("1.34.0", "1.35.0", "Dispose() left AMQP sockets open", 10)]     // the 1.34.0 regression itself
    [InlineData("1.39.1", "1.40.0", "DotNetty threads kept the process alive after CloseAsync()", 7)]
    [InlineData("1.41.3", "1.42.0", "CloseAsync() did not stop the SAS token refresh loop", 3)]
    public void Old_sdk_is_AZIOT401_naming_its_worst_defect_and_the_fix(string version, string fixedIn, string fragment, int defectCount)
    {
        StandInSdk sdk = StandInSdk.Load(version);
        Assert.Equal(Version.Parse(version + ".0"), sdk.Assembly.GetName().Version);

        StartupCheckReport report = StartupCheck.Run(Input(sdk));

        Finding finding = Assert.Single(report.Findings);
        Assert.Equal("AZIOT401", finding.RuleId);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal($"{Sdk} {version}", report.SdkDescription); // a GA build: informational == version, nothing extra

        // The shared table agrees with the expectation ...
        SdkDefect worst = SdkVersionDefects.FindWorstDefect(Version.Parse(version))!;
        Assert.Equal(Version.Parse(fixedIn + ".0"), worst.FixedIn);
        Assert.Contains(fragment, worst.Summary);
        Assert.Equal(defectCount, SdkVersionDefects.FindDefects(Version.Parse(version)).Count);

        // ... and the message names exactly that defect, its fix and its source.
        Assert.StartsWith($"{Sdk} {version} is older than the minimum 1.42.0 (azure_iot.sdk_minimum_version). ", finding.Message);
        Assert.Contains($"Its worst known disconnect defect: {worst.Summary} (fixed in {fixedIn}; {worst.Source})", finding.Message);
        Assert.Contains($", and {defectCount - 1} more known defect{(defectCount - 1 == 1 ? "" : "s")}.", finding.Message);
        Assert.EndsWith($"Update the {Sdk} package to 1.42.3 (the latest 1.x).", finding.Message);
        Assert.DoesNotContain("end-of-life", finding.Message);
        Assert.DoesNotContain("pre-release", finding.Message);
    }

    [Theory]
    [InlineData("1.42.0")]
    [InlineData("1.42.3")]
    public void Sdk_at_or_above_the_minimum_has_no_finding(string version)
    {
        StartupCheckReport report = StartupCheck.Run(Input(StandInSdk.Load(version)));

        Assert.Empty(report.Findings);
        Assert.Equal($"{Sdk} {version}", report.SdkDescription);
        Assert.StartsWith($"IotHubGuard startup check: no findings ({Sdk} {version}).", report.ToString());
    }

    [Fact]
    public void V2_preview_is_AZIOT402_end_of_life_and_not_AZIOT401()
    {
        StandInSdk sdk = StandInSdk.Load("2.0.0", "2.0.0-preview007");
        Assert.Equal("2.0.0-preview007", sdk.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);

        StartupCheckReport report = StartupCheck.Run(Input(sdk));

        Finding finding = Assert.Single(report.Findings);
        Assert.Equal("AZIOT402", finding.RuleId);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
        Assert.Equal(
            $"{Sdk} 2.0.0-preview007 is end-of-life: {SdkVersionDefects.V2PreviewEndOfLifeReason}. Use the latest 1.x release (1.42.3).",
            finding.Message);
        Assert.Equal($"{Sdk} 2.0.0 (informational version 2.0.0-preview007)", report.SdkDescription);
    }

    [Fact]
    public void Raised_minimum_names_the_defect_that_1_42_0_still_has()
    {
        StartupCheckInput input = Input(StandInSdk.Load("1.42.0"));
        input.SdkMinimumVersion = new Version(1, 42, 3);

        Finding finding = Assert.Single(StartupCheck.Run(input).Findings);
        Assert.Equal("AZIOT401", finding.RuleId);
        Assert.StartsWith($"{Sdk} 1.42.0 is older than the minimum 1.42.3", finding.Message);
        Assert.Contains("unobserved MQTT exceptions were not logged (fixed in 1.42.1; PR #3319), and 1 more known defect.", finding.Message);
    }

    // Without SdkAssembly the check takes the assembly of the SDK objects it is given: here real stand-in settings from
    // an old surface, in a load context of their own, next to other surfaces loaded in the same process.
    [Theory]
    [InlineData("1.27.0", "AZIOT401")]
    [InlineData("1.42.3", null)]
    public void Sdk_is_found_from_the_objects_passed_in(string version, string? ruleId)
    {
        StandInSdk sdk = StandInSdk.Load(version);
        StandInSdk.Load("1.7.2"); // another surface loaded in this process must not be picked instead
        AssemblyLoadContext context = AssemblyLoadContext.GetLoadContext(sdk.Assembly)!;
        Assert.True(context.IsCollectible);
        Assert.NotSame(AssemblyLoadContext.Default, context);

        object mqtt = sdk.New(StandInSdk.Mqtt + "MqttTransportSettings", sdk.TransportType("Mqtt_Tcp_Only"));
        var input = new StartupCheckInput { Now = TestSecrets.Now, TransportSettings = new[] { mqtt } };

        StartupCheckReport report = StartupCheck.Run(input);

        Assert.Equal($"{Sdk} {version}", report.SdkDescription);
        Assert.Equal(ruleId == null ? Array.Empty<string>() : new[] { ruleId }, report.Findings.Select(f => f.RuleId));
    }
}
