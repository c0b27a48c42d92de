using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// Checks Markdown links without the network. Relative links: the file (or folder) exists and so does the heading
/// anchor. Links into this repository (RepositoryUrl, or the {{RepositoryUrl}} token of package readmes): the same,
/// for the path after /blob/main/ or /tree/main/. Other absolute links: well-formed https on an allowed host.
/// </summary>
public sealed class LinkChecker
{
    public const string RepositoryUrlToken = "{{RepositoryUrl}}";

    /// <summary>Hosts the docs may link to (sources the project cites, package pages, tool docs).</summary>
    public static readonly IReadOnlySet<string> AllowedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "learn.microsoft.com",
        "github.com",
        "www.nuget.org",
        "docs.oasis-open.org",
        "keepachangelog.com",
        "semver.org",
        "code.visualstudio.com",
        "www.jetbrains.com",
    };

    private readonly string _root;
    private readonly string _repositoryUrl;
    private readonly Dictionary<string, ISet<string>> _anchors = new(StringComparer.Ordinal);

    public LinkChecker(string root, string repositoryUrl)
    {
        _root = Path.GetFullPath(root);
        _repositoryUrl = repositoryUrl.TrimEnd('/');
    }

    /// <summary>Every dead link of one Markdown file, as "file:line: target: reason".</summary>
    public IEnumerable<string> DeadLinks(string markdownPath)
    {
        var text = File.ReadAllText(markdownPath);
        var relativeFile = Path.GetRelativePath(_root, markdownPath).Replace('\\', '/');
        foreach (var link in Markdown.Links(text))
        {
            var problem = Check(markdownPath, link.Target);
            if (problem is not null)
            {
                yield return $"{relativeFile}:{link.Line}: {link.Target}: {problem}";
            }
        }
    }

    /// <summary>Null when the target resolves, otherwise why not.</summary>
    public string? Check(string markdownPath, string target)
    {
        if (target.StartsWith(RepositoryUrlToken, StringComparison.Ordinal))
        {
            return CheckRepositoryLink(target[RepositoryUrlToken.Length..]);
        }

        if (target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (target.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.Host.Length == 0)
            {
                return "not a well-formed https URL";
            }

            if (!AllowedHosts.Contains(uri.Host))
            {
                return $"host {uri.Host} is not on the allow-list (LinkChecker.AllowedHosts)";
            }

            if (target.StartsWith(_repositoryUrl + "/", StringComparison.Ordinal)
                || target.StartsWith(_repositoryUrl + "#", StringComparison.Ordinal)
                || target == _repositoryUrl)
            {
                return CheckRepositoryLink(target[_repositoryUrl.Length..]);
            }

            var repositoryName = _repositoryUrl[(_repositoryUrl.LastIndexOf('/') + 1)..];
            var segments = uri.AbsolutePath.Trim('/').Split('/');
            if (uri.Host == new Uri(_repositoryUrl).Host && segments.Length >= 2 && segments[1].Equals(repositoryName, StringComparison.OrdinalIgnoreCase))
            {
                return $"points at another copy of this repository; build it from RepositoryUrl ({_repositoryUrl})";
            }

            return null;
        }

        // Relative: a path (maybe empty) and an optional anchor.
        var (path, anchor) = Split(target);
        var file = path.Length == 0
            ? markdownPath
            : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(markdownPath)!, Uri.UnescapeDataString(path)));
        return CheckLocal(file, anchor);
    }

    private string? CheckRepositoryLink(string rest)
    {
        if (rest.Length == 0)
        {
            return null;
        }

        if (rest.StartsWith('#'))
        {
            return CheckLocal(Path.Combine(_root, "README.md"), rest[1..]);
        }

        foreach (var prefix in new[] { "/blob/main/", "/tree/main/" })
        {
            if (rest.StartsWith(prefix, StringComparison.Ordinal))
            {
                var (path, anchor) = Split(rest[prefix.Length..]);
                return CheckLocal(Path.GetFullPath(Path.Combine(_root, Uri.UnescapeDataString(path))), anchor);
            }
        }

        return "a link into this repository must be RepositoryUrl, RepositoryUrl#anchor, or RepositoryUrl/blob/main/<path>";
    }

    private string? CheckLocal(string fullPath, string? anchor)
    {
        if (!fullPath.StartsWith(_root, StringComparison.Ordinal))
        {
            return "leaves the repository";
        }

        if (Directory.Exists(fullPath))
        {
            return anchor is null ? null : "anchor on a folder";
        }

        if (!File.Exists(fullPath))
        {
            return $"{Path.GetRelativePath(_root, fullPath).Replace('\\', '/')} does not exist";
        }

        if (anchor is null)
        {
            return null;
        }

        if (!fullPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return "anchor into a file that is not Markdown";
        }

        if (!_anchors.TryGetValue(fullPath, out var anchors))
        {
            anchors = Markdown.Anchors(File.ReadAllText(fullPath));
            _anchors[fullPath] = anchors;
        }

        return anchors.Contains(Uri.UnescapeDataString(anchor))
            ? null
            : $"no heading #{anchor} in {Path.GetFileName(fullPath)}";
    }

    private static (string Path, string? Anchor) Split(string target)
    {
        var hash = target.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
    }
}
