namespace IotHubGuard.Diagnostics;

/// <summary>
/// Rule IDs the rule contract (docs/rules.md) already assigns but src/Shared/RuleIds.cs does not list yet because
/// their analyzer has not landed. Move each to RuleIds when it does (the contract tests count RuleIds).
/// </summary>
internal static class UpcomingRuleIds
{
    /// <summary>AZIOT206: a client created in a method is never closed (the process ends with the socket open).</summary>
    public const string ClientNeverClosed = "AZIOT206";
}
