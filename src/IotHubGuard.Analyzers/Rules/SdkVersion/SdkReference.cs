using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>
/// What AZIOT401/402 know about a referenced device SDK (<c>Microsoft.Azure.Devices.Client</c> or
/// <c>Microsoft.Azure.Iot.Device</c>): the assembly version (equal to the package version for GA builds) and the
/// AssemblyInformationalVersion (the only place a pre-release label survives: 2.0.0-preview008 has AssemblyVersion 2.0.0.0).
/// </summary>
internal sealed class SdkReference
{
    private const string InformationalVersionAttribute = "System.Reflection.AssemblyInformationalVersionAttribute";

    private SdkReference(SdkPackage package, Version version, string? informationalVersion)
    {
        Package = package;
        Version = SdkVersionDefects.Normalize(version);
        InformationalVersion = informationalVersion;
    }

    /// <summary>Which package this is.</summary>
    public SdkPackage Package { get; }

    /// <summary>The assembly version, four parts.</summary>
    public Version Version { get; }

    /// <summary>The informational version as written in the assembly (may carry <c>-label</c> and <c>+sha</c>), or null.</summary>
    public string? InformationalVersion { get; }

    /// <summary>Every referenced device SDK, v1 first.</summary>
    public static IReadOnlyList<SdkReference> All(KnownSymbols symbols)
    {
        var result = new List<SdkReference>(2);
        if (From(SdkPackage.DevicesClient, symbols.DeviceSdkAssembly) is { } devicesClient)
        {
            result.Add(devicesClient);
        }

        if (From(SdkPackage.IotDevice, symbols.IotDeviceSdkAssembly) is { } iotDevice)
        {
            result.Add(iotDevice);
        }

        return result;
    }

    public static SdkReference? From(KnownSymbols symbols) => From(SdkPackage.DevicesClient, symbols.DeviceSdkAssembly);

    private static SdkReference? From(SdkPackage package, IAssemblySymbol? assembly)
    {
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

        return new SdkReference(package, assembly.Identity.Version, informational);
    }

    /// <summary>The minimum for <paramref name="package"/>, read as <see cref="ReadMinimum(AnalyzerOptions, Compilation)"/> reads the v1 one.</summary>
    public static Version ReadMinimum(AnalyzerOptions options, Compilation compilation, SdkPackage package)
        => ReadMinimum(options, compilation, package.MinimumVersionKey, package.DefaultMinimumVersion);

    /// <summary>
    /// The minimum of <c>azure_iot.sdk_minimum_version</c>. The rule is compilation-level, so the value is read for every
    /// source file (an .editorconfig section or a .globalconfig; a section wins over a global config, as for severities);
    /// when files disagree the lowest valid value applies. An invalid value is ignored; without any, 1.42.0.
    /// </summary>
    public static Version ReadMinimum(AnalyzerOptions options, Compilation compilation)
        => ReadMinimum(options, compilation, RuleDefaults.SdkMinimumVersionKey, RuleDefaults.SdkMinimumVersion);

    private static Version ReadMinimum(AnalyzerOptions options, Compilation compilation, string key, string defaultMinimum)
    {
        Version? lowest = null;
        var provider = options.AnalyzerConfigOptionsProvider;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (provider.GetOptions(tree).TryGetValue(key, out var raw))
            {
                lowest = Lower(lowest, raw);
            }
        }

        if (lowest is null && provider.GlobalOptions.TryGetValue(key, out var global))
        {
            lowest = Lower(null, global);
        }

        return lowest ?? SdkVersionDefects.ParseOrThrow(defaultMinimum);
    }

    private static Version? Lower(Version? current, string? raw)
    {
        if (!SdkVersionDefects.TryParseVersion(raw, out var candidate))
        {
            return current;
        }

        return current is null || SdkVersionDefects.Compare(candidate, current) < 0 ? candidate : current;
    }

    /// <summary>The assembly version in NuGet form (1.34.0), which is the package version for GA builds.</summary>
    public string DisplayVersion => SdkVersionDefects.Format(Version);

    /// <summary>"Microsoft.Azure.Devices.Client 1.34.0": how the messages name the reference.</summary>
    public string DisplayName => Package.AssemblyName + " " + DisplayVersion;
}
