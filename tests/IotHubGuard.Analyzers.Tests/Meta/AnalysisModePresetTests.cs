using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotHubGuard.Analyzers.Tests.Meta;

/// <summary>
/// The analysis-mode presets shipped in the package (src/IotHubGuard.Analyzers.Package/config) cover every rule:
/// a new rule that is missing from Strict would not fail a strict CI build, one missing from None would not go quiet.
/// </summary>
public class AnalysisModePresetTests
{
    private static readonly string ConfigDirectory = Path.Combine(Catalogue.RepositoryRoot, "src", "IotHubGuard.Analyzers.Package", "config");

    [Theory]
    [InlineData("Strict", "error")]
    [InlineData("None", "none")]
    public void Preset_SetsEveryRule(string mode, string severity)
    {
        var text = ReadPreset(mode);
        var missing = Catalogue.Descriptors
            .Where(d => !Regex.IsMatch(text, $@"^dotnet_diagnostic\.{d.Id}\.severity\s*=\s*{severity}\s*$", RegexOptions.Multiline))
            .Select(d => d.Id)
            .ToArray();
        Assert.True(missing.Length == 0, $"IotHubGuard.{mode}.globalconfig lacks 'dotnet_diagnostic.<ID>.severity = {severity}' for: {string.Join(", ", missing)}");
        Assert.All(Entries(text).Where(e => e.Key.StartsWith("dotnet_", StringComparison.Ordinal)), entry => Assert.Equal(severity, entry.Value));
    }

    [Fact]
    public void DefaultPreset_SetsNothing()
        => Assert.Equal(new[] { "is_global", "global_level" }, Entries(ReadPreset("Default")).Select(e => e.Key));

    [Theory]
    [InlineData("Default")]
    [InlineData("Strict")]
    [InlineData("None")]
    public void Preset_IsAGlobalConfig_BelowUserConfigs(string mode)
    {
        var text = ReadPreset(mode);
        Assert.Matches(new Regex(@"^is_global\s*=\s*true\s*$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^global_level\s*=\s*-100\s*$", RegexOptions.Multiline), text);
        Assert.DoesNotMatch(new Regex(@"^\s*\[", RegexOptions.Multiline), text);
    }

    [Fact]
    public void Props_MapEveryMode_ToItsPreset()
    {
        var props = File.ReadAllText(Path.Combine(Catalogue.RepositoryRoot, "src", "IotHubGuard.Analyzers.Package", "build", "IotHubGuard.Analyzers.props"));
        foreach (var mode in new[] { "Default", "Strict", "None" })
        {
            Assert.Contains($@"..\config\IotHubGuard.{mode}.globalconfig", props, StringComparison.Ordinal);
            Assert.Contains($"== '{mode}'", props, StringComparison.Ordinal);
        }
    }

    /// <summary>The key = value lines, without comments and blank lines.</summary>
    private static (string Key, string Value)[] Entries(string text)
        => text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] is not '#' and not ';')
            .Select(l => l.Split('=', 2))
            .Select(p => (p[0].Trim(), p.Length > 1 ? p[1].Trim() : string.Empty))
            .Where(e => e.Item1.StartsWith("dotnet_", StringComparison.Ordinal) || e.Item1 is "is_global" or "global_level")
            .ToArray();

    private static string ReadPreset(string mode) => File.ReadAllText(Path.Combine(ConfigDirectory, $"IotHubGuard.{mode}.globalconfig"));
}
