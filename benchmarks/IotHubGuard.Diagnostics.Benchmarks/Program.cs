using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using IotHubGuard.Diagnostics;
using IotHubGuard.Diagnostics.Simulation;

// Usage:
//   dotnet run -c Release --project benchmarks/IotHubGuard.Diagnostics.Benchmarks [-- --records 1000000] [--shape storage|records] [--keep]
// Generates a mixed fleet's log with exactly --records records (once, in a child-free step), then measures reading and
// attributing it in a fresh child process, so the generator's memory does not count in the peak.
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length >= 2 && args[0] == "measure")
        {
            return Measure(args[1]);
        }

        long records = long.Parse(Option(args, "--records") ?? "1000000", CultureInfo.InvariantCulture);
        int devices = int.Parse(Option(args, "--devices") ?? Math.Max(100, records / 12).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        double hours = double.Parse(Option(args, "--hours") ?? "6", CultureInfo.InvariantCulture);
        SimulatedExport shape = Option(args, "--shape") == "records" ? SimulatedExport.RecordsDocument : SimulatedExport.StorageJsonLines;
        string file = Path.Combine(Path.GetTempPath(), "iothubguard-bench-" + records + "-" + devices + "-" + hours.ToString(CultureInfo.InvariantCulture) + "h-" + shape + ".json");
        if (!File.Exists(file))
        {
            Generate(file, records, devices, TimeSpan.FromHours(hours), shape);
        }

        string self = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(self) { UseShellExecute = false };
        start.ArgumentList.Add("measure");
        start.ArgumentList.Add(file);
        using (Process child = Process.Start(start)!)
        {
            child.WaitForExit();
            if (!args.Contains("--keep"))
            {
                File.Delete(file);
            }

            return child.ExitCode;
        }
    }

    private static void Generate(string file, long records, int devices, TimeSpan duration, SimulatedExport shape)
    {
        // About 15 records per device per 6 hours: pick devices and hours to reach the count; it is then cut to it exactly.
        var clock = Stopwatch.StartNew();
        var generated = new FleetSimulator(FleetScenario.Mixed(devices, seed: 42, duration)).Generate();
        using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        LogExportWriter.Write(generated.Take((int)Math.Min(records, generated.Count)), stream, shape);
        Console.WriteLine("generated " + Math.Min(records, generated.Count).ToString("N0", CultureInfo.InvariantCulture) + " records of "
            + devices.ToString("N0", CultureInfo.InvariantCulture) + " devices, " + (stream.Length / 1048576.0).ToString("N0", CultureInfo.InvariantCulture)
            + " MiB, in " + clock.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s: " + file);
    }

    private static int Measure(string file)
    {
        long problems = 0;
        var reader = new ConnectionLogReader(_ => problems++);
        var engine = new AttributionEngine();
        var clock = Stopwatch.StartNew();
        long liveHeapPeak = 0;
        foreach (ConnectionRecord record in reader.ReadFile(file))
        {
            engine.Add(record);
            if ((engine.RecordsAdded % 50_000) == 0)
            {
                // Live objects only (after a full collection): what the engine and reader really hold.
                liveHeapPeak = Math.Max(liveHeapPeak, GC.GetTotalMemory(forceFullCollection: true));
            }
        }

        DiagnosisReport report = engine.Complete();
        double seconds = clock.Elapsed.TotalSeconds;
        using Process self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine("load average:       " + LoadAverage());
        Console.WriteLine("file:               " + file + " (" + (new FileInfo(file).Length / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB)");
        Console.WriteLine("records:            " + report.Records.ToString("N0", CultureInfo.InvariantCulture) + " (" + problems + " problems), "
            + report.Identities.ToString("N0", CultureInfo.InvariantCulture) + " identities, " + report.AttributedDisconnects.ToString("N0", CultureInfo.InvariantCulture) + " attributed disconnects");
        Console.WriteLine("time:               " + seconds.ToString("N2", CultureInfo.InvariantCulture) + " s");
        double cpu = self.TotalProcessorTime.TotalSeconds;
        Console.WriteLine("records per second: " + (report.Records / seconds).ToString("N0", CultureInfo.InvariantCulture) + " wall clock, "
            + (report.Records / cpu).ToString("N0", CultureInfo.InvariantCulture) + " per CPU second (" + cpu.ToString("N2", CultureInfo.InvariantCulture) + " s CPU, all threads, incl. start-up)");
        Console.WriteLine("peak working set:   " + (self.PeakWorkingSet64 / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB");
        Console.WriteLine("live heap, peak:    " + (liveHeapPeak / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB (sampled every 50,000 records after a full GC)");
        Console.WriteLine("GC heap after (report kept): " + (GC.GetTotalMemory(forceFullCollection: true) / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB");
        Console.WriteLine("allocated in total: " + (GC.GetTotalAllocatedBytes() / 1048576.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB");
        Console.WriteLine("top causes:         " + string.Join(", ", report.Causes.Take(4).Select(c => c.Cause + "=" + c.AffectedDevices)));
        GC.KeepAlive(report);
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() + " (" + Environment.ProcessorCount + " cores)" : "n/a";

    private static string? Option(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
