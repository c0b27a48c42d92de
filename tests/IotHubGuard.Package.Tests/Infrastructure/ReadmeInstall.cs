using System;
using System.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// The "Install" section of the repository README, cut into the pieces a user copies. The package tests run exactly
/// these (the pack command is how every package test gets its packages), so the README and the tests cannot drift.
/// </summary>
public static class ReadmeInstall
{
    /// <summary>The placeholder the README asks the user to replace with the path of their clone.</summary>
    public const string ClonePlaceholder = "/path/to/iothubguard";

    private static readonly Lazy<Markdown.CodeBlock[]> s_blocks = new(
        () => Markdown.CodeBlocks(Markdown.Section(Repository.ReadAllText("README.md"), "Install")).ToArray());

    /// <summary>Step 1 for bash: the pack command.</summary>
    public static string PackBash => Single("bash", b => b.Code.Contains("dotnet pack", StringComparison.Ordinal));

    /// <summary>Step 1 for PowerShell: the pack command.</summary>
    public static string PackPowerShell => Single("powershell", b => b.Code.Contains("dotnet pack", StringComparison.Ordinal));

    /// <summary>Step 2: the nuget.config, still with <see cref="ClonePlaceholder"/>.</summary>
    public static string NuGetConfig => Single("xml", b => b.Code.Contains("<packageSources>", StringComparison.Ordinal));

    /// <summary>Step 3: the PackageReference item group.</summary>
    public static string PackageReferences => Single("xml", b => b.Code.Contains("<PackageReference", StringComparison.Ordinal));

    /// <summary>Step 4: creating the console app.</summary>
    public static string NewConsoleApp => Single("bash", b => b.Code.Contains("dotnet new console", StringComparison.Ordinal));

    /// <summary>Step 4: the Program.cs.</summary>
    public static string ProgramCs => Single("csharp", _ => true);

    /// <summary>Step 4: build and run.</summary>
    public static string BuildAndRun => Single("bash", b => b.Code.Contains("dotnet build", StringComparison.Ordinal) && !b.Code.Contains("dotnet pack", StringComparison.Ordinal));

    private static string Single(string info, Func<Markdown.CodeBlock, bool> predicate)
    {
        var matches = s_blocks.Value.Where(b => b.Info == info && predicate(b)).ToArray();
        if (matches.Length != 1)
        {
            throw new InvalidOperationException($"README 'Install' must have exactly one such ```{info} block; found {matches.Length}.");
        }

        return matches[0].Code;
    }
}
