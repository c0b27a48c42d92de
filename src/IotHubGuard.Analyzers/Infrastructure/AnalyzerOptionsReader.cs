using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Reads the <c>azure_iot.*</c> keys of .editorconfig / .globalconfig. An invalid value is ignored
/// (the default applies): a typo in a config file must never crash or silence an analyzer.
/// </summary>
internal static class AnalyzerOptionsReader
{
    public static int GetNonNegativeInt(AnalyzerOptions options, SyntaxTree tree, string key, int defaultValue)
    {
        if (!TryGetRaw(options, tree, key, out var raw))
        {
            return defaultValue;
        }

        return int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : defaultValue;
    }

    /// <summary>A min/max pair; an inverted pair (min above max) is invalid and both defaults apply.</summary>
    public static (int Min, int Max) GetRange(
        AnalyzerOptions options, SyntaxTree tree, string minKey, int minDefault, string maxKey, int maxDefault)
    {
        var min = GetNonNegativeInt(options, tree, minKey, minDefault);
        var max = GetNonNegativeInt(options, tree, maxKey, maxDefault);
        return min <= max ? (min, max) : (minDefault, maxDefault);
    }

    public static string? GetString(AnalyzerOptions options, SyntaxTree? tree, string key)
    {
        if (tree is null)
        {
            return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(key, out var global) ? global.Trim() : null;
        }

        return TryGetRaw(options, tree, key, out var raw) ? raw.Trim() : null;
    }

    private static bool TryGetRaw(AnalyzerOptions options, SyntaxTree tree, string key, out string raw)
    {
        var provider = options.AnalyzerConfigOptionsProvider;
        if (provider.GetOptions(tree).TryGetValue(key, out var value) || provider.GlobalOptions.TryGetValue(key, out value))
        {
            raw = value ?? string.Empty;
            return true;
        }

        raw = string.Empty;
        return false;
    }
}
