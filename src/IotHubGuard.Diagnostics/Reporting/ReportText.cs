using System;
using System.Globalization;
using System.Linq;

namespace IotHubGuard.Diagnostics.Reporting;

/// <summary>Small formatting helpers shared by the writers.</summary>
internal static class ReportText
{
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) =>
        time.HasValue ? time.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    public static string Identity(string deviceId, string? moduleId) => moduleId == null ? deviceId : deviceId + "/" + moduleId;

    public static string RuleLink(string rule) => CauseCatalog.RuleDocsBase + rule + ".md";

    public static string Rules(CauseSummary cause) => string.Join(", ", cause.Rules.Count > 0 ? cause.Rules : cause.Info.Rules);

    public static string PrimaryRule(CauseSummary cause) => (cause.Rules.Count > 0 ? cause.Rules : cause.Info.Rules).First();

    public static string Headline(DiagnosisReport report) =>
        N(report.Records) + " connection records, " + N(report.Identities) + " identities, " + Time(report.From) + " .. " + Time(report.To)
        + "; " + N(report.Disconnects404104) + " disconnects with 404104"
        + (report.DisconnectsWithoutCode > 0 ? " and " + N(report.DisconnectsWithoutCode) + " code-less (Event Grid) disconnects"
            + (report.DisconnectsWithoutSignature > 0 ? " (" + N(report.DisconnectsWithoutSignature) + " of them without a signature, possibly clean closes, not attributed)" : string.Empty) : string.Empty);
}
