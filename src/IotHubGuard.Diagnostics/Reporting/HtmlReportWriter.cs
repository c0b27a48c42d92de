using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;

namespace IotHubGuard.Diagnostics.Reporting;

/// <summary>
/// A self-contained HTML page (inline CSS and SVG, no scripts, no external resources): the causes, a histogram of
/// session lengths with the token-lifetime window marked, and a timeline of connects and disconnects per device,
/// so the 60-minute comb or the deploy-time wall shows at a glance.
/// </summary>
public static class HtmlReportWriter
{
    private const int TimelineRows = 40;
    private const int Width = 960;

    private static readonly string[] CauseColours = { "#d62728", "#9467bd", "#ff7f0e", "#7f7f7f", "#8c564b", "#e377c2", "#bcbd22" };

    /// <summary>Writes the page.</summary>
    public static void Write(DiagnosisReport report, TextWriter output)
    {
        output.WriteLine("<!DOCTYPE html>");
        output.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>iothubguard diagnose: 404104 report</title>");
        output.WriteLine("<style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
            + "th{background:#f4f4f4}.n{text-align:right}svg{background:#fafafa;border:1px solid #ddd}.legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:10px;height:10px;margin-right:4px}</style>");
        output.WriteLine("</head><body>");
        output.WriteLine("<h1>404104 diagnosis</h1>");
        output.WriteLine("<p>" + E(ReportText.Headline(report)) + ".</p>");

        WriteCauses(report, output);
        output.WriteLine("<h2>Session lengths</h2>");
        output.WriteLine("<p>Sessions ended by an attributed disconnect (red) over all sessions that ended (grey), in "
            + report.AllSessions.BucketWidth.TotalMinutes.ToString(CultureInfo.InvariantCulture) + "-minute buckets. The shaded band is one token lifetime plus the hub's grace ("
            + E(DiagnosisThresholds.Minutes(report.Thresholds.TokenSessionMin)) + " .. " + E(DiagnosisThresholds.Minutes(report.Thresholds.TokenSessionMax)) + ").</p>");
        WriteHistogram(report, output);
        output.WriteLine("<h2>Timelines</h2>");
        WriteLegend(output);
        WriteTimelines(report, output);

        output.WriteLine("<h2>Thresholds</h2><table>");
        foreach (KeyValuePair<string, string> pair in report.Thresholds.Describe())
        {
            output.WriteLine("<tr><th>" + E(pair.Key) + "</th><td>" + E(pair.Value) + "</td></tr>");
        }

        output.WriteLine("</table></body></html>");
    }

    private static void WriteCauses(DiagnosisReport report, TextWriter output)
    {
        output.WriteLine("<h2>Causes</h2>");
        if (report.Causes.Count == 0)
        {
            output.WriteLine("<p>No 404104 disconnects to attribute.</p>");
            return;
        }

        output.WriteLine("<table><tr><th>#</th><th>Cause</th><th>Rules</th><th class=\"n\">Devices</th><th class=\"n\">Disconnects</th><th>Confidence</th><th>Fix</th><th>Example</th></tr>");
        int rank = 1;
        foreach (CauseSummary cause in report.Causes)
        {
            string rules = string.Join(", ", cause.Rules.Select(r => "<a href=\"" + E(ReportText.RuleLink(r)) + "\">" + E(r) + "</a>"));
            string example = cause.Samples.Count == 0 ? string.Empty
                : E(ReportText.Identity(cause.Samples[0].DeviceId, cause.Samples[0].ModuleId)) + " at " + E(ReportText.Time(cause.Samples[0].Time)) + "<ul>"
                    + string.Concat(cause.Samples[0].Attribution.Evidence.Select(e => "<li>" + E(e) + "</li>")) + "</ul>";
            output.WriteLine("<tr><td>" + rank++ + "</td><td><span class=\"sw\" style=\"background:" + Colour(cause.Cause) + "\"></span>" + E(cause.Info.Title) + "</td><td>" + rules
                + "</td><td class=\"n\">" + ReportText.N(cause.AffectedDevices) + "</td><td class=\"n\">" + ReportText.N(cause.Disconnects) + "</td><td>" + cause.Confidence
                + "</td><td>" + E(cause.Info.Fix) + "</td><td>" + example + "</td></tr>");
        }

        output.WriteLine("</table>");
    }

    private static void WriteHistogram(DiagnosisReport report, TextWriter output)
    {
        const int Height = 220, Left = 50, Bottom = 30;
        IReadOnlyList<long> all = report.AllSessions.Counts;
        IReadOnlyList<long> attributed = report.AttributedSessions.Counts;
        long max = Math.Max(1, all.Concat(attributed).Max());
        double barWidth = (Width - Left - 10) / (double)all.Count;
        double bucketMinutes = report.AllSessions.BucketWidth.TotalMinutes;
        output.WriteLine("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Width + "\" height=\"" + Height + "\" role=\"img\" aria-label=\"session length histogram\">");
        double bandFrom = Left + (report.Thresholds.TokenSessionMin.TotalMinutes / bucketMinutes * barWidth);
        double bandTo = Left + (Math.Min(report.Thresholds.TokenSessionMax.TotalMinutes, bucketMinutes * (all.Count - 1)) / bucketMinutes * barWidth);
        output.WriteLine(Rect(bandFrom, 5, Math.Max(1, bandTo - bandFrom), Height - Bottom - 5, "#fde0dd", "token lifetime window"));
        for (int i = 0; i < all.Count; i++)
        {
            double x = Left + (i * barWidth);
            double h = (Height - Bottom - 10) * all[i] / (double)max;
            double ha = (Height - Bottom - 10) * attributed[i] / (double)max;
            string range = (i * bucketMinutes).ToString(CultureInfo.InvariantCulture) + (i == all.Count - 1 ? "+ min" : "-" + ((i + 1) * bucketMinutes).ToString(CultureInfo.InvariantCulture) + " min");
            output.WriteLine(Rect(x + 1, Height - Bottom - h, barWidth - 2, h, "#bbbbbb", range + ": " + all[i] + " sessions"));
            output.WriteLine(Rect(x + 1, Height - Bottom - ha, barWidth - 2, ha, "#d62728", range + ": " + attributed[i] + " ended by 404104"));
            if (i % 3 == 0)
            {
                output.WriteLine("<text x=\"" + F(x) + "\" y=\"" + (Height - 12) + "\" font-size=\"10\">" + (i * bucketMinutes).ToString(CultureInfo.InvariantCulture) + "</text>");
            }
        }

        output.WriteLine("<text x=\"4\" y=\"14\" font-size=\"10\">" + max + "</text><text x=\"" + (Width - 60) + "\" y=\"" + (Height - 2) + "\" font-size=\"10\">minutes</text></svg>");
    }

