// Shared source: the ONE table of device-SDK versions with known disconnect defects. It is compiled into
// IotHubGuard.Runtime (startup check) and IotHubGuard.Analyzers (AZIOT401/AZIOT402), so both name the same
// defect for the same version. Keep it netstandard2.0-compatible and dependency-free.
// Facts and their public sources (SDK releases, issues, versions.json): docs/rules/AZIOT401.md and docs/rules/AZIOT402.md.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace IotHubGuard
{
    /// <summary>How a device-SDK build is released, read from its AssemblyInformationalVersion.</summary>
    internal enum SdkReleaseKind
    {
        /// <summary>No informational version, or one that does not parse.</summary>
        Unknown = 0,

        /// <summary>A GA release (no pre-release label).</summary>
        Release = 1,

        /// <summary>A pre-release or unreleased build (any label, e.g. <c>1.43.0-edgeLts</c>).</summary>
        Preview = 2,

        /// <summary>A build of a line that was declared end-of-life (the v2 preview, <c>2.0.0-preview*</c>).</summary>
        EndOfLife = 3,
    }

    /// <summary>One known defect of <c>Microsoft.Azure.Devices.Client</c> that leads to dropped or stuck connections.</summary>
    internal sealed class SdkDefect
    {
        public SdkDefect(string fixedIn, string? introducedIn, string? backportedIn, int severity, string summary, string source)
        {
            FixedIn = SdkVersionDefects.ParseOrThrow(fixedIn);
            IntroducedIn = introducedIn == null ? null : SdkVersionDefects.ParseOrThrow(introducedIn);
            BackportedIn = backportedIn == null ? null : SdkVersionDefects.ParseOrThrow(backportedIn);
            Severity = severity;
            Summary = summary;
            Source = source;
        }

        /// <summary>First release that carries the fix.</summary>
        public Version FixedIn { get; }

        /// <summary>First affected release (a regression); null when every earlier release is affected.</summary>
        public Version? IntroducedIn { get; }

        /// <summary>A long-term-support release that carries the fix on its own major.minor line (e.g. 1.36.7).</summary>
        public Version? BackportedIn { get; }

        /// <summary>1 (minor) .. 6 (worst): how directly the defect ends in a dropped connection (404104) or a dead client.</summary>
        public int Severity { get; }

        /// <summary>The defect in one short sentence, fit to follow "has a known defect: ".</summary>
        public string Summary { get; }

        /// <summary>Where the fact comes from (PR / issue numbers in Azure/azure-iot-sdk-csharp).</summary>
        public string Source { get; }

        /// <summary>True when <paramref name="version"/> still has this defect.</summary>
        public bool Affects(Version version)
        {
            Version v = SdkVersionDefects.Normalize(version);
            if (v.CompareTo(FixedIn) >= 0)
            {
                return false;
            }

            if (IntroducedIn != null && v.CompareTo(IntroducedIn) < 0)
            {
                return false;
            }

            if (BackportedIn != null && v.Major == BackportedIn.Major && v.Minor == BackportedIn.Minor && v.CompareTo(BackportedIn) >= 0)
            {
                return false;
            }

            return true;
        }
    }

    /// <summary>The device-SDK version table and version helpers shared by the analyzers and the runtime check.</summary>
    internal static class SdkVersionDefects
    {
        /// <summary>The simple name of the v1 device SDK assembly.</summary>
        public const string SdkAssemblyName = "Microsoft.Azure.Devices.Client";

        /// <summary>The simple name of the new-generation device SDK assembly (its table: <see cref="IotDeviceVersions"/>).</summary>
        public const string IotDeviceAssemblyName = "Microsoft.Azure.Iot.Device";

        /// <summary>Why 2.0.0-preview* builds are end-of-life (docs/rules/AZIOT402.md).</summary>
        public const string V2PreviewEndOfLifeReason =
            "the v2 preview line (2.0.0-preview*) was marked end-of-life on 2024-02-17 (azure-iot-sdk-csharp versions.json) and gets no fixes";

        private static readonly Version ZeroVersion = new Version(0, 0, 0, 0);

        /// <summary>The latest GA 1.x release (1.42.3, 2024-03-28; docs/rules/AZIOT401.md).</summary>
        public static readonly Version LatestRelease = new Version(1, 42, 3, 0);

        // Ordered by FixedIn. Severity: 6 = the defect most directly behind 404104 (no PINGRESP check), 5 = the client
        // never recovers or leaks/keeps live connections, 4 = token/close/retry defects that cause drops or reconnect
        // storms, 3 = cleanup/leak defects, 2 = wrong status or missing logs, 1 = dependency refresh only.
        private static readonly SdkDefect[] Table =
        {
            new SdkDefect("1.19.0", null, null, 3,
                "the connection-status states were reported wrongly and the retry pipeline predates the 1.19.0 redesign",
                "release 1.19.0 (pipeline/retry redesign)"),
            new SdkDefect("1.20.0", null, null, 4,
                "AMQP treated ClosedChannelException as fatal instead of a network error (no reconnect) and leaked the connection on dispose",
                "PR #810 (release 1.20.0)"),
            new SdkDefect("1.20.1", null, null, 4,
                "the AMQP token refresher ran at the wrong time, so token renewal could come late",
                "release 1.20.1"),
            new SdkDefect("1.20.2", null, null, 3,
                "the AMQP token refresher was not cleaned up on close/dispose",
                "PR #930 (release 1.20.2)"),
            new SdkDefect("1.20.3", null, null, 5,
                "MQTT did not reconnect after socket errors of derived SocketException types",
                "PR #988, issue #975"),
            new SdkDefect("1.21.1", null, null, 4,
                "the AMQP token refresher kept running after the session was lost, retry on reconnect misbehaved, and a closed client stayed usable",
                "issue #955 (release 1.21.1)"),
            new SdkDefect("1.21.2", null, null, 5,
                "MQTT could hang waiting for CONNACK and dropped messages while disconnected; the retry back-off could underflow",
                "PR #1099 (release 1.21.2)"),
            new SdkDefect("1.21.3", null, null, 3,
                "AMQP leaked TCP connections",
                "release 1.21.3"),
            new SdkDefect("1.23.0", null, "1.21.4", 3,
                "the MQTT adapter did not always clean up on close, and connect exceptions were mishandled",
                "commit c113bdecd, PR #1182 (release 1.23.0, LTS 1.21.4)"),
            new SdkDefect("1.23.2", null, null, 3,
                "the MQTT handler did not fail when opening the channel failed, and AMQP links were not closed safely before being recreated",
                "releases 1.23.1 and 1.23.2"),
            new SdkDefect("1.28.0", null, null, 6,
                "MQTT did not check for PINGRESP, so a dead link went unnoticed until TCP gave up and the hub closed the connection (404104)",
                "PR #1519, issue #1409"),
            new SdkDefect("1.33.1", null, null, 2,
                "a disconnect right after initialisation reported the wrong connection status",
                "PR #1646"),
            new SdkDefect("1.35.0", "1.34.0", null, 5,
                "Dispose() left AMQP sockets open (a 1.34.0 regression)",
                "issue #1770, PR #1771"),
            new SdkDefect("1.38.0", null, null, 4,
                "the MQTT CONNACK wait was only 10 s, so slow connects were torn down and retried, and user auth objects were disposed with the client",
                "release 1.38.0 (PRs #1954, #2003)"),
            new SdkDefect("1.39.0", null, null, 4,
                "the retry policy was applied n\u00b2 times",
                "PR #2209"),
            new SdkDefect("1.39.0", null, "1.36.3", 3,
                "the client could hang after dispose",
                "PR #2201 (LTS 1.36.3)"),
            new SdkDefect("1.40.0", "1.38.0", null, 5,
                "DotNetty threads kept the process alive after CloseAsync()",
                "issues #2194, #2269 (DotNetty.Common 0.7.1 in 1.40.0)"),
            new SdkDefect("1.40.0", null, null, 3,
                "MQTT had concurrency defects and the AMQP pool and token refresher were not disposed",
                "PRs #2234, #2272, #2260"),
            new SdkDefect("1.41.1", null, null, 3,
                "unsubscribing over AMQP caused a brief disconnect",
                "PR #2448"),
            new SdkDefect("1.41.3", null, null, 3,
                "the AMQP token refresher was not cancelled in transport cleanup",
                "PR #2935"),
            new SdkDefect("1.42.0", null, "1.36.7", 4,
                "CloseAsync() did not stop the SAS token refresh loop, and closing twice was not safe",
                "PRs #3021, #3149, #3312 (LTS 1.36.7)"),
            new SdkDefect("1.42.1", null, null, 2,
                "unobserved MQTT exceptions were not logged",
                "PR #3319"),
            new SdkDefect("1.42.3", null, null, 1,
                "it ships an older DotNetty than 0.7.6",
                "PR #3447"),
        };

        /// <summary>Every known defect, ordered by the version that fixed it.</summary>
        public static IReadOnlyList<SdkDefect> Defects => Table;

        /// <summary>
        /// The worst defect that <paramref name="version"/> still has (highest severity; among equals, the oldest one),
        /// or null when the table knows none. Versions compare numerically (1.7.2 &lt; 1.17.0).
        /// </summary>
        public static SdkDefect? FindWorstDefect(Version version)
        {
            if (version == null)
            {
                throw new ArgumentNullException(nameof(version));
            }

            SdkDefect? worst = null;
            foreach (SdkDefect defect in Table)
            {
                if (defect.Affects(version) && (worst == null || defect.Severity > worst.Severity))
                {
                    worst = defect;
                }
            }

            return worst;
        }

        /// <summary>Every defect that <paramref name="version"/> still has, ordered by the version that fixed it.</summary>
        public static IReadOnlyList<SdkDefect> FindDefects(Version version)
        {
            if (version == null)
            {
                throw new ArgumentNullException(nameof(version));
            }

            var result = new List<SdkDefect>();
            foreach (SdkDefect defect in Table)
            {
                if (defect.Affects(version))
                {
                    result.Add(defect);
                }
            }

            return result;
        }

        /// <summary>Compares two versions numerically with missing parts read as 0 (so 1.42 == 1.42.0.0).</summary>
        public static int Compare(Version left, Version right) => Normalize(left).CompareTo(Normalize(right));

        /// <summary>The same version with all four parts set (missing parts become 0).</summary>
        public static Version Normalize(Version version)
        {
            if (version == null)
            {
                throw new ArgumentNullException(nameof(version));
            }

            return new Version(
                version.Major,
                version.Minor,
                version.Build < 0 ? 0 : version.Build,
                version.Revision < 0 ? 0 : version.Revision);
        }

        /// <summary>
        /// Parses a version tolerantly: surrounding spaces, a leading 'v', a pre-release label (<c>-preview008</c>) and
        /// build metadata (<c>+sha</c>) are ignored; 1 to 4 numeric parts are accepted. Returns false on anything else,
        /// with <paramref name="version"/> set to 0.0.0.0. The result always has four parts.
        /// </summary>
        public static bool TryParseVersion(string? text, out Version version)
        {
            version = ZeroVersion;
            if (text == null)
            {
                return false;
            }

            string s = text.Trim();
            if (s.Length > 0 && (s[0] == 'v' || s[0] == 'V'))
            {
                s = s.Substring(1);
            }

            int cut = s.IndexOfAny(new[] { '-', '+' });
            if (cut >= 0)
            {
                s = s.Substring(0, cut);
            }

            if (s.Length == 0)
            {
                return false;
            }

            string[] parts = s.Split('.');
            if (parts.Length > 4)
            {
                return false;
            }

            var numbers = new int[4];
            for (int i = 0; i < parts.Length; i++)
            {
                string part = parts[i];
                if (part.Length == 0 || part.Length > 9)
                {
                    return false;
                }

                foreach (char c in part)
                {
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }
                }

                numbers[i] = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            version = new Version(numbers[0], numbers[1], numbers[2], numbers[3]);
            return true;
        }

        /// <summary>
        /// Classifies an AssemblyInformationalVersion: <c>2.0.0-preview*</c> is end-of-life, any other pre-release label
        /// is a preview, a plain version is a release, and null or garbage is unknown. Build metadata (<c>+sha</c>) is ignored.
        /// </summary>
        public static SdkReleaseKind ClassifyInformationalVersion(string? informationalVersion)
        {
            if (!TryParseVersion(informationalVersion, out Version version))
            {
                return SdkReleaseKind.Unknown;
            }

            string label = GetPrereleaseLabel(informationalVersion!);
            if (label.Length == 0)
            {
                return SdkReleaseKind.Release;
            }

            if (version.Major == 2 && label.StartsWith("preview", StringComparison.OrdinalIgnoreCase))
            {
                return SdkReleaseKind.EndOfLife;
            }

            return SdkReleaseKind.Preview;
        }

        /// <summary>The pre-release label of a version string without its leading '-' and without build metadata; empty when none.</summary>
        public static string GetPrereleaseLabel(string informationalVersion)
        {
            if (informationalVersion == null)
            {
                throw new ArgumentNullException(nameof(informationalVersion));
            }

            string s = informationalVersion.Trim();
            int plus = s.IndexOf('+');
            if (plus >= 0)
            {
                s = s.Substring(0, plus);
            }

            int dash = s.IndexOf('-');
            return dash < 0 ? string.Empty : s.Substring(dash + 1);
        }

        /// <summary>Formats a version as major.minor.patch (the NuGet form; the fourth part only when it is not 0).</summary>
        public static string Format(Version version)
        {
            Version v = Normalize(version);
            return v.Revision == 0
                ? string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}", v.Major, v.Minor, v.Build)
                : v.ToString();
        }

        internal static Version ParseOrThrow(string text)
        {
            if (!TryParseVersion(text, out Version version))
            {
                throw new ArgumentException("Not a version: " + text, nameof(text));
            }

            return version;
        }
    }
}
