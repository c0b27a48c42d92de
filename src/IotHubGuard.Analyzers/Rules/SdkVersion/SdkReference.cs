using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>
/// What AZIOT401/402 know about the referenced <c>Microsoft.Azure.Devices.Client</c>: the assembly version (equal to
/// the package version for every 1.x GA build) and the AssemblyInformationalVersion (the only place a pre-release
/// label survives: 2.0.0-preview008 has AssemblyVersion 2.0.0.0).
/// </summary>
internal sealed class SdkReference
{
    private const string InformationalVersionAttribute = "System.Reflection.AssemblyInformationalVersionAttribute";

    private SdkReference(Version version, string? informationalVersion)
    {
        Version = SdkVersionDefects.Normalize(version);
        InformationalVersion = informationalVersion;
    }

    /// <summary>The assembly version, four parts.</summary>
    public Version Version { get; }

    /// <summary>The informational version as written in the assembly (may carry <c>-label</c> and <c>+sha</c>), or null.</summary>
    public string? InformationalVersion { get; }

    public static SdkReference? From(KnownSymbols symbols)
    {
        var assembly = symbols.DeviceSdkAssembly;
        if (assembly is null)
        {
            return null;
        }

        string? informational = null;
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == InformationalVersionAttribute
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string value)
            {
                informational = value;
                break;
            }
        }

        return new SdkReference(assembly.Identity.Version, informational);
    }

    /// <summary>
    /// The minimum of <c>azure_iot.sdk_minimum_version</c>. The rule is compilation-level, so the value is read for every
    /// source file (an .editorconfig section or a .globalconfig; a section wins over a global config, as for severities);
    /// when files disagree the lowest valid value applies. An invalid value is ignored; without any, 1.42.0.
    /// </summary>
    public static Version ReadMinimum(AnalyzerOptions options, Compilation compilation)
    {
        Version? lowest = null;
        var provider = options.AnalyzerConfigOptionsProvider;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.GetOptions(tree).TryGetValue(RuleDefaults.SdkMinimumVersionKey, out var raw))
            {
                lowest = Lower(lowest, raw);
            }
        }

        if (lowest is null && provider.GlobalOptions.TryGetValue(RuleDefaults.SdkMinimumVersionKey, out var global))
        {
            lowest = Lower(null, global);
        }

        return lowest ?? SdkVersionDefects.ParseOrThrow(RuleDefaults.SdkMinimumVersion);
    }

    private static Version? Lower(Version? current, string? raw)
    {
        if (!SdkVersionDefects.TryParseVersion(raw, out var candidate))
        {
            return current;
        }

        return current is null || SdkVersionDefects.Compare(candidate, current) < 0 ? candidate : current;
    }

    /// <summary>The assembly version in NuGet form (1.34.0), which is the package version for 1.x GA builds.</summary>
    public string DisplayVersion => SdkVersionDefects.Format(Version);
}