    private static void WriteLegend(TextWriter output)
    {
        output.Write("<p class=\"legend\"><span><span class=\"sw\" style=\"background:#2ca02c\"></span>connected</span><span><span class=\"sw\" style=\"background:#999\"></span>other disconnect or error</span>");
        foreach (DisconnectCause cause in Enum.GetValues(typeof(DisconnectCause)))
        {
            output.Write("<span><span class=\"sw\" style=\"background:" + Colour(cause) + "\"></span>" + E(CauseCatalog.Get(cause).Title) + "</span>");
        }

        output.WriteLine("</p>");
    }

    private static void WriteTimelines(DiagnosisReport report, TextWriter output)
    {
        List<DeviceTimeline> rows = report.Timelines.Where(t => t.Events.Count > 0).Take(TimelineRows).ToList();
        if (rows.Count == 0 || !report.From.HasValue || !report.To.HasValue)
        {
            output.WriteLine("<p>No timelines.</p>");
            return;
        }

        const int RowHeight = 18, Left = 200, Top = 20;
        DateTimeOffset from = report.From.Value, to = report.To.Value;
        double span = Math.Max(1, (to - from).TotalSeconds);
        double plot = Width - Left - 10;
        int height = Top + (rows.Count * RowHeight) + 10;
        output.WriteLine("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Width + "\" height=\"" + height + "\" role=\"img\" aria-label=\"device timelines\">");
        for (int hour = 0; hour <= (int)(span / 3600); hour++)
        {
            double x = Left + (hour * 3600 / span * plot);
            output.WriteLine("<line x1=\"" + F(x) + "\" y1=\"" + Top + "\" x2=\"" + F(x) + "\" y2=\"" + (height - 10) + "\" stroke=\"#e5e5e5\"/>");
            output.WriteLine("<text x=\"" + F(x + 2) + "\" y=\"12\" font-size=\"10\">" + E(from.AddHours(hour).UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)) + "</text>");
        }

        for (int row = 0; row < rows.Count; row++)
        {
            DeviceTimeline timeline = rows[row];
            double y = Top + (row * RowHeight);
            output.WriteLine("<text x=\"4\" y=\"" + F(y + 12) + "\" font-size=\"11\">" + E(Clip(ReportText.Identity(timeline.DeviceId, timeline.ModuleId), 30)) + "</text>");
            DateTimeOffset? open = null;
            foreach (TimelineEvent item in timeline.Events)
            {
                double x = Left + ((item.Time - from).TotalSeconds / span * plot);
                if (item.Operation == ConnectionOperation.Connect && item.Code == null)
                {
                    open ??= item.Time;
                    continue;
                }

                if (item.Operation == ConnectionOperation.Disconnect && open.HasValue)
                {
                    double x0 = Left + ((open.Value - from).TotalSeconds / span * plot);
                    output.WriteLine(Rect(x0, y + 5, Math.Max(1, x - x0), 6, "#2ca02c", "connected " + ReportText.Time(open) + " .. " + ReportText.Time(item.Time)));
                    open = null;
                }

                string colour = item.Cause.HasValue ? Colour(item.Cause.Value) : "#999";
                string title = ReportText.Time(item.Time) + " " + (item.Operation == ConnectionOperation.Connect ? "connect failed " : "disconnect ")
                    + (item.Code?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + (item.Cause.HasValue ? ": " + CauseCatalog.Get(item.Cause.Value).Title : string.Empty);
                output.WriteLine(Rect(x - 1, y + 1, 3, RowHeight - 4, colour, title));
            }

            if (open.HasValue)
            {
                double x0 = Left + ((open.Value - from).TotalSeconds / span * plot);
                output.WriteLine(Rect(x0, y + 5, Math.Max(1, Left + plot - x0), 6, "#2ca02c", "connected from " + ReportText.Time(open)));
            }
        }

        output.WriteLine("</svg>");
        if (report.Timelines.Count > rows.Count)
        {
            output.WriteLine("<p>" + rows.Count + " of " + report.Timelines.Count + " tracked identities shown, those with attributed disconnects first.</p>");
        }
    }

    private static string Rect(double x, double y, double w, double h, string fill, string title) =>
        "<rect x=\"" + F(x) + "\" y=\"" + F(y) + "\" width=\"" + F(w) + "\" height=\"" + F(h) + "\" fill=\"" + fill + "\"><title>" + E(title) + "</title></rect>";

    private static string Colour(DisconnectCause cause) => CauseColours[(int)cause % CauseColours.Length];

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Clip(string text, int length) => text.Length <= length ? text : text.Substring(0, length - 1) + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
