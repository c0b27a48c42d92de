namespace IotHubGuard.Diagnostics;

/// <summary>How sure the attribution is.</summary>
public enum Confidence
{
    /// <summary>One weak signal, or none: the cause is a suggestion.</summary>
    Low = 0,

    /// <summary>One strong signal, or two weak ones that agree.</summary>
    Medium = 1,

    /// <summary>The documented signature (for example 401003 next to 404104 one token lifetime after connect).</summary>
    High = 2,
}
