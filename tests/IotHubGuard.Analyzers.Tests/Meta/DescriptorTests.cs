using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers.Tests.Meta;

/// <summary>Every rule has its ID, help link, docs page, README row and release entry, and they agree.</summary>
public class DescriptorTests
{
    [Fact]
    public void Ids_AreUnique_AndFollowTheScheme()
    {
        var ids = Catalogue.Descriptors.Select(d => d.Id).ToArray();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^AZIOT[1-5][0-9]{2}$", id));
    }

    [Fact]
    public void EveryAnalyzerDescriptor_IsInTheTable_AndEveryTableEntryIsReported()
    {
        var table = Catalogue.Descriptors.ToHashSet();
        var supported = Catalogue.Analyzers.SelectMany(a => a.SupportedDiagnostics).ToArray();
        Assert.All(supported, d => Assert.Contains(d, table));
        Assert.All(table, d => Assert.Contains(d, supported));
    }

    [Fact]
    public void EveryFixer_FixesAKnownRule_AndSupportsFixAll()
    {
        var ids = Catalogue.Descriptors.Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(Catalogue.Fixers);
        foreach (var fixer in Catalogue.Fixers)
        {
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.NotNull(fixer.GetFixAllProvider());
        }
    }

    [Theory]
    [MemberData(nameof(Catalogue.DescriptorIds), MemberType = typeof(Catalogue))]
    public void HelpLink_PointsAtTheDocsPage(string id)
    {
        var descriptor = Catalogue.Descriptors.Single(d => d.Id == id);
        Assert.Equal($"https://github.com/iothubguard/iothubguard/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
    }

    [Theory]
    [MemberData(nameof(Catalogue.DescriptorIds), MemberType = typeof(Catalogue))]
    public void DocsPage_Exists_WithTitleAndRequiredSections(string id)
    {
        var descriptor = Catalogue.Descriptors.Single(d => d.Id == id);
        var path = Path.Combine(Catalogue.RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"missing {path}");
        var text = File.ReadAllText(path);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        foreach (var section in new[] { "## Cause", "## Why this leads to 404104", "## How to fix", "## Options", "## When to suppress" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Catalogue.DescriptorIds), MemberType = typeof(Catalogue))]
    public void Readme_HasARow_WithSeverityAndDocsLink(string id)
    {
        var descriptor = Catalogue.Descriptors.Single(d => d.Id == id);
        var readme = File.ReadAllText(Path.Combine(Catalogue.RepositoryRoot, "README.md"));
        var row = readme.Split('\n').SingleOrDefault(l => l.StartsWith($"| [{id}](docs/rules/{id}.md) |", StringComparison.Ordinal));
        Assert.NotNull(row);
        Assert.Contains(descriptor.Title.ToString(), row, StringComparison.Ordinal);
        Assert.Contains(descriptor.DefaultSeverity.ToString(), row, StringComparison.Ordinal);
        var hasFix = Catalogue.Fixers.Any(f => f.FixableDiagnosticIds.Contains(id));
        Assert.Contains(hasFix ? "| Yes |" : "| No |", row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Catalogue.DescriptorIds), MemberType = typeof(Catalogue))]
    public void ReleaseTracking_ListsTheRule(string id)
    {
        var descriptor = Catalogue.Descriptors.Single(d => d.Id == id);
        var directory = Path.Combine(Catalogue.RepositoryRoot, "src", "IotHubGuard.Analyzers");
        var releases = File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(directory, "AnalyzerReleases.Unshipped.md"));
        Assert.Matches(new Regex($@"^{id}\s*\|\s*{Regex.Escape(descriptor.Category)}\s*\|\s*{descriptor.DefaultSeverity}\s*\|", RegexOptions.Multiline), releases);
    }

    [Fact]
    public void Messages_NameTheOffendingValue()
    {
        Assert.All(Catalogue.Descriptors.Where(d => d.DefaultSeverity != DiagnosticSeverity.Hidden), d =>
            Assert.Contains("{0}", d.MessageFormat.ToString(), StringComparison.Ordinal));
    }
}
