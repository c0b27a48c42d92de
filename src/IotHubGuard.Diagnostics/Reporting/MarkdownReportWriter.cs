using System.Collections.Generic;
using System.IO;

namespace IotHubGuard.Diagnostics.Reporting;

/// <summary>A Markdown report: a table of causes, then each cause with its fix and examples.</summary>
public static class MarkdownReportWriter
{
    /// <summary>Writes the report.</summary>
    public static void Write(DiagnosisReport report, TextWriter output)
    {
        output.WriteLine("# 404104 diagnosis");
        output.WriteLine();
        output.WriteLine(ReportText.Headline(report) + ".");
        output.WriteLine();
        if (report.Causes.Count == 0)
        {
            output.WriteLine("No 404104 disconnects to attribute.");
        }
        else
        {
            output.WriteLine("| # | Cause | Rules | Devices | Disconnects | Confidence |");
            output.WriteLine("|---|-------|-------|--------:|------------:|------------|");
            int rank = 1;
            foreach (CauseSummary cause in report.Causes)
            {
                var links = new List<string>();
                foreach (string rule in cause.Rules)
                {
                    links.Add("[" + rule + "](" + ReportText.RuleLink(rule) + ")");
                }

                output.WriteLine("| " + rank++ + " | " + Escape(cause.Info.Title) + " | " + string.Join(", ", links) + " | "
                    + ReportText.N(cause.AffectedDevices) + " | " + ReportText.N(cause.Disconnects) + " | " + cause.Confidence + " |");
            }

            foreach (CauseSummary cause in report.Causes)
            {
                output.WriteLine();
                output.WriteLine("## " + cause.Info.Title);
                output.WriteLine();
                output.WriteLine("**Fix:** " + Escape(cause.Info.Fix));
                output.WriteLine();
                foreach (DisconnectSample sample in cause.Samples)
                {
                    output.WriteLine("- `" + ReportText.Identity(sample.DeviceId, sample.ModuleId).Replace("`", "'") + "` at " + ReportText.Time(sample.Time)
                        + " (" + sample.Attribution.Confidence + "): " + Escape(string.Join("; ", sample.Attribution.Evidence)));
                }
            }
        }

        output.WriteLine();
        output.WriteLine("## Thresholds");
        output.WriteLine();
        output.WriteLine("| Name | Value |");
        output.WriteLine("|------|-------|");
        foreach (KeyValuePair<string, string> pair in report.Thresholds.Describe())
        {
            output.WriteLine("| " + pair.Key + " | " + pair.Value + " |");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("<", "&lt;");
}
