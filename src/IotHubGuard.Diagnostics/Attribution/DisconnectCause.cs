namespace IotHubGuard.Diagnostics;

/// <summary>The causes of 404104 the attribution can name. Each maps to the AZIOT rules that catch it in code.</summary>
public enum DisconnectCause
{
    /// <summary>The SAS token expired and was not renewed in time (401003 beside 404104, sessions one token lifetime long).</summary>
    SasTokenExpired = 0,

    /// <summary>A second connection for the same device or module identity took over (400027 / 409002).</summary>
    DuplicateIdentity = 1,

    /// <summary>Many devices dropped in the same minute and came back: processes that exit without closing the client (a deploy or restart).</summary>
    ProcessExitWithoutClose = 2,

    /// <summary>Many devices dropped in the same minute with hub-side codes (upgrade, fault injection, 5xx): not the device's fault.</summary>
    HubTransient = 3,

    /// <summary>The device never reconnected after the 404104: retries disabled or nobody handles the connection status.</summary>
    NoRecovery = 4,

    /// <summary>The device runs a C# SDK version with a known disconnect defect.</summary>
    SdkDefect = 5,

    /// <summary>None of the signatures: the link was lost without DISCONNECT (network, keep-alive).</summary>
    LinkLost = 6,
}
