using System;
using System.Collections.Generic;

namespace IotHubGuard.Diagnostics.Attribution;

/// <summary>What the engine keeps per identity: a few timestamps and counters, never the records.</summary>
internal sealed class DeviceState
{
    public DeviceState(int index, string deviceId, string? moduleId)
    {
        Index = index;
        DeviceId = deviceId;
        ModuleId = moduleId;
    }

    public int Index { get; }

    public string DeviceId { get; }

    public string? ModuleId { get; }

    public string? SdkUserAgent { get; set; }

    public string? Protocol { get; set; }

    /// <summary>Start times of the connections the hub still holds open (oldest first; at most a few).</summary>
    public Queue<DateTimeOffset> OpenConnections { get; } = new Queue<DateTimeOffset>();

    public DateTimeOffset LastTime { get; set; } = DateTimeOffset.MinValue;

    public DateTimeOffset? LastUnauthorized { get; set; }

    public DateTimeOffset? LastDuplicate { get; set; }

    public DateTimeOffset? LastOverlap { get; set; }

    public DateTimeOffset? LastHubSide { get; set; }

    public int TokenLifetimeSessions { get; set; }

    public DateTimeOffset? LastClosedAt { get; set; }

    public TimeSpan? LastClosedSession { get; set; }

    public bool LastClosedByCompanionCode { get; set; }

    public long BurstBucketCounted { get; set; } = long.MinValue;

    /// <summary>The newest disconnect still waiting for its outcome (reconnect, companions).</summary>
    public PendingDisconnect? Pending { get; set; }

    /// <summary>Attributed disconnects per cause (index = (int)DisconnectCause).</summary>
    public int[] CauseCounts { get; } = new int[CauseCount];

    public bool HasDefectiveSdk { get; set; }

    public bool NeverReconnected { get; set; }

    public DeviceTimeline? Timeline { get; set; }

    public static int CauseCount => Enum.GetValues(typeof(DisconnectCause)).Length;
}
