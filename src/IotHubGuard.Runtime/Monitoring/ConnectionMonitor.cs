using System;
using System.Collections.Generic;
using System.Reflection;
using IotHubGuard.Diagnostics;

namespace IotHubGuard.Runtime;

/// <summary>
/// Watches a client's connection status and, when the SDK reports a disconnect, names the suspected cause with the
/// AZIOT rule that catches it in code, using the same attribution as <c>iothubguard diagnose</c>. Wire it to the
/// client's status handler:
/// <code>
/// var monitor = new ConnectionMonitor(new ConnectionMonitorOptions { Log = line =&gt; logger.LogWarning("{Line}", line) });
/// client.SetConnectionStatusChangesHandler((status, reason) =&gt; monitor.OnConnectionStatusChanged(status, reason));
/// </code>
/// It takes the SDK's enums by name, so it needs no reference to the device SDK. Thread-safe.
/// </summary>
public sealed class ConnectionMonitor
{
    private readonly object gate = new object();
    private readonly TimeProvider time;
    private readonly DiagnosisThresholds thresholds;
    private readonly Action<string>? log;
    private readonly string? sdkUserAgent;
    private readonly Queue<long> communicationErrors = new Queue<long>();
    private long? connectedAt;
    private int lifetimeSessions;

    /// <summary>Creates a monitor.</summary>
    public ConnectionMonitor(ConnectionMonitorOptions? options = null)
    {
        options ??= new ConnectionMonitorOptions();
        time = options.TimeProvider ?? TimeProvider.System;
        thresholds = options.Thresholds ?? DiagnosisThresholds.Default;
        thresholds.Validate();
        log = options.Log;
        sdkUserAgent = options.SdkUserAgent ?? LoadedSdkUserAgent();
    }

    /// <summary>Raised for every diagnosed disconnect (after <see cref="ConnectionMonitorOptions.Log"/>).</summary>
    public event Action<ConnectionDiagnosis>? Diagnosed;

    /// <summary>The last diagnosis, if any.</summary>
    public ConnectionDiagnosis? LastDiagnosis { get; private set; }

    /// <summary>Pass the SDK's <c>ConnectionStatus</c> and <c>ConnectionStatusChangeReason</c> here.</summary>
    /// <returns>The diagnosis when this change was a disconnect worth one; otherwise null.</returns>
    public ConnectionDiagnosis? OnConnectionStatusChanged(Enum status, Enum reason)
    {
        if (status == null)
        {
            throw new ArgumentNullException(nameof(status));
        }

        if (reason == null)
        {
            throw new ArgumentNullException(nameof(reason));
        }

        return OnConnectionStatusChanged(status.ToString(), reason.ToString());
    }

    /// <summary>The same, with the enum names as strings (<c>"Disconnected_Retrying"</c>, <c>"Expired_SAS_Token"</c>).</summary>
    /// <returns>The diagnosis when this change was a disconnect worth one; otherwise null.</returns>
    public ConnectionDiagnosis? OnConnectionStatusChanged(string status, string reason)
    {
        if (string.IsNullOrEmpty(status))
        {
            throw new ArgumentException("A connection status is required.", nameof(status));
        }

        reason ??= string.Empty;
        ConnectionDiagnosis? diagnosis;
        lock (gate)
        {
            long now = time.GetTimestamp();
            if (status == "Connected")
            {
                connectedAt = now;
                return null;
            }

            bool disconnected = status == "Disconnected" || status == "Disconnected_Retrying";
            if (!disconnected || reason == "Client_Close" || reason == "Device_Disabled")
            {
                // A close the app asked for, or a device disabled in the hub: not a client defect.
                connectedAt = null;
                return null;
            }

            TimeSpan? connectedFor = connectedAt.HasValue ? time.GetElapsedTime(connectedAt.Value, now) : (TimeSpan?)null;
            connectedAt = null;

            if (reason == "Communication_Error")
            {
                communicationErrors.Enqueue(now);
            }

            while (communicationErrors.Count > 0 && time.GetElapsedTime(communicationErrors.Peek(), now) > thresholds.DuplicateCycleWindow)
            {
                communicationErrors.Dequeue();
            }

            bool tokenReason = reason == "Expired_SAS_Token" || reason == "Bad_Credential";
            var signals = new DisconnectSignals
            {
                SessionLength = connectedFor,
                TokenExpiredReported = tokenReason,
                ReconnectRejectedUnauthorized = reason == "Bad_Credential" && !connectedFor.HasValue,
                RecentCommunicationErrors = reason == "Communication_Error" ? communicationErrors.Count : 0,
                ClientGaveUp = status == "Disconnected",
                EarlierTokenLifetimeSessions = lifetimeSessions,
                SdkUserAgent = sdkUserAgent,
                Reconnect = ReconnectOutcome.Unknown,
            };
            if (connectedFor.HasValue && thresholds.IsTokenLifetimeSession(connectedFor.Value))
            {
                lifetimeSessions++;
            }

            DisconnectAttribution attribution = DisconnectClassifier.Classify(signals, thresholds);
            diagnosis = new ConnectionDiagnosis(time.GetUtcNow(), status, reason, connectedFor, attribution, Describe(status, reason, connectedFor, attribution));
            LastDiagnosis = diagnosis;
        }

        log?.Invoke(diagnosis.Message);
        Diagnosed?.Invoke(diagnosis);
        return diagnosis;
    }

    private string Describe(string status, string reason, TimeSpan? connectedFor, DisconnectAttribution attribution)
    {
        string when = connectedFor.HasValue
            ? "disconnected " + Minutes(connectedFor.Value) + " after connect"
            : "disconnected before a connect was seen";
        string what;
        switch (attribution.Cause)
        {
            case DisconnectCause.SasTokenExpired:
                what = reason == "Expired_SAS_Token" || reason == "Bad_Credential"
                    ? " with an expired token (" + reason + ")"
                    : ", one token lifetime (" + Minutes(thresholds.TokenLifetime) + ") plus grace: the token was probably not renewed";
                break;
            case DisconnectCause.DuplicateIdentity:
                what = " (" + reason + "), " + attribution.Evidence[0];
                break;
            case DisconnectCause.NoRecovery:
                what = " and the client stopped retrying (" + status + ", " + reason + ")";
                break;
            case DisconnectCause.SdkDefect:
                what = " (" + reason + ") on a device SDK with a known disconnect defect";
                break;
            default:
                what = " (" + reason + "), no known signature: check the network and the keep-alive";
                break;
        }

        return when + what + ": " + string.Join("/", attribution.Rules) + " [" + attribution.Confidence + " confidence]";
    }

    private static string Minutes(TimeSpan value)
    {
        double minutes = Math.Round(value.TotalMinutes, 1);
        return minutes.ToString(minutes % 1 == 0 ? "0" : "0.0", System.Globalization.CultureInfo.InvariantCulture) + " min";
    }

    private static string? LoadedSdkUserAgent()
    {
        foreach (Assembly assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            AssemblyName name = assembly.GetName();
            if (name.Name == "Microsoft.Azure.Devices.Client" && name.Version != null)
            {
                return ".NET/" + name.Version.ToString(3);
            }
        }

        return null;
    }
}
