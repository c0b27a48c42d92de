using System;
using System.Collections.Generic;
using System.Globalization;

namespace IotHubGuard.Diagnostics;

/// <summary>
/// Names the most likely cause of one disconnect from its signals. One function for the log attribution and the
/// runtime monitor, so both say the same thing for the same facts. Order of precedence: a second connection (its
/// code is unambiguous), then the token signature (a session length in the token window alone yields to a fleet-wide
/// wall: a deploy an hour after the last one is not a token), then a fleet-wide wall, then no recovery, then an SDK defect.
/// </summary>
public static class DisconnectClassifier
{
    /// <summary>Classifies one disconnect.</summary>
    public static DisconnectAttribution Classify(DisconnectSignals signals, DiagnosisThresholds thresholds)
    {
        if (signals == null)
        {
            throw new ArgumentNullException(nameof(signals));
        }

        if (thresholds == null)
        {
            throw new ArgumentNullException(nameof(thresholds));
        }

        var evidence = new List<string>();
        var contributing = new List<DisconnectCause>();
        Version? sdk = SdkUserAgent.TryGetCSharpSdkVersion(signals.SdkUserAgent);
        SdkDefect? defect = sdk != null && SdkVersionDefects.Compare(sdk, thresholds.SdkMinimumVersion) < 0 ? SdkVersionDefects.FindWorstDefect(sdk) : null;
        bool rawMqtt = string.IsNullOrEmpty(signals.SdkUserAgent) && SdkUserAgent.IsMqtt(signals.Protocol);
        bool tokenSession = signals.SessionLength.HasValue && thresholds.IsTokenLifetimeSession(signals.SessionLength.Value);
        string session = signals.SessionLength.HasValue
            ? "the connection had been open " + DisconnectAttribution.Format(signals.SessionLength.Value)
            : "the connect is not in the log";

        DisconnectCause cause;
        Confidence confidence;
        var rules = new List<string>();

        bool cycling = signals.RecentCommunicationErrors >= thresholds.DuplicateCycleMin;
        bool gaveUp = signals.ClientGaveUp || signals.Reconnect == ReconnectOutcome.NeverReconnected;
        if (signals.DuplicateReported || signals.OverlappingConnect || cycling)
        {
            cause = DisconnectCause.DuplicateIdentity;
            confidence = signals.DuplicateReported ? Confidence.High : Confidence.Medium;
            if (signals.DuplicateReported)
            {
                evidence.Add("400027 ConnectionForcefullyClosedOnNewConnection (or AMQP 409002) beside it: another connection took over the same identity");
            }

            if (signals.OverlappingConnect)
            {
                evidence.Add("a second connect for the same identity arrived while a connection was open");
            }

            if (cycling)
            {
                evidence.Add(signals.RecentCommunicationErrors.ToString(CultureInfo.InvariantCulture) + " communication-error disconnects within "
                    + DiagnosisThresholds.Minutes(thresholds.DuplicateCycleWindow) + ": the pattern of two clients taking the identity from each other (400027)");
            }

            evidence.Add(session);
            rules.AddRange(CauseCatalog.Get(cause).Rules);
        }
        else if (signals.ReconnectRejectedUnauthorized || signals.TokenExpiredReported || (tokenSession && !signals.FleetBurst))
        {
            cause = DisconnectCause.SasTokenExpired;
            int strong = (signals.TokenExpiredReported ? 1 : 0) + (tokenSession ? 1 : 0) + (signals.ReconnectRejectedUnauthorized ? 1 : 0)
                + (signals.EarlierTokenLifetimeSessions >= thresholds.RhythmMinSessions ? 1 : 0);
            confidence = strong >= 2 ? Confidence.High : signals.TokenExpiredReported || signals.ReconnectRejectedUnauthorized ? Confidence.Medium : Confidence.Low;
            if (signals.TokenExpiredReported)
            {
                evidence.Add("401003 IotHubUnauthorized beside it: the hub closed the connection because the SAS token expired");
            }

            if (signals.SessionLength.HasValue)
            {
                evidence.Add(session + (tokenSession
                    ? ", one token lifetime (" + DiagnosisThresholds.Minutes(thresholds.TokenLifetime) + ") plus the hub's grace"
                    : string.Empty));
            }

            if (signals.EarlierTokenLifetimeSessions > 0)
            {
                evidence.Add(signals.EarlierTokenLifetimeSessions.ToString(CultureInfo.InvariantCulture) + " earlier session(s) of this identity ended the same way (the token-lifetime rhythm)");
            }

            if (signals.ReconnectRejectedUnauthorized)
            {
                evidence.Add("the reconnect attempts were rejected with 401003: the device reconnects with the same, expired token");
                rules.Add(RuleIds.FixedSasToken);
            }

            if (!signals.ReconnectRejectedUnauthorized && signals.Reconnect == ReconnectOutcome.Reconnected && signals.ReconnectGap.HasValue
                && signals.ReconnectGap.Value <= thresholds.CompanionWindow && sdk != null)
            {
                evidence.Add("it reconnected " + DisconnectAttribution.Format(signals.ReconnectGap.Value)
                    + " later: if it authenticates with a device key, this is the SDK's documented renewal by reconnect over MQTT (harmless); a fixed token would not get back in");
            }

            if (rawMqtt)
            {
                evidence.Add("no sdkVersion and protocol " + signals.Protocol + ": a raw MQTT client with a fixed password");
                rules.Add(RuleIds.MqttFixedPassword);
            }

            foreach (string rule in new[] { RuleIds.FixedSasToken, RuleIds.SasLifetimeOutOfRange })
            {
                if (!rules.Contains(rule))
                {
                    rules.Add(rule);
                }
            }
        }
        else if (signals.FleetBurst)
        {
            string wall = signals.BurstDevices.ToString(CultureInfo.InvariantCulture) + " devices lost their connection in the same "
                + DiagnosisThresholds.Minutes(thresholds.BurstBucket)
                + (signals.BurstConnectedBefore > 0 ? " (" + Percent(signals.BurstDevices, signals.BurstConnectedBefore) + " of those connected)" : string.Empty);
            evidence.Add(wall);
            if (signals.HubSideCodes)
            {
                cause = DisconnectCause.HubTransient;
                confidence = Confidence.Medium;
                evidence.Add("hub-side codes (400029/400030/5xxxxx) in the same minute: a service upgrade or incident");
            }
            else
            {
                cause = DisconnectCause.ProcessExitWithoutClose;
                confidence = signals.SdkChangedOnReconnect ? Confidence.High : Confidence.Medium;
                if (signals.SdkChangedOnReconnect)
                {
                    evidence.Add("the device came back with a different sdkVersion: a new build was deployed and the old process exited without closing");
                }
                else if (signals.Reconnect == ReconnectOutcome.Reconnected && signals.ReconnectGap.HasValue)
                {
                    evidence.Add("it reconnected " + DisconnectAttribution.Format(signals.ReconnectGap.Value) + " later, as after a restart");
                }
            }

            rules.AddRange(CauseCatalog.Get(cause).Rules);
        }
        else if (gaveUp)
        {
            cause = DisconnectCause.NoRecovery;
            confidence = Confidence.High;
            evidence.Add(signals.ClientGaveUp
                ? "the client stopped retrying (status Disconnected)"
                : "no reconnect in the " + DisconnectAttribution.Format(signals.ObservedAfter) + " of log that followed (never-reconnect-after " + DiagnosisThresholds.Minutes(thresholds.NeverReconnectAfter) + ")");
            evidence.Add(session);
            rules.AddRange(CauseCatalog.Get(cause).Rules);
        }
        else if (defect != null)
        {
            cause = DisconnectCause.SdkDefect;
            confidence = defect.Severity >= 5 ? Confidence.Medium : Confidence.Low;
            rules.AddRange(CauseCatalog.Get(cause).Rules);
        }
        else
        {
            cause = DisconnectCause.LinkLost;
            confidence = Confidence.Low;
            evidence.Add(session + "; no token, duplicate or fleet-wide signature");
            rules.AddRange(CauseCatalog.Get(cause).Rules);
        }

        if (defect != null)
        {
            evidence.Add("sdkVersion " + SdkVersionDefects.Format(sdk!) + " is below " + SdkVersionDefects.Format(thresholds.SdkMinimumVersion)
                + " and has a known defect: " + defect.Summary + " (" + defect.Source + ")");
            if (cause != DisconnectCause.SdkDefect)
            {
                contributing.Add(DisconnectCause.SdkDefect);
                rules.Add(RuleIds.SdkTooOld);
            }
        }

        if (gaveUp && cause != DisconnectCause.NoRecovery)
        {
            contributing.Add(DisconnectCause.NoRecovery);
            evidence.Add(signals.ClientGaveUp ? "the client stopped retrying" : "it never reconnected (" + DisconnectAttribution.Format(signals.ObservedAfter) + " of log after it)");
            foreach (string rule in CauseCatalog.Get(DisconnectCause.NoRecovery).Rules)
            {
                if (!rules.Contains(rule))
                {
                    rules.Add(rule);
                }
            }
        }

        return new DisconnectAttribution(cause, confidence, rules, evidence, contributing);
    }

    private static string Percent(int part, int whole) =>
        (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + " %";
}
