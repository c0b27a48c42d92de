using System.Collections.Generic;
using System.IO;

namespace IotHubGuard.Diagnostics.Reporting;

/// <summary>The console summary: causes ranked by affected devices, each with its rules, fix and an example.</summary>
public static class TextReportWriter
{
    /// <summary>Writes the summary.</summary>
    public static void Write(DiagnosisReport report, TextWriter output)
    {
        output.WriteLine("iothubguard diagnose: " + ReportText.Headline(report));
        if (report.InputProblems > 0)
        {
            output.WriteLine("  " + ReportText.N(report.InputProblems) + " unusable input line(s) were skipped (listed on stderr)");
        }

        if (report.LateRecords > 0)
        {
            output.WriteLine("  " + ReportText.N(report.LateRecords) + " record(s) arrived out of time order beyond the reorder window; sessions around them may be misread (raise --reorder-window)");
        }

        output.WriteLine();
        if (report.Causes.Count == 0)
        {
            output.WriteLine("No 404104 disconnects to attribute.");
        }
        else
        {
            output.WriteLine("Causes, by affected devices:");
            int rank = 1;
            foreach (CauseSummary cause in report.Causes)
            {
                output.WriteLine();
                output.WriteLine(" " + rank++ + ". " + cause.Info.Title + "  [" + ReportText.Rules(cause) + "]");
                output.WriteLine("    " + ReportText.N(cause.AffectedDevices) + " device(s), " + ReportText.N(cause.Disconnects) + " disconnect(s) as the main cause, confidence " + cause.Confidence
                    + (cause.ContributingDevices > 0 ? "; also contributing on " + ReportText.N(cause.ContributingDevices) + " other device(s)" : string.Empty));
                output.WriteLine("    Fix: " + cause.Info.Fix);
                output.WriteLine("    Docs: " + ReportText.RuleLink(ReportText.PrimaryRule(cause)));
                if (cause.Samples.Count > 0)
                {
                    DisconnectSample sample = cause.Samples[0];
                    output.WriteLine("    e.g. " + ReportText.Identity(sample.DeviceId, sample.ModuleId) + " at " + ReportText.Time(sample.Time) + ":");
                    foreach (string evidence in sample.Attribution.Evidence)
                    {
                        output.WriteLine("       - " + evidence);
                    }
                }
            }
        }

        output.WriteLine();
        var thresholds = new List<string>();
        foreach (KeyValuePair<string, string> pair in report.Thresholds.Describe())
        {
            thresholds.Add(pair.Key + "=" + pair.Value);
        }

        output.WriteLine("Thresholds: " + string.Join("; ", thresholds));
    }
}
