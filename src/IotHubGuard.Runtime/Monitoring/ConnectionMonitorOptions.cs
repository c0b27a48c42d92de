using System;
using IotHubGuard.Diagnostics;

namespace IotHubGuard.Runtime;

/// <summary>Options of <see cref="ConnectionMonitor"/>.</summary>
public sealed class ConnectionMonitorOptions
{
    /// <summary>The clock; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>The thresholds (token lifetime and the rest); default the same as <c>iothubguard diagnose</c>.</summary>
    public DiagnosisThresholds? Thresholds { get; set; }

    /// <summary>Where each diagnosis line goes (for example <c>line =&gt; logger.LogWarning("{Line}", line)</c>); none by default.</summary>
    public Action<string>? Log { get; set; }

    /// <summary>
    /// The device SDK's user-agent as the hub logs it (<c>.NET/1.42.3 (…)</c>); by default built from the loaded
    /// <c>Microsoft.Azure.Devices.Client</c> assembly, so an SDK with a known defect is named (AZIOT401).
    /// </summary>
    public string? SdkUserAgent { get; set; }
}
