using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static IotHubGuard.Analyzers.Tests.Rules.SdkVersion.SdkVersionTestHarness;

namespace IotHubGuard.Analyzers.Tests.Rules.SdkVersion;

public class SdkPreviewOrEndOfLifeAnalyzerTests
{
    [Fact]
    public async Task V2Preview_IsEndOfLife_ReadFromTheInformationalVersion()
    {
        // The assembly version of 2.0.0-preview007 is 2.0.0.0: only the informational version tells.
        var diagnostic = Assert.Single(await RunAsync(new SdkPreviewOrEndOfLifeAnalyzer(), "2.0.0", "2.0.0-preview007"));

        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Equal(
            "Microsoft.Azure.Devices.Client 2.0.0-preview007 is an end-of-life build: the v2 preview line (2.0.0-preview*) was marked "
            + "end-of-life on 2024-02-17 (azure-iot-sdk-csharp versions.json) and gets no fixes; use a GA 1.x release (latest: 1.42.3)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task V2Preview_BuildMetadata_IsLeftOutOfTheMessage()
        => await VerifyAsync<SdkPreviewOrEndOfLifeAnalyzer>(
            "2.0.0",
            "2.0.0-preview008+c59287211",
            expected: new DiagnosticResult("AZIOT402", DiagnosticSeverity.Warning).WithArguments(
                "Microsoft.Azure.Devices.Client 2.0.0-preview008",
                "an end-of-life build: the v2 preview line (2.0.0-preview*) was marked end-of-life on 2024-02-17 (azure-iot-sdk-csharp versions.json) and gets no fixes",
                "1.42.3"));

    [Theory]
    [InlineData("1.43.0", "1.43.0-edgeLts")]
    [InlineData("1.42.0", "1.42.0-preview-001")]
    public async Task OtherPreReleaseBuilds_ArePreviews(string version, string informational)
        => await VerifyAsync<SdkPreviewOrEndOfLifeAnalyzer>(
            version,
            informational,
            expected: new DiagnosticResult("AZIOT402", DiagnosticSeverity.Warning).WithArguments(
                "Microsoft.Azure.Devices.Client " + informational,
                "a pre-release build, not a supported release: previews and unreleased branches get no servicing fixes",
                "1.42.3"));

    [Theory]
    [InlineData("1.42.3", null)]
    [InlineData("1.42.3", "1.42.3+2a97dd06e")]
    [InlineData("1.7.2", null)]
    [InlineData("1.34.0", "1.34.0")]
    public async Task GaReleases_DoNotReport(string version, string? informational)
        => Assert.Empty(await RunAsync(new SdkPreviewOrEndOfLifeAnalyzer(), version, informational));

    [Fact]
    public async Task OldPreview_GetsBothVersionRules()
    {
        var diagnostics = await RunAsync(new SdkPreviewOrEndOfLifeAnalyzer(), "1.20.0", "1.20.0-preview-004");
        Assert.Single(diagnostics);
        Assert.Single(await RunAsync(new SdkTooOldAnalyzer(), "1.20.0", "1.20.0-preview-004"));
    }

    [Fact]
    public async Task WithoutTheSdk_DoesNotReport()
        => await CSharpAnalyzerVerifier<SdkPreviewOrEndOfLifeAnalyzer>.VerifyAnalyzerAsync("class Device { }", Libraries.MqttNet);
}
