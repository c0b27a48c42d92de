using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// Every reference in the repository resolves: each Markdown link (see <see cref="LinkChecker"/>), each <c>docs/…</c>
/// path named in source and project files, and each Markdown file named there. No network.
/// </summary>
public sealed class DocumentationLinkTests
{
    private static readonly string[] s_skippedFolders = { ".git", "bin", "obj", "artifacts", "TestResults", ".vs", "BenchmarkDotNet.Artifacts", "node_modules" };

    // Markdown prose too: a note named in backticks ("see `notes.md`") must be a file of the repository as well.
    private static readonly string[] s_sourceExtensions = { ".cs", ".csproj", ".props", ".targets", ".globalconfig", ".editorconfig", ".json", ".slnf", ".sh", ".md" };

    [Fact]
    public void EveryMarkdownLink_Resolves()
    {
        var checker = new LinkChecker(Repository.Root, Repository.Url);
        var markdown = Files(".md").ToArray();
        Assert.Contains(markdown, f => f.EndsWith("README.md", StringComparison.Ordinal));

        var dead = markdown.SelectMany(checker.DeadLinks).ToArray();

        Assert.True(dead.Length == 0, "Dead links:\n" + string.Join('\n', dead));
    }

    [Fact]
    public void EveryDocsPath_AndMarkdownFile_NamedInSource_Exists()
    {
        var markdownNames = new HashSet<string>(Files(".md").Select(Path.GetFileName)!, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in s_sourceExtensions.SelectMany(Files).Where(f => !f.EndsWith(nameof(DocumentationLinkTests) + ".cs", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
            var isMarkdown = file.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
            var text = File.ReadAllText(file);

            // A Markdown page may name a file of another repository when it links to it (its Sources section).
            var linkedNames = isMarkdown
                ? Markdown.Links(text).Select(l => l.Target.Split('#')[0]).Select(t => t[(t.LastIndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal);
            var lines = (isMarkdown ? ProseOnly(text) : text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var index = 0; index < lines.Length; index++)
            {
                var line = lines[index];
                foreach (Match path in Regex.Matches(line, @"(?<![\w./{-])docs/[\w./-]*[\w]"))
                {
                    var full = Path.Combine(Repository.Root, path.Value);
                    if (!IsPlaceholder(path.Value) && !File.Exists(full) && !Directory.Exists(full))
                    {
                        problems.Add($"{relative}:{index + 1}: {path.Value} does not exist");
                    }
                }

                foreach (Match name in Regex.Matches(line, @"(?<![\w/{.-])[\w.-]+\.md\b"))
                {
                    if (!IsPlaceholder(name.Value) && !markdownNames.Contains(name.Value) && !linkedNames.Contains(name.Value)
                        && !line.Contains("docs/" + name.Value, StringComparison.Ordinal))
                    {
                        problems.Add($"{relative}:{index + 1}: {name.Value} is not a file of this repository (nor linked from this page)");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, "References to files that do not exist:\n" + string.Join('\n', problems));
    }

    /// <summary>
    /// The prose of a Markdown page, line for line: fenced code blocks and inline code that holds a command (has a
    /// space) are blanked, so `--out quick.md` in a command line is not taken for a reference.
    /// </summary>
    private static string ProseOnly(string markdown)
    {
        var inFence = false;
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Regex.IsMatch(lines[i], @"^\s*(```|~~~)"))
            {
                inFence = !inFence;
                lines[i] = string.Empty;
            }
            else if (inFence)
            {
                lines[i] = string.Empty;
            }
            else
            {
                lines[i] = Regex.Replace(lines[i], @"`[^`]*\s[^`]*`", " ");
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>"docs/rules/ID.md", "FILE.md", "AZIOTnnn.md": a pattern in a comment or usage text, not a file.</summary>
    private static bool IsPlaceholder(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return Regex.IsMatch(stem, "^[A-Z]+$") || stem.Contains("nnn", StringComparison.Ordinal);
    }

    [Fact]
    public void LinkChecker_FindsEachKindOfDeadLink()
    {
        var root = Directory.CreateTempSubdirectory("iothubguard-links-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            File.WriteAllText(Path.Combine(root, "README.md"), "# Title\n\n## Install\n");
            File.WriteAllText(Path.Combine(root, "docs", "page.md"), "## Sources (public)\n");
            var page = Path.Combine(root, "docs", "page.md");
            var checker = new LinkChecker(root, "https://github.com/owner/repo");

            Assert.Null(checker.Check(page, "../README.md#install"));
            Assert.Null(checker.Check(page, "#sources-public"));
            Assert.Null(checker.Check(page, "https://github.com/owner/repo/blob/main/docs/page.md"));
            Assert.Null(checker.Check(page, "{{RepositoryUrl}}#install"));
            Assert.Null(checker.Check(page, "https://learn.microsoft.com/azure/iot-hub/troubleshoot-error-codes"));

            Assert.Contains("does not exist", checker.Check(page, "rules.md"));
            Assert.Contains("no heading", checker.Check(page, "../README.md#configuration"));
            Assert.Contains("does not exist", checker.Check(page, "{{RepositoryUrl}}/blob/main/docs/missing.md"));
            Assert.Contains("another copy", checker.Check(page, "https://github.com/someone-else/repo/blob/main/README.md"));
            Assert.Contains("allow-list", checker.Check(page, "https://example.com/page"));
            Assert.Contains("well-formed", checker.Check(page, "http://learn.microsoft.com/x"));
            Assert.Contains("leaves the repository", checker.Check(page, "../../outside.md"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IEnumerable<string> Files(string extension) => Walk(Repository.Root)
        .Where(f => f.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Walk(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory).Where(d => !s_skippedFolders.Contains(Path.GetFileName(d), StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var file in Walk(child))
            {
                yield return file;
            }
        }
    }
}
