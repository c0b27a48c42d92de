using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// Just enough Markdown for the documentation tests: sections, fenced code blocks, links and GitHub heading anchors.
/// Code (fenced blocks, inline code spans) is never searched for links.
/// </summary>
public static class Markdown
{
    public sealed record CodeBlock(string Info, string Code);

    public sealed record Link(string Target, int Line);

    private static readonly Regex s_heading = new(@"^(#{1,6})\s+(.*?)\s*#*\s*$", RegexOptions.Compiled);
    private static readonly Regex s_fence = new(@"^\s*(```+|~~~+)\s*([^`\s]*)", RegexOptions.Compiled);
    private static readonly Regex s_inlineLink = new(@"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)", RegexOptions.Compiled);
    private static readonly Regex s_referenceDefinition = new(@"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", RegexOptions.Compiled);
    private static readonly Regex s_htmlAnchor = new(@"<a\s+(?:name|id)=""([^""]+)""", RegexOptions.Compiled | RegexOptions.IgnoreCase);

    /// <summary>The body of the section under the first heading with exactly this text, up to the next heading of the same or a higher level.</summary>
    public static string Section(string markdown, string heading)
    {
        var lines = SplitLines(markdown);
        var inFence = false;
        int? level = null;
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            if (s_fence.IsMatch(line))
            {
                inFence = !inFence;
            }

            var match = inFence ? Match.Empty : s_heading.Match(line);
            if (level is null)
            {
                if (match.Success && match.Groups[2].Value == heading)
                {
                    level = match.Groups[1].Length;
                }

                continue;
            }

            if (match.Success && match.Groups[1].Length <= level)
            {
                break;
            }

            body.Append(line).Append('\n');
        }

        return level is null ? throw new InvalidOperationException($"No heading '{heading}' found.") : body.ToString();
    }

    /// <summary>Fenced code blocks in document order, with their info string ("bash", "xml", …).</summary>
    public static IReadOnlyList<CodeBlock> CodeBlocks(string markdown)
    {
        var blocks = new List<CodeBlock>();
        string? fence = null;
        var info = string.Empty;
        var code = new StringBuilder();
        foreach (var line in SplitLines(markdown))
        {
            var match = s_fence.Match(line);
            if (fence is null)
            {
                if (match.Success)
                {
                    fence = match.Groups[1].Value;
                    info = match.Groups[2].Value;
                    code.Clear();
                }
            }
            else if (match.Success && line.Trim().StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0)
            {
                blocks.Add(new CodeBlock(info, code.ToString()));
                fence = null;
            }
            else
            {
                code.Append(line).Append('\n');
            }
        }

        return blocks;
    }

    /// <summary>Link targets (inline links, images and reference definitions) outside code, with 1-based line numbers.</summary>
    public static IReadOnlyList<Link> Links(string markdown)
    {
        var links = new List<Link>();
        var inFence = false;
        var lineNumber = 0;
        foreach (var rawLine in SplitLines(markdown))
        {
            lineNumber++;
            if (s_fence.IsMatch(rawLine))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var line = Regex.Replace(rawLine, "(`+)(.+?)\\1", string.Empty); // inline code spans
            links.AddRange(s_inlineLink.Matches(line).Select(m => new Link(m.Groups[1].Value, lineNumber)));
            var definition = s_referenceDefinition.Match(line);
            if (definition.Success)
            {
                links.Add(new Link(definition.Groups[1].Value, lineNumber));
            }
        }

        return links;
    }

    /// <summary>Every anchor a link can target in this document: GitHub heading slugs (with -1, -2 … for repeats) and HTML anchors.</summary>
    public static ISet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in SplitLines(markdown))
        {
            if (s_fence.IsMatch(line))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var heading = s_heading.Match(line);
            if (heading.Success)
            {
                var slug = Slug(heading.Groups[2].Value);
                anchors.Add(counts.TryGetValue(slug, out var seen) ? $"{slug}-{seen}" : slug);
                counts[slug] = seen + 1;
            }

            foreach (Match anchor in s_htmlAnchor.Matches(line))
            {
                anchors.Add(anchor.Groups[1].Value);
            }
        }

        return anchors;
    }

    /// <summary>GitHub's heading anchor: lower case, markup and punctuation dropped (hyphens and underscores kept), spaces to hyphens.</summary>
    public static string Slug(string heading)
    {
        var text = Regex.Replace(heading, @"\[([^\]]*)\]\([^)]*\)", "$1"); // [text](url) -> text
        text = Regex.Replace(text, "<[^>]+>", string.Empty);
        var slug = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static string[] SplitLines(string markdown) => markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
}
