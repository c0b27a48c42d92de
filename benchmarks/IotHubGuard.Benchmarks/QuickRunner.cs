using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;
using IotHubGuard.Benchmarks.Generation;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Benchmarks;

/// <summary>
/// <c>--quick</c>: no BenchmarkDotNet. One warm-up per process (JIT, metadata, analyzer loading) on a small device
/// codebase; then per codebase <c>--runs</c> timed rounds, each running every scenario once on a fresh compilation, in an
/// order rotated from round to round so that drift on a shared machine hits every scenario alike. Reports medians, and
/// the diagnostics of the first round (checked for analyzer failures).
/// </summary>
public static class QuickRunner
{
    private static readonly CultureInfo s_inv = CultureInfo.InvariantCulture;

    public sealed record Options(int Runs, int[] Sizes, CodebaseKind[] Kinds, int Seed, string? OutputPath, int[] ReferenceSizes, string? Before, bool Baselines)
    {
        public static Options Parse(string[] args)
        {
            var runs = 5;
            string? before = null;
            var baselines = false;
            var sizes = new[] { 100, 1000 };
            var kinds = new[] { CodebaseKind.Device, CodebaseKind.Plain };
            var seed = CodebaseGenerator.DefaultSeed;
            string? output = null;
            string? reference = null;
            for (var i = 0; i < args.Length; i++)
            {
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
                switch (args[i])
                {
                    case "--quick":
                        break;
                    case "--runs":
                        runs = int.Parse(Value(), s_inv);
                        break;
                    case "--sizes":
                        sizes = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, s_inv)).ToArray();
                        break;
                    case "--kinds":
                        kinds = Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => Enum.Parse<CodebaseKind>(k, ignoreCase: true)).ToArray();
                        break;
                    case "--seed":
                        seed = int.Parse(Value(), s_inv);
                        break;
                    case "--out":
                        output = Value();
                        break;
                    case "--reference":
                        reference = Value();
                        break;
                    case "--before":
                        before = Value();
                        break;
                    case "--baselines":
                        baselines = true;
                        break;
                    default:
                        throw new ArgumentException($"Unknown option {args[i]} (quick mode: --runs N --sizes 100,1000 --kinds device,plain --reference 100|all|none --before OLD/IotHubGuard.Analyzers.dll --baselines --seed S --out FILE.md).");
                }
            }

            if (runs < 1)
            {
                throw new ArgumentException("--runs must be at least 1.");
            }

            // CA2000 costs several times the compile: by default the quick mode times it on the smallest device codebase only.
            // The SDK's default analyzers with and without AZIOT (what a user's build runs) are timed at every size.
            var referenceSizes = reference switch
            {
                null => new[] { sizes.Min() },
                "all" => sizes,
                "none" => Array.Empty<int>(),
                _ => reference.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, s_inv)).ToArray(),
            };
            return new Options(runs, sizes, kinds, seed, output, referenceSizes, before, baselines);
        }
    }

    private sealed record Row(
        Codebase Codebase,
        Scenario Scenario,
        double[] Milliseconds,
        Scenario? Baseline,
        double[] Marginal,
        RunResult FirstRun)
    {
        public double AllocatedMegabytes { get; init; }

        public double Gen2Collections { get; init; }

        /// <summary>Median over rounds of (T(scenario) − T(baseline)) / T(compile only).</summary>
        public double MarginalMedian => Baseline is null ? double.NaN : Median(Marginal);
    }

    private sealed record Group(
        Codebase Codebase,
        List<Row> Rows,
        IReadOnlyDictionary<Scenario, RunResult> Telemetry,
        IReadOnlyDictionary<Scenario, double> AnalysisOnlyMilliseconds,
        int CompilerWarnings);

    public static async Task<int> RunAsync(string[] args)
    {
        // Every number printed with '.' decimals and ',' thousands, whatever the machine's culture.
        CultureInfo.CurrentCulture = CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var options = Options.Parse(args);
        if (options.Before is not null)
        {
            Analyzers.UseBefore(options.Before);
        }

        var total = Stopwatch.StartNew();
        var groups = new List<Group>();

        Console.Error.WriteLine(Header(options));
        await WarmUpAsync(options).ConfigureAwait(false);
        foreach (var size in options.Sizes)
        {
            foreach (var kind in options.Kinds)
            {
                groups.Add(await MeasureAsync(kind, size, options).ConfigureAwait(false));
            }
        }

        var report = Report(options, groups, total.Elapsed);
        Console.WriteLine(report);
        if (options.OutputPath is not null)
        {
            await File.WriteAllTextAsync(options.OutputPath, report).ConfigureAwait(false);
            Console.Error.WriteLine($"written to {Path.GetFullPath(options.OutputPath)}");
        }

        return 0;
    }

    private static async Task<Group> MeasureAsync(CodebaseKind kind, int size, Options options)
    {
        var step = Stopwatch.StartNew();
        var codebase = CodebaseGenerator.Generate(kind, size, options.Seed);
        var workload = new Workload(codebase);
        var compilerDiagnostics = workload.Validate();
        var scenarios = new List<Scenario> { Scenario.CompileOnly, Scenario.EmptyAnalyzer };
        if (kind == CodebaseKind.Device && options.Baselines)
        {
            // On code without the SDK or MQTTnet, AZIOT registers no action at all: these two baselines say nothing there.
            scenarios.Add(Scenario.OperationBaseline);
            scenarios.Add(Scenario.SyntaxBaseline);
        }

        scenarios.Add(Scenario.Aziot);
        if (!Analyzers.AziotBefore.IsEmpty)
        {
            scenarios.Add(Scenario.AziotBefore);
        }

        if (kind == CodebaseKind.Device)
        {
            if (options.ReferenceSizes.Contains(size))
            {
                scenarios.Add(Scenario.Ca2000);
            }

            scenarios.AddRange(new[] { Scenario.SdkDefaults, Scenario.SdkDefaultsAndAziot });
            if (!Analyzers.AziotBefore.IsEmpty)
            {
                scenarios.Add(Scenario.SdkDefaultsAndAziotBefore);
            }
        }

        var times = scenarios.ToDictionary(s => s, _ => new double[options.Runs]);
        var allocated = scenarios.ToDictionary(s => s, _ => new double[options.Runs]);
        var gen2 = scenarios.ToDictionary(s => s, _ => new double[options.Runs]);
        var firstRun = new Dictionary<Scenario, RunResult>();
        for (var run = 0; run < options.Runs; run++)
        {
            for (var k = 0; k < scenarios.Count; k++)
            {
                var scenario = scenarios[(k + run) % scenarios.Count];
                var compilation = workload.CreateCompilation(scenario);
                Settle();
                var bytes = GC.GetTotalAllocatedBytes(precise: false);
                var collections = GC.CollectionCount(2);
                var stopwatch = Stopwatch.StartNew();
                var result = await Workload.RunAsync(scenario, compilation).ConfigureAwait(false);
                times[scenario][run] = stopwatch.Elapsed.TotalMilliseconds;
                allocated[scenario][run] = (GC.GetTotalAllocatedBytes(precise: false) - bytes) / 1048576.0;
                gen2[scenario][run] = GC.CollectionCount(2) - collections;
                if (run == 0)
                {
                    Workload.ThrowOnAnalyzerFailure(result, scenario);
                    firstRun[scenario] = result;
                }
            }

            Console.Error.WriteLine($"  {codebase.Name} round {run + 1}/{options.Runs}: "
                + string.Join(", ", scenarios.Select(s => $"{Label(s)} {times[s][run]:0} ms")));
        }

        // One more run of each analyzer scenario, on a compilation that is already bound, with the driver's per-analyzer
        // timing on: work the compiler does anyway (declaration and symbol tables) is then not charged to the analyzer
        // that happens to trigger it first, and the wall time is the analysis alone.
        var telemetry = new Dictionary<Scenario, RunResult>();
        var analysisOnly = new Dictionary<Scenario, double>();
        foreach (var scenario in scenarios.Where(s => s is Scenario.EmptyAnalyzer or Scenario.OperationBaseline or Scenario.Aziot or Scenario.AziotBefore or Scenario.Ca2000))
        {
            var compilation = workload.CreateCompilation(scenario);
            compilation.GetDiagnostics();
            Settle();
            var stopwatch = Stopwatch.StartNew();
            telemetry[scenario] = await Workload.RunAsync(scenario, compilation, logExecutionTime: true).ConfigureAwait(false);
            analysisOnly[scenario] = stopwatch.Elapsed.TotalMilliseconds;
        }

        var compile = times[Scenario.CompileOnly];
        var rows = scenarios.Select(s =>
            {
                var baseline = BaselineOf(s);
                var marginal = baseline is { } b
                    ? times[s].Select((t, r) => (t - times[b][r]) / compile[r]).ToArray()
                    : Array.Empty<double>();
                return new Row(codebase, s, times[s], baseline, marginal, firstRun[s]) { AllocatedMegabytes = Median(allocated[s]), Gen2Collections = Median(gen2[s]) };
            })
            .ToList();
        Console.Error.WriteLine($"  {codebase.Name}: {codebase.Files.Count} files, {codebase.Lines:N0} lines, measured in {step.Elapsed.TotalSeconds:0} s");
        return new Group(codebase, rows, telemetry, analysisOnly, compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
    }

    /// <summary>JIT, reference metadata and analyzer loading, once per process, on a small device codebase.</summary>
    private static async Task WarmUpAsync(Options options)
    {
        var stopwatch = Stopwatch.StartNew();
        var workload = new Workload(CodebaseGenerator.Generate(CodebaseKind.Device, 40, options.Seed));
        foreach (var scenario in Enum.GetValues<Scenario>())
        {
            if ((scenario is Scenario.Ca2000 && options.ReferenceSizes.Length == 0)
                || (scenario is Scenario.AziotBefore or Scenario.SdkDefaultsAndAziotBefore && Analyzers.AziotBefore.IsEmpty)
                || (scenario is Scenario.OperationBaseline or Scenario.SyntaxBaseline && !options.Baselines))
            {
                continue;
            }

            await Workload.RunAsync(scenario, workload.CreateCompilation(scenario)).ConfigureAwait(false);
            if (scenario is Scenario.Aziot or Scenario.AziotBefore or Scenario.Ca2000)
            {
                await Workload.RunAsync(scenario, workload.CreateCompilation(scenario), logExecutionTime: true).ConfigureAwait(false);
            }
        }

        Console.Error.WriteLine($"  warm-up: {stopwatch.Elapsed.TotalSeconds:0} s");
    }

    private static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>What a scenario's marginal cost is measured against.</summary>
    private static Scenario? BaselineOf(Scenario scenario) => scenario switch
    {
        Scenario.CompileOnly => null,
        Scenario.EmptyAnalyzer => Scenario.CompileOnly,
        Scenario.SdkDefaultsAndAziot or Scenario.SdkDefaultsAndAziotBefore => Scenario.SdkDefaults,
        _ => Scenario.EmptyAnalyzer,
    };

    private static string Label(Scenario scenario) => scenario switch
    {
        Scenario.CompileOnly => "compile only",
        Scenario.EmptyAnalyzer => "+ empty analyzer (driver only)",
        Scenario.OperationBaseline => "+ empty operation actions (IOperation only)",
        Scenario.SyntaxBaseline => "+ empty syntax actions (syntax pre-filter only)",
        Scenario.Aziot => $"+ AZIOT ({Analyzers.Aziot.Length} analyzers)",
        Scenario.Ca2000 => "+ CA2000",
        Scenario.SdkDefaults => $"+ SDK default analyzers ({Analyzers.SdkDefaults.Length} NetAnalyzers)",
        Scenario.SdkDefaultsAndAziot => "+ SDK default analyzers + AZIOT",
        Scenario.AziotBefore => $"+ AZIOT before ({Analyzers.AziotBefore.Length} analyzers)",
        Scenario.SdkDefaultsAndAziotBefore => "+ SDK default analyzers + AZIOT before",
        _ => scenario.ToString(),
    };

    private static string ShortLabel(Scenario scenario) => scenario switch
    {
        Scenario.CompileOnly => "compile only",
        Scenario.EmptyAnalyzer => "empty analyzer",
        Scenario.SdkDefaults => "SDK defaults",
        _ => scenario.ToString(),
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Percent(double ratio) => (ratio >= 0 ? "+" : "−") + Math.Abs(ratio * 100).ToString("0.0", s_inv) + " %";

    private static string Header(Options options)
    {
        var roslyn = typeof(Compilation).Assembly.GetName().Version;
        return $"IotHubGuard analyzer benchmark, quick mode: Roslyn {roslyn}, {Analyzers.Aziot.Length} AZIOT analyzers "
            + $"({string.Join(", ", Analyzers.Aziot.Select(a => a.GetType().Name))}), CA2000 from NetAnalyzers {Analyzers.NetAnalyzersVersion} (built against Roslyn {Analyzers.NetAnalyzersRoslynReference}); "
            + $"{options.Runs} runs; sizes {string.Join(",", options.Sizes)}; seed {options.Seed}";
    }

    private static string Diagnostics(Row row, int compilerWarnings)
    {
        if (row.Scenario == Scenario.CompileOnly)
        {
            var errors = row.FirstRun.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            return $"{errors} errors, {compilerWarnings} warnings";
        }

        // GetAllDiagnosticsAsync also returns the compiler's own (CS…) diagnostics: show the analyzers' only.
        var byId = row.FirstRun.Diagnostics
            .Where(d => !d.Id.StartsWith("CS", StringComparison.Ordinal))
            .GroupBy(d => d.Id)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}")
            .ToArray();
        var text = byId.Length == 0 ? "none" : string.Join(", ", byId);
        if (row.Scenario is Scenario.Aziot or Scenario.SdkDefaultsAndAziot or Scenario.AziotBefore or Scenario.SdkDefaultsAndAziotBefore)
        {
            // The generator's planted violations of rules that exist; "bait:" ones wait for rules still being written.
            var planted = row.Codebase.Planted.Where(p => p.Key.StartsWith("AZIOT", StringComparison.Ordinal)).Select(p => $"{p.Key} ×{p.Value}").ToArray();
            text += $" (planted: {(planted.Length == 0 ? "none" : string.Join(", ", planted))})";
        }

        return text;
    }

    private static string Report(Options options, List<Group> groups, TimeSpan elapsed)
    {
        var sb = new StringBuilder();
        sb.AppendLine("### Wall clock (quick mode)");
        sb.AppendLine();
        sb.AppendLine($"Median of {options.Runs} runs, each on a fresh compilation; seed {options.Seed}; Roslyn {typeof(Compilation).Assembly.GetName().Version}; "
            + $"{Environment.ProcessorCount} logical CPUs; {RuntimeInformation.FrameworkDescription}; "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC; total {elapsed.TotalSeconds:0} s.");
        sb.AppendLine();
        sb.AppendLine("| Codebase | Files | Lines | Scenario | Median ms | Min–max ms | × compile | Marginal cost (% of compile), median | Marginal, min–max over rounds | Allocated MB | Gen2 GCs | Analyzer diagnostics (first run) |");
        sb.AppendLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var group in groups)
        {
            var compileMedian = Median(group.Rows.Single(r => r.Scenario == Scenario.CompileOnly).Milliseconds);
            foreach (var row in group.Rows)
            {
                var median = Median(row.Milliseconds);
                var marginal = row.Baseline is { } b ? $"{Percent(row.MarginalMedian)} vs {ShortLabel(b)}" : "—";
                var spread = row.Baseline is null ? "—" : $"{Percent(row.Marginal.Min())} … {Percent(row.Marginal.Max())}";
                sb.AppendLine(
                    $"| {group.Codebase.Kind.ToString().ToLowerInvariant()} | {group.Codebase.Files.Count:N0} | {group.Codebase.Lines:N0} | {Label(row.Scenario)} "
                    + $"| {median:N0} | {row.Milliseconds.Min():N0}–{row.Milliseconds.Max():N0} | {median / compileMedian:0.00} | {marginal} | {spread} "
                    + $"| {row.AllocatedMegabytes:N0} | {row.Gen2Collections:0} | {Diagnostics(row, group.CompilerWarnings)} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("Marginal cost = median over rounds of (T(scenario) − T(baseline)) / T(compile only); the scenarios of a round run back to back, "
            + "each on a fresh compilation. Compile only = `GetDiagnostics()` (full binding, no emit); analyzer scenarios = "
            + "`CompilationWithAnalyzers.GetAllDiagnosticsAsync()`. The analyzer driver runs in every SDK build (the SDK's default analyzers), "
            + "so AZIOT alone is measured against the empty analyzer, and in a real build against the SDK's default analyzers.");
        sb.AppendLine();

        sb.AppendLine("### Analysis alone (one run each, `GetAnalyzerDiagnosticsAsync` with `logAnalyzerExecutionTime`, on a compilation already bound)");
        sb.AppendLine();
        sb.AppendLine("| Codebase | Files | Analyzers | Wall ms | Marginal (% of compile) | Callback time ms (summed over threads) | Callbacks, % of compile | Callbacks, µs per 1,000 lines |");
        sb.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|");
        foreach (var group in groups)
        {
            var compileMedian = Median(group.Rows.Single(r => r.Scenario == Scenario.CompileOnly).Milliseconds);
            group.AnalysisOnlyMilliseconds.TryGetValue(Scenario.EmptyAnalyzer, out var emptyWall);
            foreach (var (scenario, result) in group.Telemetry.OrderBy(p => p.Key))
            {
                var wall = group.AnalysisOnlyMilliseconds[scenario];
                var marginal = scenario == Scenario.EmptyAnalyzer ? "—" : $"{Percent((wall - emptyWall) / compileMedian)} vs empty analyzer";
                var analyzerRows = result.AnalyzerTimes.OrderByDescending(p => p.Value).ToList();
                var sum = analyzerRows.Sum(p => p.Value.TotalMilliseconds);
                sb.AppendLine(AnalysisRow(group, $"**{Label(scenario).TrimStart('+', ' ')}**", $"{wall:N0}", marginal, sum, compileMedian));
                if (scenario is Scenario.Aziot or Scenario.AziotBefore or Scenario.Ca2000)
                {
                    foreach (var (name, time) in analyzerRows)
                    {
                        sb.AppendLine(AnalysisRow(group, "  " + name, string.Empty, string.Empty, time.TotalMilliseconds, compileMedian));
                    }
                }
            }
        }

        sb.AppendLine();
        sb.AppendLine("### AZIOT " + (Analyzers.AziotBefore.IsEmpty ? "(this build)" : $"before ({Analyzers.BeforePath}) and after (this build), same rounds"));
        sb.AppendLine();
        sb.AppendLine("| Codebase | Files | Build | Callbacks, % of compile (telemetry) | Marginal vs empty analyzer, median (min … max) | Marginal vs SDK defaults, median (min … max) | Allocated MB (empty analyzer) | Allocations over the empty analyzer |");
        sb.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|");
        foreach (var group in groups)
        {
            foreach (var (build, alone, withSdk) in new[] { ("before", Scenario.AziotBefore, Scenario.SdkDefaultsAndAziotBefore), ("after", Scenario.Aziot, Scenario.SdkDefaultsAndAziot) })
            {
                if (group.Rows.All(r => r.Scenario != alone))
                {
                    continue;
                }

                var empty = group.Rows.Single(r => r.Scenario == Scenario.EmptyAnalyzer).AllocatedMegabytes;
                var row = group.Rows.Single(r => r.Scenario == alone);
                sb.AppendLine($"| {group.Codebase.Kind.ToString().ToLowerInvariant()} | {group.Codebase.Files.Count:N0} | {build} | {Callbacks(group, alone) * 100:0.00} % "
                    + $"| {Spread(row)} | {Spread(group.Rows.SingleOrDefault(r => r.Scenario == withSdk))} "
                    + $"| {row.AllocatedMegabytes:N0} ({empty:N0}) | {Percent((row.AllocatedMegabytes - empty) / empty)} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("### Against the targets of issue 10");
        sb.AppendLine();
        foreach (var line in Verdicts(groups))
        {
            sb.AppendLine("- " + line);
        }

        return sb.ToString();
    }

    private static string Spread(Row? row)
        => row is null || row.Marginal.Length == 0 ? "—" : $"{Percent(row.MarginalMedian)} ({Percent(row.Marginal.Min())} … {Percent(row.Marginal.Max())})";

    /// <summary>The analyzers' own callback time (driver telemetry, summed over threads) as a share of the median compile.</summary>
    private static double Callbacks(Group group, Scenario scenario)
        => group.Telemetry.TryGetValue(scenario, out var telemetry)
            ? telemetry.AnalyzerTimes.Values.Sum(v => v.TotalMilliseconds) / Median(group.Rows.Single(r => r.Scenario == Scenario.CompileOnly).Milliseconds)
            : double.NaN;

    private static string AnalysisRow(Group group, string analyzers, string wall, string marginal, double callbackMilliseconds, double compileMedian) =>
        $"| {group.Codebase.Kind.ToString().ToLowerInvariant()} | {group.Codebase.Files.Count:N0} | {analyzers} | {wall} | {marginal} | {callbackMilliseconds:N1} "
        + $"| {callbackMilliseconds / compileMedian * 100:0.00} % | {callbackMilliseconds * 1000 / (group.Codebase.Lines / 1000.0):N0} |";

    private static IEnumerable<string> Verdicts(List<Group> groups)
    {
        foreach (var group in groups)
        {
            var device = group.Codebase.Kind == CodebaseKind.Device;
            var own = Callbacks(group, Scenario.Aziot);
            var alone = group.Rows.Single(r => r.Scenario == Scenario.Aziot);
            var empty = group.Rows.Single(r => r.Scenario == Scenario.EmptyAnalyzer).AllocatedMegabytes;
            var allocation = (alone.AllocatedMegabytes - empty) / empty;
            var line = new StringBuilder($"{group.Codebase.Name} ({group.Codebase.Lines:N0} lines): ");
            if (device)
            {
                var real = group.Rows.SingleOrDefault(r => r.Scenario == Scenario.SdkDefaultsAndAziot);
                line.Append($"AZIOT callbacks {own * 100:0.00} % of compile (target ≤ 3 %): **{(own <= 0.03 ? "met" : "NOT met")}**; ");
                if (real is not null)
                {
                    var verdict = real.MarginalMedian <= 0.05 ? (real.Marginal.Max() <= 0.05 ? "met" : "met by the median, not by every round") : "NOT met";
                    line.Append($"wall clock over the SDK default analyzers {Spread(real)} (target ≤ 5 %): **{verdict}**; ");
                }
            }
            else
            {
                var verdict = own <= 0.005 && alone.MarginalMedian <= 0.005 ? "met" : own <= 0.005 ? "met by the callbacks, the wall-clock median is within noise" : "NOT met";
                line.Append($"AZIOT callbacks {own * 100:0.00} %, wall clock vs the empty analyzer {Spread(alone)} (target ≤ 0.5 %): **{verdict}**; ");
            }

            line.Append($"allocations {Percent(allocation)} over the empty analyzer (target within 10 %): **{(allocation <= 0.10 ? "met" : "NOT met")}**.");
            yield return line.ToString();
        }
    }
}
