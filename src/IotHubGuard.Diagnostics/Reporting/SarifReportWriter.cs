using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IotHubGuard.Diagnostics.Reporting;

/// <summary>
/// SARIF 2.1.0: one result per cause, under the cause's most frequent AZIOT rule, with the devices as logical
/// locations. The rules carry the same help links as the analyzers' diagnostics.
/// </summary>
public static class SarifReportWriter
{
    /// <summary>Writes the log.</summary>
    public static void Write(DiagnosisReport report, Stream output, string toolVersion)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "iothubguard-diagnose");
        json.WriteString("version", toolVersion);
        json.WriteString("informationUri", "https://github.com/iothubguard/iothubguard/blob/main/docs/diagnose.md");
        json.WriteStartArray("rules");
        List<string> ruleIds = report.Causes.SelectMany(c => c.Rules).Distinct().OrderBy(r => r, System.StringComparer.Ordinal).ToList();
        foreach (string rule in ruleIds)
        {
            json.WriteStartObject();
            json.WriteString("id", rule);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", DescribeRule(rule, report));
            json.WriteEndObject();
            json.WriteString("helpUri", ReportText.RuleLink(rule));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("results");
        foreach (CauseSummary cause in report.Causes)
        {
            string rule = ReportText.PrimaryRule(cause);
            json.WriteStartObject();
            json.WriteString("ruleId", rule);
            json.WriteNumber("ruleIndex", ruleIds.IndexOf(rule));
            json.WriteString("level", cause.Confidence == Confidence.Low || cause.Cause == DisconnectCause.HubTransient ? "note" : "warning");
            json.WriteStartObject("message");
            json.WriteString("text", cause.Info.Title + ": " + ReportText.N(cause.AffectedDevices) + " device(s), " + ReportText.N(cause.Disconnects)
                + " 404104 disconnect(s), confidence " + cause.Confidence + ". Rules: " + ReportText.Rules(cause) + ". Fix: " + cause.Info.Fix);
            json.WriteEndObject();
            json.WriteStartArray("locations");
            foreach (DisconnectSample sample in cause.Samples)
            {
                json.WriteStartObject();
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("name", ReportText.Identity(sample.DeviceId, sample.ModuleId));
                json.WriteString("kind", "device");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("message");
                json.WriteString("text", ReportText.Time(sample.Time) + ": " + string.Join("; ", sample.Attribution.Evidence));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("properties");
            json.WriteString("cause", cause.Cause.ToString());
            json.WriteNumber("affectedDevices", cause.AffectedDevices);
            json.WriteNumber("disconnects", cause.Disconnects);
            json.WriteString("confidence", cause.Confidence.ToString());
            json.WriteStartArray("rules");
            foreach (string r in cause.Rules)
            {
                json.WriteStringValue(r);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string DescribeRule(string rule, DiagnosisReport report)
    {
        foreach (CauseSummary cause in report.Causes)
        {
            if (cause.Info.Rules.Contains(rule))
            {
                return rule + " catches in code: " + cause.Info.Title;
            }
        }

        return rule;
    }
}
