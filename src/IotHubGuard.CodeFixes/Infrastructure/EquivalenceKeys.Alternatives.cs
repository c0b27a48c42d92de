namespace IotHubGuard.CodeFixes;

public static partial class EquivalenceKeys
{
    /// <summary>
    /// Whether <paramref name="key"/> is an alternative that is never a site's first (best) action, so a Fix All
    /// started from it was chosen on purpose and applies it where a site offers it. Every other key, and none,
    /// means "the best fix of each site".
    /// </summary>
    public static bool IsAlternative(string? key) => key is ClampKeepAlive;
}
