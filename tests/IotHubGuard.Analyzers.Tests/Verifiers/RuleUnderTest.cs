using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers.Tests;

/// <summary>
/// One rule of an analyzer that reports several (<see cref="ConnectionLifetimeAnalyzer"/>): the rule verifiers
/// disable the analyzer's other rules, so a rule's tests see exactly its own diagnostics.
/// </summary>
public interface IRuleUnderTest
{
    static abstract string Id { get; }
}

public sealed class Aziot201 : IRuleUnderTest
{
    public static string Id => "AZIOT201";
}

public sealed class Aziot204 : IRuleUnderTest
{
    public static string Id => "AZIOT204";
}

public sealed class Aziot205 : IRuleUnderTest
{
    public static string Id => "AZIOT205";
}

internal static class RuleUnderTest
{
    /// <summary>The IDs <typeparamref name="TAnalyzer"/> reports besides <typeparamref name="TRule"/>'s.</summary>
    public static IEnumerable<string> OtherIds<TAnalyzer, TRule>()
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TRule : IRuleUnderTest
        => new TAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(id => id != TRule.Id).Distinct();
}
