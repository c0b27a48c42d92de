using System;

namespace IotHubGuard.Runtime.Mqtt;

/// <summary>Data of <see cref="IotHubMqttTokenRenewal.Renewed"/>.</summary>
public sealed class IotHubMqttTokenRenewedEventArgs : EventArgs
{
    internal IotHubMqttTokenRenewedEventArgs(DateTimeOffset? previousExpiry, DateTimeOffset? newExpiry)
    {
        PreviousTokenExpiresOn = previousExpiry;
        NewTokenExpiresOn = newExpiry;
    }

    /// <summary>Expiry of the token the replaced connection used.</summary>
    public DateTimeOffset? PreviousTokenExpiresOn { get; }

    /// <summary>Expiry of the token of the new connection.</summary>
    public DateTimeOffset? NewTokenExpiresOn { get; }
}

/// <summary>Data of <see cref="IotHubMqttTokenRenewal.RenewalFailed"/>.</summary>
public sealed class IotHubMqttTokenRenewalFailedEventArgs : EventArgs
{
    internal IotHubMqttTokenRenewalFailedEventArgs(Exception exception, TimeSpan retryIn)
    {
        Exception = exception;
        RetryIn = retryIn;
    }

    /// <summary>Why the renewal failed (for example MQTTnet's connect exception).</summary>
    public Exception Exception { get; }

    /// <summary>When the next attempt runs.</summary>
    public TimeSpan RetryIn { get; }
}
