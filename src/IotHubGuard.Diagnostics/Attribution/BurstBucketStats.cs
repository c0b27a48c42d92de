namespace IotHubGuard.Diagnostics.Attribution;

/// <summary>Counts for one burst bucket (one minute by default).</summary>
internal sealed class BurstBucketStats
{
    public int Devices { get; set; }

    public int ConnectedBefore { get; set; }

    public int HubSideCodes { get; set; }
}
