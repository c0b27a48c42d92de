using System.Collections.Generic;

namespace IotHubGuard.Diagnostics;

/// <summary>What each cause means, which AZIOT rules catch it in code, and the fix.</summary>
public static class CauseCatalog
{
    /// <summary>Where the documentation pages of the rules live (relative to the repository root).</summary>
    public const string RuleDocsBase = "https://github.com/iothubguard/iothubguard/blob/main/docs/rules/";

    private static readonly Dictionary<DisconnectCause, CauseInfo> Infos = new Dictionary<DisconnectCause, CauseInfo>
    {
        [DisconnectCause.SasTokenExpired] = new CauseInfo(
            "SAS token expired and was not renewed",
            new[] { RuleIds.FixedSasToken, RuleIds.SasLifetimeOutOfRange, RuleIds.MqttFixedPassword },
            "Let the SDK renew the token: authenticate with the device key (connection string with SharedAccessKey, or a DeviceAuthenticationWithTokenRefresh subclass) instead of a fixed SharedAccessSignature; keep SasTokenTimeToLive/SasTokenRenewalBuffer at the defaults; for raw MQTT, mint a fresh token on every CONNECT and reconnect before expiry."),
        [DisconnectCause.DuplicateIdentity] = new CauseInfo(
            "Two connections for one device identity",
            new[] { RuleIds.ClientOverwrittenWhileOpen, RuleIds.ClientPerOperation, RuleIds.ClientNeverClosed },
            "Keep exactly one open client per device (and module) identity: create it once, close and dispose the old client before creating a new one, never create a client per message, and make sure two processes or hosts do not run with the same identity."),
        [DisconnectCause.ProcessExitWithoutClose] = new CauseInfo(
            "Process exit without closing the client (deploy/restart wall)",
            new[] { RuleIds.DisposedWithoutClose, RuleIds.ClientFieldNeverClosed, RuleIds.ClientNeverClosed, RuleIds.MqttDisposedWithoutDisconnect },
            "Close the client on shutdown: await CloseAsync (DisconnectAsync for MQTTnet) before dispose and on SIGTERM/Ctrl+C, for example with AddIotHubGuardCloseOnShutdown, so the hub gets a DISCONNECT instead of a dropped socket."),
        [DisconnectCause.HubTransient] = new CauseInfo(
            "Hub-side transient (upgrade or service error)",
            new[] { RuleIds.RetryDisabled },
            "Nothing to change in the device if it reconnected: keep the SDK's retry policy (exponential back-off with jitter) so it always does."),
        [DisconnectCause.NoRecovery] = new CauseInfo(
            "Device never reconnected",
            new[] { RuleIds.RetryDisabled, RuleIds.NoConnectionStatusHandler },
            "Do not disable retries (no NoRetry policy), register a connection status handler, and recreate the client when the status is Disconnected with a terminal reason."),
        [DisconnectCause.SdkDefect] = new CauseInfo(
            "Device SDK with a known disconnect defect",
            new[] { RuleIds.SdkTooOld },
            "Upgrade Microsoft.Azure.Devices.Client to 1.42.3 or later (or the latest patch of the LTS line you validated)."),
        [DisconnectCause.LinkLost] = new CauseInfo(
            "Link lost without DISCONNECT (network or keep-alive)",
            new[] { RuleIds.KeepAliveTooLong, RuleIds.KeepAliveDisabledOrTooShort },
            "Keep the MQTT keep-alive between 10 s and 1177 s (the SDK default 300 s), do not raise it on unreliable networks, and check the device's network."),
    };

    /// <summary>The description of <paramref name="cause"/>.</summary>
    public static CauseInfo Get(DisconnectCause cause) => Infos[cause];
}

/// <summary>A cause's title, its rules and its fix.</summary>
public sealed class CauseInfo
{
    internal CauseInfo(string title, IReadOnlyList<string> rules, string fix)
    {
        Title = title;
        Rules = rules;
        Fix = fix;
    }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The AZIOT rules that catch the cause in code, most specific first.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>What to change.</summary>
    public string Fix { get; }
}
