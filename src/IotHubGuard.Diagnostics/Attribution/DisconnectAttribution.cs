using System;
using System.Collections.Generic;

namespace IotHubGuard.Diagnostics;

/// <summary>The most likely cause of one disconnect, why, and the rules that catch it.</summary>
public sealed class DisconnectAttribution
{
    internal DisconnectAttribution(DisconnectCause cause, Confidence confidence, IReadOnlyList<string> rules, IReadOnlyList<string> evidence, IReadOnlyList<DisconnectCause> contributing)
    {
        Cause = cause;
        Confidence = confidence;
        Rules = rules;
        Evidence = evidence;
        Contributing = contributing;
    }

    /// <summary>The most likely cause.</summary>
    public DisconnectCause Cause { get; }

    /// <summary>How sure.</summary>
    public Confidence Confidence { get; }

    /// <summary>The AZIOT rules for this disconnect, most likely first.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>The facts behind the attribution, one sentence each.</summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>Other causes that also apply (an old SDK, no recovery) besides <see cref="Cause"/>.</summary>
    public IReadOnlyList<DisconnectCause> Contributing { get; }

    /// <summary>One line: rules, cause and the first piece of evidence.</summary>
    public override string ToString() =>
        string.Join("/", Rules) + " " + CauseCatalog.Get(Cause).Title + " (" + Confidence + ")" + (Evidence.Count > 0 ? ": " + Evidence[0] : string.Empty);

    internal static string Format(TimeSpan value) => DiagnosisThresholds.Minutes(TimeSpan.FromMinutes(Math.Round(value.TotalMinutes, 1)));
}
