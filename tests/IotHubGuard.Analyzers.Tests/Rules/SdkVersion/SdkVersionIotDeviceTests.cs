using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers.Tests.Rules.SdkVersion;

/// <summary>AZIOT401/402 on the new-generation SDK: device code compiled against the Microsoft.Azure.Iot.Device stand-in at a version.</summary>
public class SdkVersionIotDeviceTests
{
    private const string DeviceCode = """
        using Microsoft.Azure.Iot.Device.Unified.Connection;

        class Device
        {
            ConnectionClient Create() => new ConnectionClient();
        }
        """;

    [Theory]
    [InlineData("1.0.0", null)]
    [InlineData("1.2.0", null)]
    [InlineData("1.2.0", "1.2.0+5e1cd0c97")]
    [InlineData("1.1.0", "1.1.0")]
    public async Task GaReleases_ReportNeither(string version, string? informational)
    {
        Assert.Empty(await RunAsync(new SdkTooOldAnalyzer(), version, informational));
        Assert.Empty(await RunAsync(new SdkPreviewOrEndOfLifeAnalyzer(), version, informational));
    }

    [Fact]
    public async Task TheV1Minimum_DoesNotApplyToTheNewPackage()
    {
        // 1.2.0 is far below the v1 SDK's 1.42.0 minimum, but the two packages have unrelated version lines.
        var diagnostics = await RunAsync(new SdkTooOldAnalyzer(), "1.2.0", null, "azure_iot.sdk_minimum_version = 1.42.3");
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task V2Preview_IsAPreview_NotEndOfLife()
    {
        var diagnostic = Assert.Single(await RunAsync(new SdkPreviewOrEndOfLifeAnalyzer(), "2.0.0", "2.0.0-preview3+093138f9"));
        Assert.Equal(
            "Microsoft.Azure.Iot.Device 2.0.0-preview3 is a pre-release build: the 2.0.0-preview* line (MQTT 5 hubs, themselves in preview) "
            + "may change before release and gets no servicing fixes; use a GA 1.x release (latest: 1.2.0)",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task OlderThanItsOwnMinimum_Reports_NamingThePackage()
    {
        var diagnostic = Assert.Single(await RunAsync(new SdkTooOldAnalyzer(), "1.1.0", null, "azure_iot.iot_device_sdk_minimum_version = 1.2"));
        Assert.Equal(
            "Microsoft.Azure.Iot.Device 1.1.0 is older than the minimum 1.2.0; no disconnect defect of this version is known, "
            + "but the project requires a newer one; update the package to 1.2.0 or later",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string version, string? informational, string? globalConfig = null)
    {
        var compilation = CSharpCompilation.Create(
            "Device",
            new[] { CSharpSyntaxTree.ParseText(DeviceCode, path: "/Device.cs") },
            TestReferences.For(Libraries.IotDevice, iotDeviceVersion: version, iotDeviceInformationalVersion: informational),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptions(globalConfig));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>A global analyzer config of "key = value" lines.</summary>
    private sealed class ConfigOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public ConfigOptions(string? config)
        {
            var values = (config ?? string.Empty).Split('\n', System.StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('=', 2))
                .ToImmutableDictionary(kv => kv[0].Trim(), kv => kv[1].Trim());
            _options = new Options(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> _values;

            public Options(ImmutableDictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
                => _values.TryGetValue(key, out value);
        }
    }
}
