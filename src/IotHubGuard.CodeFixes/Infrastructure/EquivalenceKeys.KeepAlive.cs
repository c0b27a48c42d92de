namespace IotHubGuard.CodeFixes;

/// <summary>Code action equivalence keys, public and stable so Fix All groups the same action. One partial file per rule family.</summary>
public static partial class EquivalenceKeys
{
    /// <summary>AZIOT301: set the keep-alive to 300 s, the SDK default (the first action).</summary>
    public const string SetSdkDefaultKeepAlive = "AZIOT301_SetSdkDefaultKeepAlive";

    /// <summary>AZIOT301: clamp the keep-alive to the maximum (the second action, an alternative).</summary>
    public const string ClampKeepAlive = "AZIOT301_ClampKeepAlive";

    /// <summary>AZIOT302: set the SDK default keep-alive.</summary>
    public const string SetDefaultKeepAlive = "AZIOT302_SetDefaultKeepAlive";

    /// <summary>AZIOT303: set the SDK default AMQP idle timeout.</summary>
    public const string SetDefaultIdleTimeout = "AZIOT303_SetDefaultIdleTimeout";
}
