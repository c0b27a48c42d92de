using System;

namespace IotHubGuard.Diagnostics;

/// <summary>What is known about one disconnect; filled from logs (the engine) or from the SDK's status callbacks (the runtime monitor).</summary>
public sealed class DisconnectSignals
{
    /// <summary>How long the connection had been open, when known.</summary>
    public TimeSpan? SessionLength { get; set; }

    /// <summary>A 401003 (expired or rejected token) beside the disconnect, or the SDK reported Expired_SAS_Token.</summary>
    public bool TokenExpiredReported { get; set; }

    /// <summary>Connect attempts after the disconnect were rejected with 401003 (the token cannot be renewed).</summary>
    public bool ReconnectRejectedUnauthorized { get; set; }

    /// <summary>A 400027 / 409002 beside the disconnect: another connection took the identity.</summary>
    public bool DuplicateReported { get; set; }

    /// <summary>A connect for the same identity arrived while a connection was open.</summary>
    public bool OverlappingConnect { get; set; }

    /// <summary>Disconnects with a communication error in the last <see cref="DiagnosisThresholds.DuplicateCycleWindow"/>, this one included (runtime monitor).</summary>
    public int RecentCommunicationErrors { get; set; }

    /// <summary>The client reported it stopped retrying (status Disconnected, e.g. reason Retry_Expired).</summary>
    public bool ClientGaveUp { get; set; }

    /// <summary>Earlier sessions of the same identity that also ended one token lifetime after connect.</summary>
    public int EarlierTokenLifetimeSessions { get; set; }

    /// <summary>Devices that lost their connection in the same burst bucket (0 when unknown).</summary>
    public int BurstDevices { get; set; }

    /// <summary>Devices connected just before that bucket (0 when unknown).</summary>
    public int BurstConnectedBefore { get; set; }

    /// <summary>The bucket was a burst by the thresholds.</summary>
    public bool FleetBurst { get; set; }

    /// <summary>Hub-side codes (400029, 400030, 5xxxxx) in the same bucket or beside the disconnect.</summary>
    public bool HubSideCodes { get; set; }

    /// <summary>Whether and when the identity connected again.</summary>
    public ReconnectOutcome Reconnect { get; set; }

    /// <summary>Time from the disconnect to the next successful connect, when it reconnected.</summary>
    public TimeSpan? ReconnectGap { get; set; }

    /// <summary>How much log followed the disconnect without a reconnect.</summary>
    public TimeSpan ObservedAfter { get; set; }

    /// <summary>The device reconnected with a different sdkVersion (a new build was deployed).</summary>
    public bool SdkChangedOnReconnect { get; set; }

    /// <summary>The sdkVersion user-agent as logged.</summary>
    public string? SdkUserAgent { get; set; }

    /// <summary>The protocol as logged.</summary>
    public string? Protocol { get; set; }
}

/// <summary>Whether the identity connected again after a disconnect.</summary>
public enum ReconnectOutcome
{
    /// <summary>The log ends too soon after the disconnect to tell.</summary>
    Unknown = 0,

    /// <summary>It connected again.</summary>
    Reconnected = 1,

    /// <summary>No successful connect for at least the never-reconnect threshold while the log went on.</summary>
    NeverReconnected = 2,
}
