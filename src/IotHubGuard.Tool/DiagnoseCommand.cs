using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using IotHubGuard.Diagnostics;
using IotHubGuard.Diagnostics.Reporting;

namespace IotHubGuard.Tool;

/// <summary><c>iothubguard diagnose</c>: read, attribute, report.</summary>
internal sealed class DiagnoseCommand
{
    private const long ProgressThresholdBytes = 20L * 1024 * 1024;

    private static readonly HashSet<string> Flags = new HashSet<string>(StringComparer.Ordinal) { "--kql", "--progress", "--quiet" };

    private static readonly HashSet<string> Valued = new HashSet<string>(StringComparer.Ordinal)
    {
        "--format", "--output", "--html", "--max-problems", "--token-lifetime", "--token-grace", "--companion-window",
        "--burst-min-devices", "--burst-min-fraction", "--never-reconnect-after", "--reorder-window", "--sdk-minimum-version",
    };

    private readonly TextWriter stdout;
    private readonly TextWriter stderr;

    public DiagnoseCommand(TextWriter stdout, TextWriter stderr)
    {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public int Run(IReadOnlyList<string> args)
    {
        CommandLine line = CommandLine.Parse(args, Flags, Valued);
        DiagnosisThresholds thresholds = ReadThresholds(line);
        ReportFormat format = ReadFormat(line.Get("--format"));

        if (line.Has("--kql"))
        {
            foreach (KqlQuery query in KqlQueries.Build(thresholds))
            {
                stdout.WriteLine("// ---- " + query.Id + ": " + query.Title);
                stdout.WriteLine("// returns " + query.Returns);
                stdout.WriteLine(query.Text);
            }

            return ExitCodes.Clean;
        }

        if (line.Positional.Count == 0)
        {
            throw new UsageException("diagnose needs at least one file or folder.");
        }

        int maxProblems = (int)(line.GetNumber("--max-problems", 0, int.MaxValue) ?? 20);
        var missing = new List<string>();
        IReadOnlyList<string> files = ConnectionLogReader.ExpandInputs(line.Positional, missing.Add);
        foreach (string path in missing)
        {
            stderr.WriteLine("iothubguard: " + path + ": no such file or folder");
        }

        long totalBytes = files.Sum(f => new FileInfo(f).Length);
        bool progress = !line.Has("--quiet") && (line.Has("--progress") || totalBytes >= ProgressThresholdBytes);

        long problems = 0;
        var reader = new ConnectionLogReader(problem =>
        {
            problems++;
            if (problems <= maxProblems)
            {
                stderr.WriteLine(problem.ToString());
            }
        });

        var engine = new AttributionEngine(thresholds);
        var clock = Stopwatch.StartNew();
        TimeSpan nextProgress = TimeSpan.FromSeconds(1);
        foreach (string file in files)
        {
            IEnumerable<ConnectionRecord> records;
            try
            {
                records = reader.ReadFile(file);
                foreach (ConnectionRecord record in records)
                {
                    engine.Add(record);
                    if (progress && (engine.RecordsAdded & 0x3FFF) == 0 && clock.Elapsed >= nextProgress)
                    {
                        nextProgress = clock.Elapsed + TimeSpan.FromSeconds(1);
                        ReportProgress(engine.RecordsAdded, reader.BytesRead, totalBytes, clock.Elapsed);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                problems++;
                stderr.WriteLine(file + ": cannot read (" + ex.Message + ")");
            }
        }

        DiagnosisReport report = engine.Complete();
        report.InputProblems = problems;
        if (progress)
        {
            ReportProgress(engine.RecordsAdded, totalBytes, totalBytes, clock.Elapsed);
            stderr.WriteLine();
        }

        if (problems > maxProblems)
        {
            stderr.WriteLine("... and " + (problems - maxProblems).ToString("N0", CultureInfo.InvariantCulture) + " more unusable line(s)");
        }

        WriteReport(report, format, line.Get("--output"));
        string? html = line.Get("--html");
        if (html != null)
        {
            using var writer = new StreamWriter(html, append: false, new UTF8Encoding(false));
            HtmlReportWriter.Write(report, writer);
        }

        if (report.Records == 0)
        {
            stderr.WriteLine("iothubguard: no usable Connections record in the input.");
            return ExitCodes.NoInput;
        }

        return report.AttributedDisconnects > 0 ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private void WriteReport(DiagnosisReport report, ReportFormat format, string? outputPath)
    {
        Stream stream = outputPath == null ? Console.OpenStandardOutput() : new FileStream(outputPath, FileMode.Create, FileAccess.Write);
        try
        {
            switch (format)
            {
                case ReportFormat.Json:
                    stdout.Flush();
                    JsonReportWriter.Write(report, stream);
                    break;
                case ReportFormat.Sarif:
                    stdout.Flush();
                    SarifReportWriter.Write(report, stream, Program.Version);
                    break;
                default:
                    TextWriter writer = outputPath == null ? stdout : new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                    if (format == ReportFormat.Markdown)
                    {
                        MarkdownReportWriter.Write(report, writer);
                    }
                    else
                    {
                        TextReportWriter.Write(report, writer);
                    }

                    writer.Flush();
                    break;
            }

            stream.Flush();
        }
        finally
        {
            if (outputPath != null)
            {
                stream.Dispose();
            }
        }
    }

    private void ReportProgress(long records, long bytes, long total, TimeSpan elapsed)
    {
        double rate = records / Math.Max(0.001, elapsed.TotalSeconds);
        string percent = total > 0 ? " (" + Math.Min(100, 100 * bytes / total).ToString(CultureInfo.InvariantCulture) + " %)" : string.Empty;
        stderr.Write("\r  " + records.ToString("N0", CultureInfo.InvariantCulture) + " records" + percent + ", "
            + rate.ToString("N0", CultureInfo.InvariantCulture) + " records/s   ");
        stderr.Flush();
    }

    private static ReportFormat ReadFormat(string? text) => text switch
    {
        null or "text" => ReportFormat.Text,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        "markdown" or "md" => ReportFormat.Markdown,
        _ => throw new UsageException("--format must be text, json, sarif or markdown (got '" + text + "')."),
    };

    private static DiagnosisThresholds ReadThresholds(CommandLine line)
    {
        var t = new DiagnosisThresholds();
        t.TokenLifetime = Minutes(line, "--token-lifetime", 1, 60 * 24 * 30) ?? t.TokenLifetime;
        t.TokenExpiryGrace = Minutes(line, "--token-grace", 0, 24 * 60) ?? t.TokenExpiryGrace;
        t.CompanionWindow = Minutes(line, "--companion-window", 0, 60) ?? t.CompanionWindow;
        t.NeverReconnectAfter = Minutes(line, "--never-reconnect-after", 1, 60 * 24 * 30) ?? t.NeverReconnectAfter;
        t.ReorderWindow = Minutes(line, "--reorder-window", 0, 24 * 60) ?? t.ReorderWindow;
        t.BurstMinDevices = (int)(line.GetNumber("--burst-min-devices", 2, int.MaxValue) ?? t.BurstMinDevices);
        t.BurstMinFraction = line.GetNumber("--burst-min-fraction", 0, 1) ?? t.BurstMinFraction;
        string? sdk = line.Get("--sdk-minimum-version");
        if (sdk != null)
        {
            if (!IotHubGuardVersion.TryParse(sdk, out Version version))
            {
                throw new UsageException("--sdk-minimum-version must be a version like 1.42.0 (got '" + sdk + "').");
            }

            t.SdkMinimumVersion = version;
        }

        return t;
    }

    private static TimeSpan? Minutes(CommandLine line, string name, double min, double max)
    {
        double? value = line.GetNumber(name, min, max);
        return value.HasValue ? TimeSpan.FromMinutes(value.Value) : null;
    }
}
