using System;
using System.Collections.Generic;
using IotHubGuard.Diagnostics;

namespace IotHubGuard.Runtime;

/// <summary>What <see cref="ConnectionMonitor"/> concluded about one disconnect.</summary>
public sealed class ConnectionDiagnosis
{
    internal ConnectionDiagnosis(DateTimeOffset time, string status, string reason, TimeSpan? connectedFor, DisconnectAttribution attribution, string message)
    {
        Time = time;
        Status = status;
        Reason = reason;
        ConnectedFor = connectedFor;
        Attribution = attribution;
        Message = message;
    }

    /// <summary>When the SDK reported the disconnect.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The SDK's connection status (<c>Disconnected_Retrying</c>, <c>Disconnected</c>).</summary>
    public string Status { get; }

    /// <summary>The SDK's change reason (<c>Expired_SAS_Token</c>, <c>Communication_Error</c>, …).</summary>
    public string Reason { get; }

    /// <summary>How long the connection had been up, when the monitor saw it connect.</summary>
    public TimeSpan? ConnectedFor { get; }

    /// <summary>The suspected cause.</summary>
    public DisconnectCause Cause => Attribution.Cause;

    /// <summary>The AZIOT rules that catch the cause in code, most likely first.</summary>
    public IReadOnlyList<string> Rules => Attribution.Rules;

    /// <summary>Cause, confidence, rules and evidence.</summary>
    public DisconnectAttribution Attribution { get; }

    /// <summary>One line, e.g. "disconnected 65 min after connect with an expired token: AZIOT101".</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
