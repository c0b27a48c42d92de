using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace IotHubGuard.Diagnostics;

/// <summary>
/// The attribution as Kusto queries over the Log Analytics <c>AzureDiagnostics</c> table (category Connections), for
/// fleets whose logs are too large to download. They use only the table's documented columns (<see cref="Columns"/>)
/// and the same thresholds as the engine, declared as <c>let</c> statements at the top of each query.
/// </summary>
public static class KqlQueries
{
    /// <summary>
    /// The <c>AzureDiagnostics</c> columns the queries read: the table's documented columns
    /// (https://learn.microsoft.com/azure/azure-monitor/reference/tables/azurediagnostics) and <c>properties_s</c>, the
    /// Connections properties bag the IoT Hub troubleshooting page parses (deviceId, sdkVersion, protocol).
    /// </summary>
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        "TimeGenerated", "ResourceProvider", "ResourceType", "Category", "OperationName", "Level", "ResultType", "ResultDescription", "properties_s",
    };

    /// <summary>The queries for <paramref name="thresholds"/>.</summary>
    public static IReadOnlyList<KqlQuery> Build(DiagnosisThresholds thresholds)
    {
        if (thresholds == null)
        {
            throw new ArgumentNullException(nameof(thresholds));
        }

        string preamble = Preamble(thresholds);
        return new[]
        {
            new KqlQuery(
                "overview",
                "404104 disconnects per hour, with the companion codes",
                null,
                "one row per hour: 404104 disconnects, identities affected, 401003 and 400027/409002 records in the same hour",
                preamble + """
                Connections
                | summarize Disconnects404104 = countif(ResultType == "404104"), Identities = dcountif(Identity, ResultType == "404104"),
                    Unauthorized401003 = countif(ResultType == "401003"), Duplicate400027 = countif(ResultType in ("400027", "409002"))
                    by Hour = bin(TimeGenerated, 1h)
                | order by Hour asc
                """),
            new KqlQuery(
                "token-expiry",
                "SAS token expired and was not renewed (AZIOT101, AZIOT102, AZIOT103)",
                DisconnectCause.SasTokenExpired,
                "one row per identity: 404104 disconnects with a 401003 within CompanionWindow, and those that ended TokenSessionMin..TokenSessionMax after the connect",
                preamble + Sessions + """
                Sessions
                | join kind=leftouter (Connections | where ResultType == "401003" | project Identity, UnauthorizedTime = TimeGenerated) on Identity
                | extend Near401003 = isnotnull(UnauthorizedTime) and abs(DropTime - UnauthorizedTime) <= CompanionWindow
                | summarize With401003 = max(toint(Near401003)) by Identity, DropTime, SessionMinutes, SdkVersion, Protocol
                | extend AtTokenLifetime = SessionMinutes between (TokenSessionMin / 1m .. TokenSessionMax / 1m)
                | where With401003 == 1 or AtTokenLifetime
                | summarize Disconnects = count(), With401003 = sum(With401003), AtTokenLifetime = countif(AtTokenLifetime),
                    MedianSessionMinutes = percentile(SessionMinutes, 50), SdkVersion = take_any(SdkVersion), Protocol = take_any(Protocol) by Identity
                | order by Disconnects desc
                """),
            new KqlQuery(
                "duplicate-identity",
                "Two connections for one identity (AZIOT205, AZIOT203, AZIOT206)",
                DisconnectCause.DuplicateIdentity,
                "one row per identity: 404104 disconnects with a 400027 (MQTT) or 409002 (AMQP) within CompanionWindow",
                preamble + Drops + """
                Drops
                | join kind=inner (Connections | where ResultType in ("400027", "409002") | project Identity, DuplicateTime = TimeGenerated) on Identity
                | where abs(DropTime - DuplicateTime) <= CompanionWindow
                | summarize Disconnects = dcount(DropTime), FirstSeen = min(DropTime), LastSeen = max(DropTime) by Identity
                | order by Disconnects desc
                """),
            new KqlQuery(
                "fleet-burst",
                "Fleet-wide walls: process exit without close (AZIOT201, AZIOT202, AZIOT206) or a hub-side transient",
                DisconnectCause.ProcessExitWithoutClose,
                "one row per BurstBucket with at least BurstMinDevices identities dropping (and BurstMinFraction of the identities seen); HubSideCodes > 0 means a hub upgrade or incident rather than a deploy",
                preamble + Drops + """
                let FleetSize = toscalar(Connections | summarize dcount(Identity));
                Drops
                | summarize Identities = dcount(Identity) by Bucket = bin(DropTime, BurstBucket)
                | where Identities >= BurstMinDevices and Identities >= BurstMinFraction * FleetSize
                | join kind=leftouter (Connections
                    | where ResultType in ("400029", "400030") or ResultType startswith "5"
                    | summarize HubSideCodes = count() by Bucket = bin(TimeGenerated, BurstBucket)) on Bucket
                | project Bucket, Identities, FleetSize, HubSideCodes = coalesce(HubSideCodes, 0)
                | order by Bucket asc
                """),
            new KqlQuery(
                "never-reconnects",
                "Devices that never reconnected (AZIOT501, AZIOT502)",
                DisconnectCause.NoRecovery,
                "one row per 404104 with no successful connect of the identity afterwards, while the log goes on for at least NeverReconnectAfter",
                preamble + Drops + """
                let LogEnd = toscalar(Connections | summarize max(TimeGenerated));
                Drops
                | join kind=leftouter (Connections | where OperationName == "deviceConnect" and isempty(ResultType) | project Identity, ConnectTime = TimeGenerated) on Identity
                | summarize NextConnect = minif(ConnectTime, ConnectTime > DropTime) by Identity, DropTime
                | where isnull(NextConnect) and LogEnd - DropTime >= NeverReconnectAfter
                | project Identity, DropTime, SilentMinutes = (LogEnd - DropTime) / 1m
                | order by DropTime asc
                """),
            new KqlQuery(
                "sdk-defect",
                "C# SDK versions below the minimum (AZIOT401)",
                DisconnectCause.SdkDefect,
                "one row per C# SDK version below SdkMinimum: identities using it and their 404104 disconnects",
                preamble + """
                Connections
                | where SdkVersion startswith ".NET/" or SdkVersion startswith "Microsoft.Azure.Devices.Client/"
                | extend Version = extract(@"/(\d+\.\d+\.\d+)", 1, SdkVersion)
                | where parse_version(Version) < parse_version(SdkMinimum)
                | summarize Identities = dcount(Identity), Disconnects404104 = countif(ResultType == "404104") by Version
                | order by Disconnects404104 desc
                """),
        };
    }

    /// <summary>A timespan literal: whole minutes as <c>60m</c>, otherwise whole seconds as <c>90s</c>.</summary>
    internal static string Timespan(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerMinute == 0
            ? ((long)value.TotalMinutes).ToString(CultureInfo.InvariantCulture) + "m"
            : ((long)Math.Round(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";

    private const string Drops = """
        let Drops = Connections
        | where OperationName == "deviceDisconnect" and ResultType == "404104"
        | project Identity, DropTime = TimeGenerated, SdkVersion, Protocol;

        """;

    private const string Sessions = Drops + """
        let Sessions = Drops
        | join kind=leftouter (Connections | where OperationName == "deviceConnect" and isempty(ResultType) | project Identity, ConnectTime = TimeGenerated) on Identity
        | summarize ConnectTime = maxif(ConnectTime, ConnectTime <= DropTime) by Identity, DropTime, SdkVersion, Protocol
        | extend SessionMinutes = (DropTime - ConnectTime) / 1m;

        """;

    private static string Preamble(DiagnosisThresholds t)
    {
        var text = new StringBuilder();
        text.Append("// iothubguard diagnose --kql: thresholds ");
        foreach (KeyValuePair<string, string> pair in t.Describe())
        {
            text.Append(pair.Key).Append('=').Append(pair.Value).Append("; ");
        }

        text.Length -= 2;
        text.Append('\n');
        text.Append("let TokenSessionMin = ").Append(Timespan(t.TokenSessionMin)).Append(";\n");
        text.Append("let TokenSessionMax = ").Append(Timespan(t.TokenSessionMax)).Append(";\n");
        text.Append("let CompanionWindow = ").Append(Timespan(t.CompanionWindow)).Append(";\n");
        text.Append("let BurstBucket = ").Append(Timespan(t.BurstBucket)).Append(";\n");
        text.Append("let BurstMinDevices = ").Append(t.BurstMinDevices.ToString(CultureInfo.InvariantCulture)).Append(";\n");
        text.Append("let BurstMinFraction = ").Append(t.BurstMinFraction.ToString("0.###", CultureInfo.InvariantCulture)).Append(";\n");
        text.Append("let NeverReconnectAfter = ").Append(Timespan(t.NeverReconnectAfter)).Append(";\n");
        text.Append("let SdkMinimum = \"").Append(SdkVersionDefects.Format(t.SdkMinimumVersion)).Append("\";\n");
        text.Append("""
            let Connections = AzureDiagnostics
            | where ResourceProvider == "MICROSOFT.DEVICES" and ResourceType == "IOTHUBS" and Category == "Connections"
            | extend Props = parse_json(properties_s)
            | extend DeviceId = tostring(Props.deviceId), ModuleId = tostring(Props.moduleId), SdkVersion = tostring(Props.sdkVersion), Protocol = tostring(Props.protocol)
            | extend Identity = iff(isempty(ModuleId), DeviceId, strcat(DeviceId, "/", ModuleId))
            | project TimeGenerated, Identity, OperationName, Level, ResultType, ResultDescription, SdkVersion, Protocol;

            """);
        return text.ToString().Replace("\r\n", "\n");
    }
}
