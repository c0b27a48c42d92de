namespace IotHubGuard.Diagnostics.Simulation;

/// <summary>What a simulated device group does wrong (or not).</summary>
public enum SimulatedFault
{
    /// <summary>Connects once and stays connected; an occasional clean close and reconnect.</summary>
    Healthy = 0,

    /// <summary>A fixed SAS token: dropped one token lifetime (plus grace) after connect with 401003 + 404104, and every reconnect is rejected with 401003.</summary>
    FixedToken = 1,

    /// <summary>Dropped with 401003 + 404104 at every token expiry, reconnecting with a new token each time (the 65-minute rhythm).</summary>
    TokenExpiresEachLifetime = 2,

    /// <summary>Two clients for one identity: each connect kicks the other (400027 + 404104), every few minutes.</summary>
    DuplicateIdentity = 3,

    /// <summary>All devices of the group drop in one minute (a deploy whose processes exit without closing) and come back with a new build.</summary>
    DeployWithoutClose = 4,

    /// <summary>Dropped once with 404104, then nothing: the device never reconnects.</summary>
    NoRecovery = 5,

    /// <summary>A C# SDK with a known disconnect defect (1.27.0): 404104 at random times, reconnects.</summary>
    OldSdk = 6,

    /// <summary>All devices of the group drop in one minute during a hub upgrade (400029) and reconnect at once.</summary>
    HubTransient = 7,

    /// <summary>A current SDK that loses its link at random times (network): no signature.</summary>
    FlakyNetwork = 8,
}
