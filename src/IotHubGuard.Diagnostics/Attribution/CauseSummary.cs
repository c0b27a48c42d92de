using System;
using System.Collections.Generic;

namespace IotHubGuard.Diagnostics;

/// <summary>One cause across the fleet: how many devices and disconnects, how sure, the rules, the fix and examples.</summary>
public sealed class CauseSummary
{
    internal CauseSummary(DisconnectCause cause)
    {
        Cause = cause;
    }

    /// <summary>The cause.</summary>
    public DisconnectCause Cause { get; }

    /// <summary>Title, rules and fix.</summary>
    public CauseInfo Info => CauseCatalog.Get(Cause);

    /// <summary>Identities with at least one disconnect attributed to this cause.</summary>
    public int AffectedDevices { get; internal set; }

    /// <summary>Disconnects attributed to this cause.</summary>
    public long Disconnects { get; internal set; }

    /// <summary>Identities where this cause contributed besides another main cause.</summary>
    public int ContributingDevices { get; internal set; }

    /// <summary>Attributions by confidence (index = (int)Confidence).</summary>
    public long[] ByConfidence { get; } = new long[3];

    /// <summary>The confidence most attributions had (ties go to the higher).</summary>
    public Confidence Confidence
    {
        get
        {
            int best = 2;
            for (int i = 1; i >= 0; i--)
            {
                if (ByConfidence[i] > ByConfidence[best])
                {
                    best = i;
                }
            }

            return (Confidence)best;
        }
    }

    /// <summary>The rules seen in the attributions, most frequent first.</summary>
    public IReadOnlyList<string> Rules => RankedRules();

    /// <summary>The first few attributions, as examples with their evidence.</summary>
    public IReadOnlyList<DisconnectSample> Samples => samples;

    internal readonly List<DisconnectSample> samples = new List<DisconnectSample>();
    internal readonly Dictionary<string, long> ruleCounts = new Dictionary<string, long>(StringComparer.Ordinal);

    private IReadOnlyList<string> RankedRules()
    {
        // Most frequent first; ties in the catalogue's order (most specific first).
        var catalog = new List<string>(Info.Rules);
        var list = new List<KeyValuePair<string, long>>(ruleCounts);
        list.Sort((a, b) =>
        {
            int byCount = b.Value.CompareTo(a.Value);
            return byCount != 0 ? byCount : CatalogRank(catalog, a.Key).CompareTo(CatalogRank(catalog, b.Key));
        });
        return list.ConvertAll(p => p.Key);
    }

    private static int CatalogRank(List<string> catalog, string rule)
    {
        int index = catalog.IndexOf(rule);
        return index < 0 ? catalog.Count + RuleNumber(rule) : index;
    }

    private static int RuleNumber(string rule) => int.TryParse(rule.Substring(5), out int number) ? number : int.MaxValue / 2;
}

/// <summary>One attributed disconnect, as an example.</summary>
public sealed class DisconnectSample
{
    internal DisconnectSample(string deviceId, string? moduleId, DateTimeOffset time, DisconnectAttribution attribution)
    {
        DeviceId = deviceId;
        ModuleId = moduleId;
        Time = time;
        Attribution = attribution;
    }

    /// <summary>The device.</summary>
    public string DeviceId { get; }

    /// <summary>The module, if any.</summary>
    public string? ModuleId { get; }

    /// <summary>When it disconnected.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Cause, confidence, rules and evidence.</summary>
    public DisconnectAttribution Attribution { get; }
}

/// <summary>One identity with attributed disconnects.</summary>
public sealed class DeviceSummary
{
    internal DeviceSummary(string deviceId, string? moduleId, DisconnectCause mainCause, int disconnects, string? sdkUserAgent, string? protocol)
    {
        DeviceId = deviceId;
        ModuleId = moduleId;
        MainCause = mainCause;
        Disconnects = disconnects;
        SdkUserAgent = sdkUserAgent;
        Protocol = protocol;
    }

    /// <summary>The device.</summary>
    public string DeviceId { get; }

    /// <summary>The module, if any.</summary>
    public string? ModuleId { get; }

    /// <summary>The cause most of its disconnects were attributed to.</summary>
    public DisconnectCause MainCause { get; }

    /// <summary>Attributed disconnects.</summary>
    public int Disconnects { get; }

    /// <summary>The last sdkVersion logged.</summary>
    public string? SdkUserAgent { get; }

    /// <summary>The last protocol logged.</summary>
    public string? Protocol { get; }
}
