using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>What is inside the five nupkgs the README's pack command produces: files, metadata and the package readme.</summary>
public sealed class PackageContentTests : IClassFixture<PackedPackageFixture>
{
    private static readonly string[] s_packageIds =
    {
        "IotHubGuard.Analyzers",
        "IotHubGuard.Diagnostics",
        "IotHubGuard.Runtime",
        "IotHubGuard.Runtime.Hosting",
        "IotHubGuard.Runtime.Mqtt",
    };

    public static TheoryData<string> PackageIds => new(s_packageIds);

    private readonly PackedPackageFixture _package;

    public PackageContentTests(PackedPackageFixture package) => _package = package;

    [Fact]
    public void Pack_FollowsTheReadme_WithALocalVersion_AndNoReadmeOrOtherWarning()
    {
        Assert.True(_package.PackResult.ExitCode == 0, _package.PackResult.ToString());
        Assert.Matches(@"^" + Regex.Escape(Repository.VersionPrefix) + @"-local\.\d{14}$", _package.Version);
        Assert.DoesNotMatch(@"(?m)\bwarning\b", _package.PackResult.Output);
        Assert.Equal(
            s_packageIds.Select(id => id + "." + _package.Version + ".nupkg").OrderBy(n => n, StringComparer.Ordinal),
            Directory.GetFiles(_package.FeedDirectory, "*.nupkg").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void AnalyzersNupkg_HasAnalyzersUnderAnalyzersDotnetCs_AndNoLibOrDependencies()
    {
        using var zip = Open("IotHubGuard.Analyzers");
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
            entries.Where(e => e != "[Content_Types].xml" && !e.StartsWith("_rels/", StringComparison.Ordinal) && !e.StartsWith("package/", StringComparison.Ordinal))
                .OrderBy(e => e, StringComparer.Ordinal)
                .ToArray());

        var metadata = Metadata(zip);
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Nupkg_HasMetadata_AndItsOwnReadme_WithAbsoluteLinksFromTheRepositoryUrl(string packageId)
    {
        using var zip = Open(packageId);
        var metadata = Metadata(zip);
        Assert.Equal(packageId, Value(metadata, "id"));
        Assert.Equal(_package.Version, Value(metadata, "version"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal(Repository.Url, Value(metadata, "projectUrl"));
        Assert.Equal(Repository.Url, metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")?.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));

        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();
        Assert.StartsWith("# " + packageId + "\n", readme.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", readme, StringComparison.Ordinal);
        Assert.Contains($"Include=\"{packageId}\" Version=\"{_package.Version}\"", readme, StringComparison.Ordinal);
        Assert.Contains(Markdown.CodeBlocks(readme), b => b.Info == "csharp");

        // A package page has no repository around it: every link is absolute, and every link into the repository is
        // built from RepositoryUrl (and names a file that exists).
        var links = Markdown.Links(readme);
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.True(Uri.TryCreate(link.Target, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, $"{packageId} README line {link.Line}: '{link.Target}' is not an absolute https URL.");
            if (uri.Host == "github.com")
            {
                Assert.StartsWith(Repository.Url, link.Target, StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("dotnet test", readme, StringComparison.Ordinal); // contributor commands stay in the repository README
    }

    private ZipArchive Open(string packageId)
    {
        var path = _package.Package.Nupkg(packageId);
        Assert.True(path is not null, $"{packageId} was not packed.\n{_package.PackResult}");
        return ZipFile.OpenRead(path!);
    }

    private static XElement Metadata(ZipArchive zip)
    {
        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name)
        => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
}
