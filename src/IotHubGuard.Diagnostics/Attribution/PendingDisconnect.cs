using System;

namespace IotHubGuard.Diagnostics.Attribution;

/// <summary>A disconnect whose attribution waits for what follows it (companion codes, the same-minute count, the reconnect).</summary>
internal sealed class PendingDisconnect
{
    public PendingDisconnect(DeviceState device, DateTimeOffset time, long bucket, DisconnectSignals signals)
    {
        Device = device;
        Time = time;
        Bucket = bucket;
        Signals = signals;
    }

    public DeviceState Device { get; }

    public DateTimeOffset Time { get; }

    public long Bucket { get; }

    public DisconnectSignals Signals { get; }

    /// <summary>False for Event Grid disconnects, which carry no code (a clean close looks the same).</summary>
    public bool HasResult { get; set; } = true;
}
