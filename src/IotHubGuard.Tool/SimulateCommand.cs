using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotHubGuard.Diagnostics;
using IotHubGuard.Diagnostics.Simulation;

namespace IotHubGuard.Tool;

/// <summary><c>iothubguard simulate</c>: writes a log set of a fleet with known faults (to try diagnose, and for the benchmark).</summary>
internal static class SimulateCommand
{
    private static readonly HashSet<string> Valued = new HashSet<string>(StringComparer.Ordinal)
    {
        "--out", "--devices", "--hours", "--seed", "--shape", "--max-records", "--fleet",
    };

    public static int Run(IReadOnlyList<string> args, TextWriter stdout)
    {
        CommandLine line = CommandLine.Parse(args, new HashSet<string>(), Valued);
        string output = line.Get("--out") ?? throw new UsageException("simulate needs --out <file>.");
        int devices = (int)(line.GetNumber("--devices", 10, 10_000_000) ?? 200);
        double hours = line.GetNumber("--hours", 3, 24 * 7) ?? 8;
        int seed = (int)(line.GetNumber("--seed", 0, int.MaxValue) ?? 1);
        long maxRecords = (long)(line.GetNumber("--max-records", 1, long.MaxValue) ?? long.MaxValue);
        SimulatedExport shape = line.Get("--shape") switch
        {
            null or "storage" => SimulatedExport.StorageJsonLines,
            "records" => SimulatedExport.RecordsDocument,
            "la-json" => SimulatedExport.LogAnalyticsJson,
            "la-csv" => SimulatedExport.LogAnalyticsCsv,
            "eventgrid" => SimulatedExport.EventGrid,
            string other => throw new UsageException("--shape must be storage, records, la-json, la-csv or eventgrid (got '" + other + "')."),
        };

        string? fleet = line.Get("--fleet");
        FleetScenario scenario = fleet == null ? FleetScenario.Mixed(devices, seed, TimeSpan.FromHours(hours)) : ParseFleet(fleet, seed, TimeSpan.FromHours(hours));
        devices = scenario.Groups.Sum(g => g.Count);
        IEnumerable<ConnectionRecord> records = new FleetSimulator(scenario).Generate().Take((int)Math.Min(int.MaxValue, maxRecords));
        long count = 0;
        using (var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            LogExportWriter.Write(records.Select(r => { count++; return r; }), stream, shape);
        }

        stdout.WriteLine("wrote " + count + " records of " + devices + " devices to " + output);
        return ExitCodes.Clean;
    }

    /// <summary>Parses <c>Fault=count,Fault=count</c> (fault names as in <see cref="SimulatedFault"/>).</summary>
    public static FleetScenario ParseFleet(string text, int seed, TimeSpan duration)
    {
        var scenario = new FleetScenario { Seed = seed, Duration = duration };
        foreach (string part in text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            string[] pair = part.Split('=');
            if (pair.Length != 2 || !Enum.TryParse(pair[0].Trim(), ignoreCase: true, out SimulatedFault fault)
                || !int.TryParse(pair[1].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count) || count < 1)
            {
                throw new UsageException("--fleet takes Fault=count pairs, e.g. Healthy=20,FixedToken=3 (faults: "
                    + string.Join(", ", Enum.GetNames(typeof(SimulatedFault))) + "); got '" + part + "'.");
            }

            scenario.With(fault, count);
        }

        return scenario;
    }
}
