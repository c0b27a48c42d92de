using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static IotHubGuard.Analyzers.Tests.Rules.SdkVersion.SdkVersionTestHarness;

namespace IotHubGuard.Analyzers.Tests.Rules.SdkVersion;

public class SdkTooOldAnalyzerTests
{
    private static DiagnosticResult Expected(string version, string minimum, string defect)
        => new DiagnosticResult("AZIOT401", DiagnosticSeverity.Warning).WithArguments("Microsoft.Azure.Devices.Client " + version, minimum, defect);

    [Theory]
    // 1.7.2 is older than 1.17.0 and 1.42.0: versions compare numerically, not as text.
    [InlineData("1.7.2", "1.28.0", "MQTT did not check for PINGRESP")]
    [InlineData("1.27.0", "1.28.0", "MQTT did not check for PINGRESP")]
    [InlineData("1.34.0", "1.35.0", "Dispose() left AMQP sockets open (a 1.34.0 regression)")]
    [InlineData("1.39.1", "1.40.0", "DotNetty threads kept the process alive after CloseAsync()")]
    [InlineData("1.41.3", "1.42.0", "CloseAsync() did not stop the SAS token refresh loop")]
    // LTS 1.36.10 carries the 1.42.0 CloseAsync fix (backported in 1.36.7), so a different defect is the worst one.
    [InlineData("1.36.10", "1.38.0", "the MQTT CONNACK wait was only 10 s")]
    public async Task OlderThanTheDefaultMinimum_NamesTheWorstDefectAndTheVersionThatFixedIt(string version, string fixedIn, string defect)
    {
        var diagnostics = await RunAsync(new SdkTooOldAnalyzer(), version + ".0");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AZIOT401", diagnostic.Id);
        Assert.Equal(Location.None, diagnostic.Location);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"Microsoft.Azure.Devices.Client {version} is older than the minimum 1.42.0; ", message, System.StringComparison.Ordinal);
        Assert.Contains($"fixed in {fixedIn}: {defect}", message, System.StringComparison.Ordinal);
        Assert.EndsWith("; update the package to 1.42.0 or later", message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.42.0")]
    [InlineData("1.42.3")]
    [InlineData("2.0.0")]
    public async Task AtOrAboveTheDefaultMinimum_DoesNotReport(string version)
    {
        var informational = version == "2.0.0" ? "2.0.0-preview007" : null;
        Assert.Empty(await RunAsync(new SdkTooOldAnalyzer(), version, informational));
    }

    [Fact]
    public async Task Message_ReadsWellInACiLog()
    {
        var diagnostic = Assert.Single(await RunAsync(new SdkTooOldAnalyzer(), "1.27.0"));
        Assert.Equal(
            "Microsoft.Azure.Devices.Client 1.27.0 is older than the minimum 1.42.0; its worst known disconnect defect, fixed in 1.28.0: "
            + "MQTT did not check for PINGRESP, so a dead link went unnoticed until TCP gave up and the hub closed the connection (404104) "
            + "(PR #1519, issue #1409); update the package to 1.42.0 or later",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, diagnostic.Descriptor.CustomTags);
    }

    [Fact]
    public async Task ReportedOncePerCompilation_WithoutALocation()
    {
        const string another = """
            using Microsoft.Azure.Devices.Client;

            class Telemetry
            {
                ModuleClient Connect(string connectionString) => ModuleClient.CreateFromConnectionString(connectionString);
            }
            """;
        await VerifyAsync<SdkTooOldAnalyzer>(
            "1.34.0",
            extraSources: new[] { another },
            expected: Expected("1.34.0", "1.42.0", "its worst known disconnect defect, fixed in 1.35.0: Dispose() left AMQP sockets open (a 1.34.0 regression) (issue #1770, PR #1771)"));
    }

    [Fact]
    public async Task RaisedMinimum_InEditorConfig_ReportsAVersionThatIsOtherwiseFine()
        => await VerifyAsync<SdkTooOldAnalyzer>(
            "1.42.0",
            editorConfig: "azure_iot.sdk_minimum_version = 1.42.3\n",
            expected: Expected("1.42.0", "1.42.3", "its worst known disconnect defect, fixed in 1.42.1: unobserved MQTT exceptions were not logged (PR #3319)"));

    [Fact]
    public async Task RaisedMinimum_AboveEveryKnownDefect_SaysSo()
        => await VerifyAsync<SdkTooOldAnalyzer>(
            "1.42.3",
            editorConfig: "azure_iot.sdk_minimum_version = 1.43\n",
            expected: Expected("1.42.3", "1.43.0", "no disconnect defect of this version is known, but the project requires a newer one"));

    [Theory]
    [InlineData("1.30.0")]
    [InlineData("1.34")]
    [InlineData(" v1.34.0 ")]
    public async Task LoweredMinimum_DoesNotReport(string minimum)
        => await VerifyAsync<SdkTooOldAnalyzer>("1.34.0", editorConfig: $"azure_iot.sdk_minimum_version = {minimum}\n");

    [Fact]
    public async Task Minimum_InAGlobalConfig_Applies()
        => await VerifyAsync<SdkTooOldAnalyzer>("1.39.1", globalConfig: "azure_iot.sdk_minimum_version = 1.38.0\n");

    [Fact]
    public async Task Minimum_EditorConfigSectionWinsOverTheGlobalConfig()
        => await VerifyAsync<SdkTooOldAnalyzer>(
            "1.39.1",
            editorConfig: "azure_iot.sdk_minimum_version = 1.38.0\n",
            globalConfig: "azure_iot.sdk_minimum_version = 1.42.3\n");

    [Theory]
    [InlineData("latest")]
    [InlineData("1.42.x")]
    [InlineData("")]
    [InlineData("1.2.3.4.5")]
    public async Task InvalidMinimum_IsIgnored_AndTheDefaultApplies(string minimum)
        => await VerifyAsync<SdkTooOldAnalyzer>(
            "1.41.3",
            editorConfig: $"azure_iot.sdk_minimum_version = {minimum}\n",
            expected: Expected("1.41.3", "1.42.0", "its worst known disconnect defect, fixed in 1.42.0: CloseAsync() did not stop the SAS token refresh loop, and closing twice was not safe (PRs #3021, #3149, #3312 (LTS 1.36.7))"));

    [Fact]
    public async Task WithoutTheSdk_DoesNotReport()
    {
        const string source = """
            class Device { }
            """;
        await CSharpAnalyzerVerifier<SdkTooOldAnalyzer>.VerifyAnalyzerAsync(source, Libraries.MqttNet);
    }

    [Fact]
    public async Task SdkTypesDeclaredInTheProjectItself_AreNotAReferencedSdk()
    {
        const string source = """
            namespace Microsoft.Azure.Devices.Client
            {
                public class DeviceClient { }
            }
            """;
        await CSharpAnalyzerVerifier<SdkTooOldAnalyzer>.VerifyAnalyzerAsync(source, Libraries.None);
    }

    [Fact]
    public void Descriptor_IsCompilationLevel()
        => Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, new SdkTooOldAnalyzer().SupportedDiagnostics.Single().CustomTags);
}
