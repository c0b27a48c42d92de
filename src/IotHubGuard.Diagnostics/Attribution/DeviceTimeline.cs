using System;
using System.Collections.Generic;

namespace IotHubGuard.Diagnostics;

/// <summary>Connects and disconnects of one identity, for the HTML timeline (kept for a bounded number of identities).</summary>
public sealed class DeviceTimeline
{
    private readonly List<TimelineEvent> events = new List<TimelineEvent>();
    private readonly int limit;

    internal DeviceTimeline(string deviceId, string? moduleId, int limit)
    {
        DeviceId = deviceId;
        ModuleId = moduleId;
        this.limit = limit;
    }

    /// <summary>The device.</summary>
    public string DeviceId { get; }

    /// <summary>The module, if any.</summary>
    public string? ModuleId { get; }

    /// <summary>The events, oldest first (at most the configured limit).</summary>
    public IReadOnlyList<TimelineEvent> Events => events;

    /// <summary>True when events were dropped because of the limit.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Attributed disconnects of this identity (filled in at the end).</summary>
    public int AttributedDisconnects { get; internal set; }

    internal void Add(TimelineEvent item)
    {
        if (events.Count >= limit)
        {
            Truncated = true;
            return;
        }

        events.Add(item);
    }

    internal void SetCause(DateTimeOffset time, DisconnectCause cause)
    {
        for (int i = events.Count - 1; i >= 0; i--)
        {
            if (events[i].Time == time && events[i].Operation == ConnectionOperation.Disconnect)
            {
                events[i].Cause = cause;
                return;
            }
        }
    }
}

/// <summary>One point of a <see cref="DeviceTimeline"/>.</summary>
public sealed class TimelineEvent
{
    internal TimelineEvent(DateTimeOffset time, ConnectionOperation operation, int? code)
    {
        Time = time;
        Operation = operation;
        Code = code;
    }

    /// <summary>When.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Connect or disconnect.</summary>
    public ConnectionOperation Operation { get; }

    /// <summary>The hub error code, if any.</summary>
    public int? Code { get; }

    /// <summary>The attributed cause, for attributed disconnects.</summary>
    public DisconnectCause? Cause { get; internal set; }
}
