using System;
using System.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// The promise "warnings in the IDE, a failing CI build when you ask" tested against the real nupkg, restored from a
/// folder feed into a fresh consumer project, not against a project reference. The rule-family tests (partial files)
/// share ONE consumer build: each source file gets its own .editorconfig section, so one build proves the default
/// severities, a severity raised to error and a threshold option, file by file.
/// </summary>
public partial class PackageTests : IClassFixture<PackedPackageFixture>
{
    private const string FamiliesEditorConfig = """
        [SeverityError.cs]
        dotnet_diagnostic.AZIOT301.severity = error

        [ThresholdOption.cs]
        azure_iot.mqtt_keep_alive_max_seconds = 4000

        [FixedTokensOption.cs]
        azure_iot.sas_ttl_min_seconds = 60
        dotnet_diagnostic.AZIOT101.severity = error

        [LifetimeMistakes.cs]
        dotnet_diagnostic.AZIOT205.severity = error

        """;

    private static readonly object s_familiesLock = new();
    private static DotNetCli.Result? s_familiesBuild;

    private readonly PackedPackageFixture _package;

    public PackageTests(PackedPackageFixture package) => _package = package;

    [Fact]
    public void Consumer_SeesTheWarnings_OnlyInTheFiringFile()
    {
        var diagnostics = FamiliesLines("FiringDevice.cs");

        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT301", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT302", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT303", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, l => l.Contains("error AZIOT", StringComparison.Ordinal));
        Assert.Empty(FamiliesLines("CleanDevice.cs"));
        Assert.Contains(diagnostics, l => l.Contains(Repository.Url + "/blob/main/docs/rules/AZIOT301.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_SeverityError_FailsTheBuild()
    {
        var diagnostics = FamiliesLines("SeverityError.cs");

        Assert.True(FamiliesBuild().ExitCode != 0, FamiliesBuild().ToString());
        Assert.Contains(diagnostics, l => l.Contains("error AZIOT301", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT302", StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_ThresholdOption_ReachesTheAnalyzer()
    {
        var diagnostics = FamiliesLines("ThresholdOption.cs");

        Assert.DoesNotContain(diagnostics, l => l.Contains("AZIOT301", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT302", StringComparison.Ordinal));
    }

    /// <summary>Kept for the partial files; new code uses <see cref="BuildOutput.AziotLines"/>.</summary>
    internal static string[] AziotLines(string output) => BuildOutput.AziotLines(output);

    /// <summary>The AZIOT lines of the shared rule-family build that point into one file.</summary>
    private string[] FamiliesLines(string fileName)
        => AziotLines(FamiliesBuild().Output).Where(l => l.Contains("/" + fileName + "(", StringComparison.Ordinal)).ToArray();

    private DotNetCli.Result FamiliesBuild()
    {
        lock (s_familiesLock)
        {
            return s_familiesBuild ??= _package.Consumer("FamiliesConsumer")
                .WithSource("FiringDevice.cs", ConsumerSources.Firing)
                .WithSource("CleanDevice.cs", ConsumerSources.Clean)
                .WithSource("SeverityError.cs", InNamespace(ConsumerSources.Firing, "SeverityError"))
                .WithSource("ThresholdOption.cs", InNamespace(ConsumerSources.Firing, "ThresholdOption"))
                .WithSource("FixedTokens.cs", ConsumerSourcesAuthentication.Firing)
                .WithSource("RenewingTokens.cs", ConsumerSourcesAuthentication.Clean)
                .WithSource("FixedTokensOption.cs", InNamespace(ConsumerSourcesAuthentication.Firing, "FixedTokensOption"))
                .WithSource("LifetimeMistakes.cs", ConsumerSourcesConnectionLifetime.Firing)
                .WithSource("CleanUplink.cs", ConsumerSourcesConnectionLifetime.Clean)
                .WithEditorConfig(FamiliesEditorConfig)
                .Build();
        }
    }

    /// <summary>The same source in another namespace, so one project can hold it twice under different settings.</summary>
    private static string InNamespace(string source, string name)
        => source.Replace("namespace Consumer;", "namespace Consumer." + name + ";", StringComparison.Ordinal);
}
