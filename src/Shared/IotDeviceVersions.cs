// Shared source: what AZIOT401/402 (analyzers and runtime check) know about the versions of the new-generation device
// SDK, the NuGet package Microsoft.Azure.Iot.Device (Azure/azure-iot-sdk, dotnet/). Kept apart from the v1 table in
// SdkVersionDefects.cs because the two packages have unrelated version lines (1.2.0 here is newer than 1.42.3 there).
// netstandard2.0-compatible and dependency-free.
using System;
using System.Collections.Generic;

namespace IotHubGuard
{
    /// <summary>Versions and known disconnect defects of <c>Microsoft.Azure.Iot.Device</c>.</summary>
    internal static class IotDeviceVersions
    {
        /// <summary>Option key of the oldest acceptable <c>Microsoft.Azure.Iot.Device</c> (AZIOT401).</summary>
        public const string MinimumVersionKey = "azure_iot.iot_device_sdk_minimum_version";

        /// <summary>
        /// Default minimum: the first GA release. No disconnect defect of a 1.x release is known (the package has no
        /// changelog; see <see cref="Defects"/>), so by default AZIOT401 never fires for a GA build.
        /// </summary>
        public const string DefaultMinimumVersion = "1.0.0";

        /// <summary>The latest GA release on nuget.org when this table was written.</summary>
        public static readonly Version LatestRelease = new Version(1, 2, 0, 0);

        /// <summary>Why a 2.0.0-preview* build is flagged: a preview, not end-of-life (unlike the v1 SDK's 2.0 previews).</summary>
        public const string PreviewReason =
            "a pre-release build: the 2.0.0-preview* line (MQTT 5 hubs, themselves in preview) may change before release and gets no servicing fixes";

        /// <summary>
        /// Known disconnect defects by version. Empty: Azure/azure-iot-sdk keeps no CHANGELOG for dotnet/ (only c/ has
        /// one), and no released note names a disconnect defect of this package. Add entries here, with their source,
        /// when one is published; AZIOT401 and the runtime check then name it.
        /// </summary>
        public static IReadOnlyList<SdkDefect> Defects { get; } = Array.Empty<SdkDefect>();

        /// <summary>
        /// Classifies an AssemblyInformationalVersion of this package: any pre-release label (2.0.0-preview3, …) is a
        /// preview, a plain version a release, null or garbage unknown. Never end-of-life: no line of it was retired.
        /// </summary>
        public static SdkReleaseKind Classify(string? informationalVersion)
        {
            if (!SdkVersionDefects.TryParseVersion(informationalVersion, out _))
            {
                return SdkReleaseKind.Unknown;
            }

            return SdkVersionDefects.GetPrereleaseLabel(informationalVersion!).Length == 0
                ? SdkReleaseKind.Release
                : SdkReleaseKind.Preview;
        }

        /// <summary>The worst known defect of <paramref name="version"/>, or null (always null while <see cref="Defects"/> is empty).</summary>
        public static SdkDefect? FindWorstDefect(Version version)
        {
            if (version == null)
            {
                throw new ArgumentNullException(nameof(version));
            }

            SdkDefect? worst = null;
            foreach (SdkDefect defect in Defects)
            {
                if (defect.Affects(version) && (worst == null || defect.Severity > worst.Severity))
                {
                    worst = defect;
                }
            }

            return worst;
        }
    }
}
