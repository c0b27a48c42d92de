using System.Linq;
using System.Text.RegularExpressions;

namespace IotHubGuard.Package.Tests;

/// <summary>Reading diagnostics out of `dotnet build` output.</summary>
public static class BuildOutput
{
    /// <summary>The distinct "warning AZIOTnnn" / "error AZIOTnnn" lines of a build.</summary>
    public static string[] AziotLines(string output)
        => output.Split('\n').Where(l => Regex.IsMatch(l, @"\b(warning|error) AZIOT\d{3}\b")).Select(l => l.TrimEnd('\r')).Distinct().ToArray();
}
