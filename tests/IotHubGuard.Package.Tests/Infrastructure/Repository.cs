using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>The repository the tests run from: its root, and the values of Directory.Build.props the docs depend on.</summary>
public static class Repository
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    /// <summary>RepositoryUrl of Directory.Build.props, without a trailing slash: the one place links are built from.</summary>
    public static string Url => BuildProperty("RepositoryUrl").TrimEnd('/');

    /// <summary>VersionPrefix of Directory.Build.props (the "0.1.0" of 0.1.0-local.*).</summary>
    public static string VersionPrefix => BuildProperty("VersionPrefix");

    public static string ReadAllText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string BuildProperty(string name)
    {
        var props = XDocument.Load(Path.Combine(Root, "Directory.Build.props"));
        return props.Descendants(name).Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0)
            ?? throw new InvalidOperationException($"{name} is not set in Directory.Build.props.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
