using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// The promise "warnings in the IDE, a failing CI build when you ask" tested against the real nupkg,
/// restored from a folder feed into a fresh consumer project, not against a project reference.
/// </summary>
public partial class PackageTests : IClassFixture<PackedPackageFixture>
{
    private readonly PackedPackageFixture _package;

    public PackageTests(PackedPackageFixture package) => _package = package;

    [Fact]
    public void Nupkg_HasAnalyzersUnderAnalyzersDotnetCs_AndNoLibOrDependencies()
    {
        Assert.True(_package.PackagePath is not null, _package.PackResult.ToString());
        using var zip = ZipFile.OpenRead(_package.PackagePath!);
        var entries = zip.Entries.Select(e => e.FullName.Replace('\\', '/')).ToArray();

        // The exact content, apart from the zip's packaging parts: analyzers, the analysis-mode props (build/ and
        // buildTransitive/) and the presets they map to (config/).
        Assert.Equal(
            new[]
            {
                "IotHubGuard.Analyzers.nuspec",
                "README.md",
                "analyzers/dotnet/cs/IotHubGuard.Analyzers.dll",
                "analyzers/dotnet/cs/IotHubGuard.CodeFixes.dll",
                "build/IotHubGuard.Analyzers.props",
                "buildTransitive/IotHubGuard.Analyzers.props",
                "config/IotHubGuard.Default.globalconfig",
                "config/IotHubGuard.None.globalconfig",
                "config/IotHubGuard.Strict.globalconfig",
            },
            entries.Where(e => e != "[Content_Types].xml" && !e.StartsWith("_rels/", System.StringComparison.Ordinal) && !e.StartsWith("package/", System.StringComparison.Ordinal))
                .OrderBy(e => e, System.StringComparer.Ordinal)
                .ToArray());
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal));
        Assert.Equal(
            new[] { "IotHubGuard.Analyzers.dll", "IotHubGuard.CodeFixes.dll" },
            entries.Where(e => e.EndsWith(".dll", System.StringComparison.Ordinal)).Select(Path.GetFileName).OrderBy(n => n).ToArray());

        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("IotHubGuard.Analyzers", Value("id"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public void Consumer_SeesTheWarnings_OnlyInTheFiringFile()
    {
        var build = new ConsumerProject(_package, "WarnConsumer")
            .WithSource("FiringDevice.cs", ConsumerSources.Firing)
            .WithSource("CleanDevice.cs", ConsumerSources.Clean)
            .Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        var diagnostics = AziotLines(build.Output);
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT301", System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT302", System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT303", System.StringComparison.Ordinal));
        Assert.All(diagnostics, l => Assert.Contains("FiringDevice.cs", l, System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("docs/rules/AZIOT301.md", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_SeverityError_FailsTheBuild()
    {
        var build = new ConsumerProject(_package, "ErrorConsumer")
            .WithSource("FiringDevice.cs", ConsumerSources.Firing)
            .WithEditorConfig("dotnet_diagnostic.AZIOT301.severity = error\n")
            .Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains(AziotLines(build.Output), l => l.Contains("error AZIOT301", System.StringComparison.Ordinal));
        Assert.Contains(AziotLines(build.Output), l => l.Contains("warning AZIOT302", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_ThresholdOption_ReachesTheAnalyzer()
    {
        var build = new ConsumerProject(_package, "OptionConsumer")
            .WithSource("FiringDevice.cs", ConsumerSources.Firing)
            .WithEditorConfig("azure_iot.mqtt_keep_alive_max_seconds = 4000\n")
            .Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(AziotLines(build.Output), l => l.Contains("AZIOT301", System.StringComparison.Ordinal));
        Assert.Contains(AziotLines(build.Output), l => l.Contains("warning AZIOT302", System.StringComparison.Ordinal));
    }

    internal static string[] AziotLines(string output)
        => output.Split('\n').Where(l => Regex.IsMatch(l, @"\b(warning|error) AZIOT\d{3}\b")).Distinct().ToArray();
}
