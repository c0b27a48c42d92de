namespace IotHubGuard.Diagnostics;

/// <summary>Limits on what the engine keeps for the report (memory stays bounded whatever the input size).</summary>
public sealed class AttributionEngineOptions
{
    /// <summary>Identities whose connect/disconnect timeline is kept: the first ones with a disconnect to attribute, from their open connection on.</summary>
    public int TimelineIdentities { get; set; } = 200;

    /// <summary>Events kept per timeline.</summary>
    public int TimelineEvents { get; set; } = 400;

    /// <summary>Example attributions kept per cause.</summary>
    public int SamplesPerCause { get; set; } = 5;

    /// <summary>Identities listed in <see cref="DiagnosisReport.Devices"/>.</summary>
    public int DeviceListLimit { get; set; } = 1000;
}
