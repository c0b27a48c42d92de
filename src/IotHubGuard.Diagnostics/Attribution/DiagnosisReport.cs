using System;
using System.Collections.Generic;

namespace IotHubGuard.Diagnostics;

/// <summary>The result of a diagnosis: counts, the causes ranked by affected devices, histograms and timelines.</summary>
public sealed class DiagnosisReport
{
    internal DiagnosisReport(DiagnosisThresholds thresholds)
    {
        Thresholds = thresholds;
    }

    /// <summary>The thresholds used.</summary>
    public DiagnosisThresholds Thresholds { get; }

    /// <summary>Connection records processed.</summary>
    public long Records { get; internal set; }

    /// <summary>Distinct identities (device or device/module).</summary>
    public int Identities { get; internal set; }

    /// <summary>Disconnects with code 404104.</summary>
    public long Disconnects404104 { get; internal set; }

    /// <summary>Disconnects from sources without result codes (Event Grid), attributed by timing only.</summary>
    public long DisconnectsWithoutCode { get; internal set; }

    /// <summary>Code-less (Event Grid) disconnects with no timing signature: they may be clean closes, so they are not findings.</summary>
    public long DisconnectsWithoutSignature { get; internal set; }

    /// <summary>Records that arrived later than the reorder window allowed (input not in time order).</summary>
    public long LateRecords { get; internal set; }

    /// <summary>Input problems (unusable lines) reported by the reader.</summary>
    public long InputProblems { get; set; }

    /// <summary>The first record's time.</summary>
    public DateTimeOffset? From { get; internal set; }

    /// <summary>The last record's time.</summary>
    public DateTimeOffset? To { get; internal set; }

    /// <summary>The causes, most affected devices first.</summary>
    public IReadOnlyList<CauseSummary> Causes { get; internal set; } = Array.Empty<CauseSummary>();

    /// <summary>Lengths of all sessions that ended in the log.</summary>
    public SessionHistogram AllSessions { get; } = new SessionHistogram(TimeSpan.FromMinutes(5), 37);

    /// <summary>Lengths of the sessions that ended with an attributed disconnect.</summary>
    public SessionHistogram AttributedSessions { get; } = new SessionHistogram(TimeSpan.FromMinutes(5), 37);

    /// <summary>Identities with attributed disconnects (at most the configured limit, most disconnects first).</summary>
    public IReadOnlyList<DeviceSummary> Devices { get; internal set; } = Array.Empty<DeviceSummary>();

    /// <summary>Timelines of a bounded number of identities, those with attributed disconnects first.</summary>
    public IReadOnlyList<DeviceTimeline> Timelines { get; internal set; } = Array.Empty<DeviceTimeline>();

    /// <summary>All attributed disconnects.</summary>
    public long AttributedDisconnects => Disconnects404104 + DisconnectsWithoutCode - DisconnectsWithoutSignature;
}
