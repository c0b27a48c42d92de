namespace IotHubGuard.CodeFixes;

public static partial class EquivalenceKeys
{
    /// <summary>AZIOT501: use the SDK's default retry policy, <c>ExponentialBackoff(int.MaxValue, 100 ms, 10 s, 100 ms)</c>.</summary>
    public const string UseDefaultRetryPolicy = "AZIOT501_UseDefaultRetryPolicy";

    /// <summary>AZIOT502: register a connection status handler that logs status and reason.</summary>
    public const string AddConnectionStatusHandler = "AZIOT502_AddConnectionStatusHandler";
}
