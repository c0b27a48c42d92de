using System;
using System.Collections.Generic;
using System.Globalization;

namespace IotHubGuard.Diagnostics;

/// <summary>
/// Every number the attribution uses, in one place. The console report, the KQL queries and the runtime monitor
/// print and use these same values.
/// </summary>
public sealed class DiagnosisThresholds
{
    /// <summary>The defaults.</summary>
    public static DiagnosisThresholds Default => new DiagnosisThresholds();

    /// <summary>The SAS token lifetime the devices use (the device SDKs' default: 60 min).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(RuleDefaults.SdkDefaultSasTtlSeconds);

    /// <summary>How much shorter than <see cref="TokenLifetime"/> a session may be and still count as "one token lifetime".</summary>
    public TimeSpan TokenLifetimeEarly { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long after expiry the hub may still close the connection: the grace observed is 5 to 10 minutes (the
    /// "every 65 minutes" of the 404104 page, 70 minutes for the .NET SDK over MQTT), so 15 minutes covers it.
    /// </summary>
    public TimeSpan TokenExpiryGrace { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How close to a 404104 a companion 401003 or 400027 record must be to count as its companion.</summary>
    public TimeSpan CompanionWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The time bucket of a fleet-wide burst ("the same minute").</summary>
    public TimeSpan BurstBucket { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At least this many devices must lose their connection in one bucket for a burst.</summary>
    public int BurstMinDevices { get; set; } = 10;

    /// <summary>… and at least this share of the devices connected just before it (independent link losses almost never reach 2 % of a fleet in one minute).</summary>
    public double BurstMinFraction { get; set; } = 0.02;

    /// <summary>A device with no reconnect this long after a 404104 (while the log goes on) never reconnected.</summary>
    public TimeSpan NeverReconnectAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Earlier sessions of the same device that ended one token lifetime after connect: from this many on, it is a rhythm.</summary>
    public int RhythmMinSessions { get; set; } = 2;

    /// <summary>Runtime monitor: this many communication-error disconnects within <see cref="DuplicateCycleWindow"/> suggest another client on the same identity.</summary>
    public int DuplicateCycleMin { get; set; } = 3;

    /// <summary>Runtime monitor: the window for <see cref="DuplicateCycleMin"/>.</summary>
    public TimeSpan DuplicateCycleWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The C# device SDK version below which AZIOT401 applies (the analyzers' default).</summary>
    public Version SdkMinimumVersion { get; set; } = SdkVersionDefects.ParseOrThrow(RuleDefaults.SdkMinimumVersion);

    /// <summary>How far out of time order records may arrive (across files, partitions) and still be put back in order.</summary>
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The shortest session that ends one token lifetime after connect.</summary>
    public TimeSpan TokenSessionMin => TokenLifetime - TokenLifetimeEarly;

    /// <summary>The longest session that ends one token lifetime after connect.</summary>
    public TimeSpan TokenSessionMax => TokenLifetime + TokenExpiryGrace;

    /// <summary>True when a session of <paramref name="length"/> ended one token lifetime (plus the hub's grace) after connect.</summary>
    public bool IsTokenLifetimeSession(TimeSpan length) => length >= TokenSessionMin && length <= TokenSessionMax;

    /// <summary>Name and value of each threshold, in the order the reports print them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe() => new[]
    {
        Pair("token-lifetime", Minutes(TokenLifetime)),
        Pair("token-session-window", Minutes(TokenSessionMin) + " .. " + Minutes(TokenSessionMax)),
        Pair("companion-window", Minutes(CompanionWindow)),
        Pair("burst-bucket", Minutes(BurstBucket)),
        Pair("burst-min-devices", BurstMinDevices.ToString(CultureInfo.InvariantCulture)),
        Pair("burst-min-fraction", BurstMinFraction.ToString("0.##", CultureInfo.InvariantCulture)),
        Pair("never-reconnect-after", Minutes(NeverReconnectAfter)),
        Pair("rhythm-min-sessions", RhythmMinSessions.ToString(CultureInfo.InvariantCulture)),
        Pair("duplicate-cycles", DuplicateCycleMin.ToString(CultureInfo.InvariantCulture) + " in " + Minutes(DuplicateCycleWindow)),
        Pair("sdk-minimum-version", SdkVersionDefects.Format(SdkMinimumVersion)),
        Pair("reorder-window", Minutes(ReorderWindow)),
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first threshold that makes no sense.</summary>
    public void Validate()
    {
        if (TokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("token-lifetime must be positive.");
        }

        if (TokenLifetimeEarly < TimeSpan.Zero || TokenExpiryGrace < TimeSpan.Zero || CompanionWindow < TimeSpan.Zero || ReorderWindow < TimeSpan.Zero)
        {
            throw new ArgumentException("time windows must not be negative.");
        }

        if (BurstBucket <= TimeSpan.Zero || NeverReconnectAfter <= TimeSpan.Zero)
        {
            throw new ArgumentException("burst-bucket and never-reconnect-after must be positive.");
        }

        if (BurstMinDevices < 2 || BurstMinFraction < 0 || BurstMinFraction > 1)
        {
            throw new ArgumentException("burst-min-devices must be at least 2 and burst-min-fraction between 0 and 1.");
        }
    }

    internal static string Minutes(TimeSpan value) =>
        value.TotalMinutes.ToString(value.TotalMinutes % 1 == 0 ? "0" : "0.##", CultureInfo.InvariantCulture) + " min";

    private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);
}
