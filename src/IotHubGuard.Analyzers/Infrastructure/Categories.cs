namespace IotHubGuard.Analyzers;

/// <summary>Diagnostic categories, one per rule family of docs/rules.md.</summary>
internal static class Categories
{
    public const string Authentication = "IotHub.Authentication";
    public const string ConnectionLifetime = "IotHub.ConnectionLifetime";
    public const string KeepAlive = "IotHub.KeepAlive";
    public const string SdkVersion = "IotHub.SdkVersion";
    public const string Recovery = "IotHub.Recovery";
}
