using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IotHubGuard.Diagnostics.Reporting;

/// <summary>The report as JSON (schema: the property names below; stable within a major version).</summary>
public static class JsonReportWriter
{
    /// <summary>Writes the report.</summary>
    public static void Write(DiagnosisReport report, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", "iothubguard diagnose");
        json.WriteNumber("records", report.Records);
        json.WriteNumber("identities", report.Identities);
        json.WriteNumber("disconnects404104", report.Disconnects404104);
        json.WriteNumber("disconnectsWithoutCode", report.DisconnectsWithoutCode);
        json.WriteNumber("disconnectsWithoutSignature", report.DisconnectsWithoutSignature);
        json.WriteNumber("inputProblems", report.InputProblems);
        json.WriteNumber("lateRecords", report.LateRecords);
        WriteTime(json, "from", report);
        json.WriteString("to", report.To.HasValue ? ReportText.Time(report.To) : null);
        json.WriteStartObject("thresholds");
        foreach (KeyValuePair<string, string> pair in report.Thresholds.Describe())
        {
            json.WriteString(pair.Key, pair.Value);
        }

        json.WriteEndObject();
        json.WriteStartArray("causes");
        foreach (CauseSummary cause in report.Causes)
        {
            json.WriteStartObject();
            json.WriteString("cause", cause.Cause.ToString());
            json.WriteString("title", cause.Info.Title);
            WriteStrings(json, "rules", cause.Rules);
            json.WriteString("fix", cause.Info.Fix);
            json.WriteNumber("affectedDevices", cause.AffectedDevices);
            json.WriteNumber("disconnects", cause.Disconnects);
            json.WriteNumber("contributingDevices", cause.ContributingDevices);
            json.WriteString("confidence", cause.Confidence.ToString());
            json.WriteStartObject("byConfidence");
            json.WriteNumber("high", cause.ByConfidence[(int)Confidence.High]);
            json.WriteNumber("medium", cause.ByConfidence[(int)Confidence.Medium]);
            json.WriteNumber("low", cause.ByConfidence[(int)Confidence.Low]);
            json.WriteEndObject();
            json.WriteStartArray("samples");
            foreach (DisconnectSample sample in cause.Samples)
            {
                json.WriteStartObject();
                json.WriteString("deviceId", sample.DeviceId);
                if (sample.ModuleId != null)
                {
                    json.WriteString("moduleId", sample.ModuleId);
                }

                json.WriteString("time", ReportText.Time(sample.Time));
                json.WriteString("confidence", sample.Attribution.Confidence.ToString());
                WriteStrings(json, "rules", sample.Attribution.Rules);
                WriteStrings(json, "evidence", sample.Attribution.Evidence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteHistogram(json, "sessionMinutes", report.AllSessions);
        WriteHistogram(json, "attributedSessionMinutes", report.AttributedSessions);
        json.WriteStartArray("devices");
        foreach (DeviceSummary device in report.Devices)
        {
            json.WriteStartObject();
            json.WriteString("deviceId", device.DeviceId);
            if (device.ModuleId != null)
            {
                json.WriteString("moduleId", device.ModuleId);
            }

            json.WriteString("mainCause", device.MainCause.ToString());
            json.WriteNumber("disconnects", device.Disconnects);
            json.WriteString("sdkVersion", device.SdkUserAgent);
            json.WriteString("protocol", device.Protocol);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DiagnosisReport report) =>
        json.WriteString(name, report.From.HasValue ? ReportText.Time(report.From) : null);

    private static void WriteHistogram(Utf8JsonWriter json, string name, SessionHistogram histogram)
    {
        json.WriteStartObject(name);
        json.WriteNumber("bucketMinutes", histogram.BucketWidth.TotalMinutes);
        json.WriteStartArray("counts");
        foreach (long count in histogram.Counts)
        {
            json.WriteNumberValue(count);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
