using System;
using System.Collections.Generic;
using System.Linq;
using IotHubGuard.Diagnostics.Attribution;

namespace IotHubGuard.Diagnostics;

/// <summary>
/// Streams Connections records (in any order within the reorder window), reconstructs each identity's sessions and
/// attributes every 404104 (and every code-less Event Grid disconnect) to its most likely cause. Memory is bounded by
/// the number of identities plus the disconnects of the last <see cref="DiagnosisThresholds.NeverReconnectAfter"/>,
/// never by the number of records.
/// </summary>
public sealed class AttributionEngine
{
    private const int MaxOpenConnectionsTracked = 4;

    private readonly DiagnosisThresholds thresholds;
    private readonly AttributionEngineOptions options;
    private readonly TimeOrderBuffer buffer;
    private readonly Dictionary<string, DeviceState> devices = new Dictionary<string, DeviceState>(StringComparer.Ordinal);
    private readonly List<DeviceState> deviceList = new List<DeviceState>();
    private readonly Dictionary<long, BurstBucketStats> buckets = new Dictionary<long, BurstBucketStats>();
    private readonly Queue<PendingDisconnect> pending = new Queue<PendingDisconnect>();
    private readonly CauseSummary[] causes;
    private readonly DiagnosisReport report;
    private readonly List<DeviceTimeline> timelines = new List<DeviceTimeline>();
    private DateTimeOffset watermark = DateTimeOffset.MinValue;
    private int connectedNow;
    private bool completed;

    /// <summary>Creates an engine with the given thresholds (defaults when null).</summary>
    public AttributionEngine(DiagnosisThresholds? thresholds = null, AttributionEngineOptions? options = null)
    {
        this.thresholds = thresholds ?? DiagnosisThresholds.Default;
        this.thresholds.Validate();
        this.options = options ?? new AttributionEngineOptions();
        buffer = new TimeOrderBuffer(this.thresholds.ReorderWindow);
        report = new DiagnosisReport(this.thresholds);
        causes = Enumerable.Range(0, DeviceState.CauseCount).Select(i => new CauseSummary((DisconnectCause)i)).ToArray();
    }

    /// <summary>Records added so far.</summary>
    public long RecordsAdded { get; private set; }

    /// <summary>Raised for every attributed disconnect, in time order.</summary>
    public event Action<DisconnectSample>? Attributed;

