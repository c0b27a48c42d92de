using System;

namespace IotHubGuard.Runtime.Mqtt;

/// <summary>Settings of <see cref="IotHubMqttTokenRenewal"/>.</summary>
public sealed class IotHubMqttTokenRenewalOptions
{
    /// <summary>
    /// Renew when this share of the token's lifetime is left; default 15 % (the device SDK's renewal buffer: after 51 min
    /// of a 1 h token). Must lie within 1 .. 99.
    /// </summary>
    public int RenewalBufferPercent { get; set; } = 15;

    /// <summary>First wait after a failed renewal; doubled on each further failure up to <see cref="MaxRetryDelay"/>. Default 5 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between renewal attempts; default 2 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time limit of each DISCONNECT and of each CONNECT; default 30 s.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to look again while the client is not connected; default 1 s.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The clock for waits and time limits; default the credentials provider's clock. When the renewal is due is measured
    /// on the provider's clock, from the monotonic timestamp taken when the token was minted, so stepping the wall clock
    /// (NTP, an RTC fix-up) neither postpones nor advances it.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }
}
