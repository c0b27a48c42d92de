using System;

namespace IotHubGuard.Analyzers;

/// <summary>
/// A device-SDK package that AZIOT401/402 know: its assembly name, version table, latest release and minimum-version
/// option. <c>Microsoft.Azure.Devices.Client</c> (v1) and <c>Microsoft.Azure.Iot.Device</c> have unrelated version lines.
/// </summary>
internal sealed class SdkPackage
{
    public static readonly SdkPackage DevicesClient = new(
        SdkVersionDefects.SdkAssemblyName,
        SdkVersionDefects.LatestRelease,
        RuleDefaults.SdkMinimumVersionKey,
        RuleDefaults.SdkMinimumVersion,
        SdkVersionDefects.FindWorstDefect,
        SdkVersionDefects.ClassifyInformationalVersion,
        SdkVersionDefects.V2PreviewEndOfLifeReason,
        "a pre-release build, not a supported release: previews and unreleased branches get no servicing fixes");

    public static readonly SdkPackage IotDevice = new(
        SdkVersionDefects.IotDeviceAssemblyName,
        IotDeviceVersions.LatestRelease,
        IotDeviceVersions.MinimumVersionKey,
        IotDeviceVersions.DefaultMinimumVersion,
        IotDeviceVersions.FindWorstDefect,
        IotDeviceVersions.Classify,
        endOfLifeReason: string.Empty,
        IotDeviceVersions.PreviewReason);

    private SdkPackage(
        string assemblyName,
        Version latestRelease,
        string minimumVersionKey,
        string defaultMinimumVersion,
        Func<Version, SdkDefect?> findWorstDefect,
        Func<string?, SdkReleaseKind> classify,
        string endOfLifeReason,
        string previewReason)
    {
        AssemblyName = assemblyName;
        LatestRelease = latestRelease;
        MinimumVersionKey = minimumVersionKey;
        DefaultMinimumVersion = defaultMinimumVersion;
        FindWorstDefect = findWorstDefect;
        Classify = classify;
        EndOfLifeReason = endOfLifeReason;
        PreviewReason = previewReason;
    }

    public string AssemblyName { get; }

    public Version LatestRelease { get; }

    public string MinimumVersionKey { get; }

    public string DefaultMinimumVersion { get; }

    public Func<Version, SdkDefect?> FindWorstDefect { get; }

    public Func<string?, SdkReleaseKind> Classify { get; }

    /// <summary>Why an end-of-life build is one; empty for a package with no retired line.</summary>
    public string EndOfLifeReason { get; }

    public string PreviewReason { get; }
}