    /// <summary>Adds one record.</summary>
    public void Add(ConnectionRecord record)
    {
        if (record == null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        if (completed)
        {
            throw new InvalidOperationException("The diagnosis is complete; create a new engine for more records.");
        }

        RecordsAdded++;
        buffer.Add(record);
        while (buffer.TryTake(drain: false, out ConnectionRecord? next))
        {
            Process(next!);
        }
    }

    /// <summary>Processes what is still buffered, attributes the remaining disconnects and returns the report.</summary>
    public DiagnosisReport Complete()
    {
        if (completed)
        {
            return report;
        }

        while (buffer.TryTake(drain: true, out ConnectionRecord? next))
        {
            Process(next!);
        }

        completed = true;
        while (pending.Count > 0)
        {
            Finalize(pending.Dequeue(), endOfLog: true);
        }

        BuildReport();
        return report;
    }

    private void Process(ConnectionRecord record)
    {
        if (record.Time < watermark)
        {
            // Later than the reorder window allows: still counted, but sessions may be misread.
            report.LateRecords++;
        }
        else
        {
            watermark = record.Time;
        }

        report.Records++;
        report.From ??= record.Time;
        report.To = watermark;

        DeviceState device = GetDevice(record);
        device.LastTime = record.Time;
        if (record.SdkVersion != null)
        {
            device.SdkUserAgent = record.SdkVersion;
        }

        if (record.Protocol != null)
        {
            device.Protocol = record.Protocol;
        }

        if (device.Timeline == null && timelines.Count < options.TimelineIdentities && IsAttributable(record))
        {
            // Timelines are kept for the first identities with a disconnect to attribute, from their open connection on.
            device.Timeline = new DeviceTimeline(device.DeviceId, device.ModuleId, options.TimelineEvents);
            foreach (DateTimeOffset start in device.OpenConnections)
            {
                device.Timeline.Add(new TimelineEvent(start, ConnectionOperation.Connect, null));
            }

            if (device.OpenConnections.Count == 0 && device.LastClosedSession.HasValue && Near(device.LastClosedAt, record.Time))
            {
                // The connection was just closed by its first record (401003, 400027): show where it started.
                device.Timeline.Add(new TimelineEvent(device.LastClosedAt!.Value - device.LastClosedSession.Value, ConnectionOperation.Connect, null));
            }

            timelines.Add(device.Timeline);
        }

        device.Timeline?.Add(new TimelineEvent(record.Time, record.Operation, record.ResultCode));

        int? code = record.ResultCode;
        if (code.HasValue)
        {
            NoteCode(device, record.Time, code.Value);
        }

        if (record.Operation == ConnectionOperation.Connect)
        {
            if (!code.HasValue)
            {
                OnConnected(device, record);
            }
        }
        else
        {
            OnDisconnected(device, record);
        }

        FinalizeReady();
    }

    private void NoteCode(DeviceState device, DateTimeOffset time, int code)
    {
        PendingDisconnect? open = device.Pending;
        bool nearPending = open != null && time - open.Time <= thresholds.CompanionWindow;
        if (code == HubErrorCodes.IotHubUnauthorized)
        {
            device.LastUnauthorized = time;
            if (nearPending)
            {
                open!.Signals.TokenExpiredReported = true;
            }
        }
        else if (HubErrorCodes.IsDuplicateIdentity(code))
        {
            device.LastDuplicate = time;
            if (nearPending)
            {
                open!.Signals.DuplicateReported = true;
            }
        }
        else if (HubErrorCodes.IsHubSide(code))
        {
            device.LastHubSide = time;
            Bucket(time).HubSideCodes++;
            if (nearPending)
            {
                open!.Signals.HubSideCodes = true;
            }
        }
    }

    private void OnConnected(DeviceState device, ConnectionRecord record)
    {
        if (device.OpenConnections.Count > 0)
        {
            device.LastOverlap = record.Time;
        }

        PendingDisconnect? open = device.Pending;
        if (open != null && open.Signals.Reconnect == ReconnectOutcome.Unknown)
        {
            open.Signals.Reconnect = ReconnectOutcome.Reconnected;
            open.Signals.ReconnectGap = record.Time - open.Time;
            open.Signals.SdkChangedOnReconnect = record.SdkVersion != null && open.Signals.SdkUserAgent != null
                && !string.Equals(record.SdkVersion, open.Signals.SdkUserAgent, StringComparison.Ordinal);
            if (device.LastUnauthorized.HasValue && device.LastUnauthorized.Value > open.Time + thresholds.CompanionWindow)
            {
                open.Signals.ReconnectRejectedUnauthorized = true;
            }
        }

        if (device.OpenConnections.Count >= MaxOpenConnectionsTracked)
        {
            device.OpenConnections.Dequeue();
        }
        else
        {
            connectedNow++;
        }

        device.OpenConnections.Enqueue(record.Time);
    }

    private void OnDisconnected(DeviceState device, ConnectionRecord record)
    {
        TimeSpan? session = null;
        bool secondRecordOfOneClose = device.LastClosedByCompanionCode && Near(device.LastClosedAt, record.Time)
            && record.ResultCode == HubErrorCodes.DeviceConnectionClosedRemotely;
        if (secondRecordOfOneClose)
        {
            // 401003 or 400027 then 404104 for the same connection: one close, one session.
            session = device.LastClosedSession;
            device.LastClosedByCompanionCode = false;
        }
        else if (device.OpenConnections.Count > 0)
        {
            // The hub closes the oldest connection of an identity first (400027 on the old one).
            session = record.Time - device.OpenConnections.Dequeue();
            connectedNow--;
            report.AllSessions.Add(session.Value);
            device.LastClosedAt = record.Time;
            device.LastClosedSession = session;
            device.LastClosedByCompanionCode = record.ResultCode is int closeCode
                && (closeCode == HubErrorCodes.IotHubUnauthorized || HubErrorCodes.IsDuplicateIdentity(closeCode) || HubErrorCodes.IsHubSide(closeCode));
        }
        else if (device.LastClosedAt.HasValue && Near(device.LastClosedAt, record.Time))
        {
            // The second record of one close (401003 then 404104 for the same connection): same session.
            session = device.LastClosedSession;
        }

        if (!IsAttributable(record))
        {
            return;
        }

        if (record.HasResult)
        {
            report.Disconnects404104++;
        }
        else
        {
            report.DisconnectsWithoutCode++;
        }

        if (session.HasValue)
        {
            report.AttributedSessions.Add(session.Value);
        }

        // A disconnect still waiting on this device: the device reconnected in between or it would not disconnect again.
        if (device.Pending != null && device.Pending.Signals.Reconnect == ReconnectOutcome.Unknown)
        {
            device.Pending.Signals.Reconnect = ReconnectOutcome.Reconnected;
            device.Pending.Signals.ReconnectGap = record.Time - device.Pending.Time;
        }

        var signals = new DisconnectSignals
        {
            SessionLength = session,
            TokenExpiredReported = Near(device.LastUnauthorized, record.Time),
            DuplicateReported = Near(device.LastDuplicate, record.Time),
            OverlappingConnect = Near(device.LastOverlap, record.Time) || (session.HasValue && device.LastOverlap.HasValue && device.LastOverlap.Value > record.Time - session.Value),
            HubSideCodes = Near(device.LastHubSide, record.Time),
            EarlierTokenLifetimeSessions = device.TokenLifetimeSessions,
            SdkUserAgent = device.SdkUserAgent,
            Protocol = device.Protocol,
        };

        if (session.HasValue && thresholds.IsTokenLifetimeSession(session.Value))
        {
            device.TokenLifetimeSessions++;
        }

        long bucketKey = record.Time.UtcTicks / thresholds.BurstBucket.Ticks;
        BurstBucketStats bucket = Bucket(record.Time);
        if (device.BurstBucketCounted != bucketKey)
        {
            device.BurstBucketCounted = bucketKey;
            if (bucket.Devices == 0)
            {
                bucket.ConnectedBefore = connectedNow + (session.HasValue ? 1 : 0);
            }

            bucket.Devices++;
        }

        var item = new PendingDisconnect(device, record.Time, bucketKey, signals) { HasResult = record.HasResult };
        device.Pending = item;
        pending.Enqueue(item);
    }

    private void FinalizeReady()
    {
        while (pending.Count > 0)
        {
            PendingDisconnect head = pending.Peek();
            bool windowsClosed = watermark >= head.Time + thresholds.CompanionWindow + thresholds.BurstBucket;
            bool outcomeKnown = head.Signals.Reconnect == ReconnectOutcome.Reconnected || watermark - head.Time >= thresholds.NeverReconnectAfter;
            if (!windowsClosed || !outcomeKnown)
            {
                return;
            }

            Finalize(pending.Dequeue(), endOfLog: false);
        }
    }

    private void Finalize(PendingDisconnect item, bool endOfLog)
    {
        DisconnectSignals signals = item.Signals;
        if (signals.Reconnect != ReconnectOutcome.Reconnected)
        {
            signals.ObservedAfter = watermark - item.Time;
            signals.Reconnect = signals.ObservedAfter >= thresholds.NeverReconnectAfter ? ReconnectOutcome.NeverReconnected : ReconnectOutcome.Unknown;
            if (item.Device.LastUnauthorized.HasValue && item.Device.LastUnauthorized.Value > item.Time + thresholds.CompanionWindow)
            {
                signals.ReconnectRejectedUnauthorized = true;
            }
        }

        if (buckets.TryGetValue(item.Bucket, out BurstBucketStats? bucket))
        {
            signals.BurstDevices = bucket.Devices;
            signals.BurstConnectedBefore = bucket.ConnectedBefore;
            signals.FleetBurst = bucket.Devices >= thresholds.BurstMinDevices
                && bucket.Devices >= thresholds.BurstMinFraction * Math.Max(bucket.ConnectedBefore, bucket.Devices);
            signals.HubSideCodes |= bucket.HubSideCodes > 0;
        }

        DisconnectAttribution attribution = DisconnectClassifier.Classify(signals, thresholds);
        DeviceState device = item.Device;
        if (ReferenceEquals(device.Pending, item))
        {
            device.Pending = null;
        }

        if (!item.HasResult && attribution.Cause != DisconnectCause.SasTokenExpired && attribution.Cause != DisconnectCause.ProcessExitWithoutClose
            && attribution.Cause != DisconnectCause.HubTransient && attribution.Cause != DisconnectCause.DuplicateIdentity)
        {
            // Without a result code a clean close looks like any other disconnect: only a timing signature is a finding.
            report.DisconnectsWithoutSignature++;
            return;
        }

        device.CauseCounts[(int)attribution.Cause]++;
        device.HasDefectiveSdk |= attribution.Contributing.Contains(DisconnectCause.SdkDefect);
        device.NeverReconnected |= attribution.Contributing.Contains(DisconnectCause.NoRecovery);
        device.Timeline?.SetCause(item.Time, attribution.Cause);

        CauseSummary summary = causes[(int)attribution.Cause];
        summary.Disconnects++;
        summary.ByConfidence[(int)attribution.Confidence]++;
        foreach (string rule in attribution.Rules)
        {
            summary.ruleCounts.TryGetValue(rule, out long count);
            summary.ruleCounts[rule] = count + 1;
        }

        var sample = new DisconnectSample(device.DeviceId, device.ModuleId, item.Time, attribution);
        if (summary.samples.Count < options.SamplesPerCause)
        {
            summary.samples.Add(sample);
        }

        Attributed?.Invoke(sample);
        PruneBuckets(item.Time);
        _ = endOfLog;
    }

    private void PruneBuckets(DateTimeOffset finalizedUpTo)
    {
        // Buckets older than every pending disconnect are no longer needed.
        long oldestNeeded = pending.Count > 0 ? pending.Peek().Bucket : finalizedUpTo.UtcTicks / thresholds.BurstBucket.Ticks;
        if (buckets.Count < 4096)
        {
            return;
        }

        foreach (long key in buckets.Keys.Where(k => k < oldestNeeded - 1).ToList())
        {
            buckets.Remove(key);
        }
    }

    private void BuildReport()
    {
        report.Identities = deviceList.Count;
        foreach (DeviceState device in deviceList)
        {
            for (int i = 0; i < device.CauseCounts.Length; i++)
            {
                if (device.CauseCounts[i] > 0)
                {
                    causes[i].AffectedDevices++;
                }
            }

            if (device.HasDefectiveSdk && device.CauseCounts[(int)DisconnectCause.SdkDefect] == 0)
            {
                causes[(int)DisconnectCause.SdkDefect].ContributingDevices++;
            }

            if (device.NeverReconnected && device.CauseCounts[(int)DisconnectCause.NoRecovery] == 0)
            {
                causes[(int)DisconnectCause.NoRecovery].ContributingDevices++;
            }

            if (device.Timeline != null)
            {
                device.Timeline.AttributedDisconnects = device.CauseCounts.Sum();
            }
        }

        report.Causes = causes
            .Where(c => c.Disconnects > 0 || c.ContributingDevices > 0)
            .OrderByDescending(c => c.AffectedDevices)
            .ThenByDescending(c => c.Disconnects)
            .ThenByDescending(c => c.ContributingDevices)
            .ThenBy(c => (int)c.Cause)
            .ToList();

        report.Devices = deviceList
            .Where(d => d.CauseCounts.Sum() > 0)
            .OrderByDescending(d => d.CauseCounts.Sum())
            .ThenBy(d => d.Index)
            .Take(options.DeviceListLimit)
            .Select(d => new DeviceSummary(d.DeviceId, d.ModuleId, MainCause(d), d.CauseCounts.Sum(), d.SdkUserAgent, d.Protocol))
            .ToList();

        report.Timelines = timelines
            .OrderByDescending(t => t.AttributedDisconnects > 0)
            .ThenByDescending(t => t.AttributedDisconnects)
            .ToList();
    }

    private static DisconnectCause MainCause(DeviceState device)
    {
        int best = 0;
        for (int i = 1; i < device.CauseCounts.Length; i++)
        {
            if (device.CauseCounts[i] > device.CauseCounts[best])
            {
                best = i;
            }
        }

        return (DisconnectCause)best;
    }

    /// <summary>A 404104, or a disconnect from a source without codes (Event Grid).</summary>
    private static bool IsAttributable(ConnectionRecord record) =>
        record.Operation == ConnectionOperation.Disconnect && (!record.HasResult || record.ResultCode == HubErrorCodes.DeviceConnectionClosedRemotely);

    private bool Near(DateTimeOffset? earlier, DateTimeOffset time) =>
        earlier.HasValue && time - earlier.Value <= thresholds.CompanionWindow && time >= earlier.Value;

    private BurstBucketStats Bucket(DateTimeOffset time)
    {
        long key = time.UtcTicks / thresholds.BurstBucket.Ticks;
        if (!buckets.TryGetValue(key, out BurstBucketStats? stats))
        {
            stats = new BurstBucketStats();
            buckets[key] = stats;
        }

        return stats;
    }

    private DeviceState GetDevice(ConnectionRecord record)
    {
        string key = record.IdentityKey;
        if (!devices.TryGetValue(key, out DeviceState? device))
        {
            device = new DeviceState(deviceList.Count, record.DeviceId, record.ModuleId);

            devices[key] = device;
            deviceList.Add(device);
        }

        return device;
    }
}
