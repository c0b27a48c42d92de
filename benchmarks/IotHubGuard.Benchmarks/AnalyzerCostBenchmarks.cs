using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using IotHubGuard.Benchmarks.Generation;
using Microsoft.CodeAnalysis.CSharp;

namespace IotHubGuard.Benchmarks;

/// <summary>
/// BenchmarkDotNet version of the quick mode: each benchmark runs one scenario on a fresh compilation made in
/// <c>[IterationSetup]</c> (parsing is not timed); the compile-only benchmark is the baseline, so the Ratio column is
/// the cost as a ratio of compile time. Filter with e.g. <c>--filter '*Aziot*' '*CompileOnly*' '*EmptyAnalyzer*'</c>.
/// </summary>
[Config(typeof(Config))]
public class AnalyzerCostBenchmarks
{
    private Workload _workload = null!;
    private CSharpCompilation _compilation = null!;

    /// <summary>Codebase kinds; <c>IOTHUBGUARD_BENCH_KINDS=device</c> narrows a run.</summary>
    public static IEnumerable<CodebaseKind> Kinds =>
        Environment.GetEnvironmentVariable("IOTHUBGUARD_BENCH_KINDS") is { Length: > 0 } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => Enum.Parse<CodebaseKind>(v, ignoreCase: true)).ToArray()
            : Enum.GetValues<CodebaseKind>();

    [ParamsSource(nameof(Kinds))]
    public CodebaseKind Codebase { get; set; }

    /// <summary>File counts; <c>IOTHUBGUARD_BENCH_FILES=100</c> (comma-separated) narrows a run.</summary>
    public static IEnumerable<int> FileCounts =>
        Environment.GetEnvironmentVariable("IOTHUBGUARD_BENCH_FILES") is { Length: > 0 } value
            ? value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : new[] { 100, 1000 };

    [ParamsSource(nameof(FileCounts))]
    public int Files { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _workload = new Workload(CodebaseGenerator.Generate(Codebase, Files));
        _workload.Validate();
        _ = Analyzers.Aziot;
        _ = Analyzers.SdkDefaultsAndAziot;
        _ = Analyzers.Ca2000Analyzers;
    }

    [IterationSetup(Target = nameof(Ca2000))]
    public void IterationSetupCa2000() => _compilation = _workload.CreateCompilation(Scenario.Ca2000);

    [IterationSetup(Targets = new[] { nameof(CompileOnly), nameof(EmptyAnalyzer), nameof(OperationBaseline), nameof(SyntaxBaseline), nameof(Aziot), nameof(SdkDefaults), nameof(SdkDefaultsAndAziot) })]
    public void IterationSetup() => _compilation = _workload.CreateCompilation();

    [Benchmark(Baseline = true, Description = "compile only")]
    public int CompileOnly() => Run(Scenario.CompileOnly);

    [Benchmark(Description = "+ empty analyzer")]
    public int EmptyAnalyzer() => Run(Scenario.EmptyAnalyzer);

    [Benchmark(Description = "+ empty operation actions")]
    public int OperationBaseline() => Run(Scenario.OperationBaseline);

    [Benchmark(Description = "+ empty syntax actions")]
    public int SyntaxBaseline() => Run(Scenario.SyntaxBaseline);

    [Benchmark(Description = "+ AZIOT analyzers")]
    public int Aziot() => Run(Scenario.Aziot);

    [Benchmark(Description = "+ CA2000")]
    public int Ca2000() => Run(Scenario.Ca2000);

    [Benchmark(Description = "+ SDK default analyzers")]
    public int SdkDefaults() => Run(Scenario.SdkDefaults);

    [Benchmark(Description = "+ SDK default analyzers + AZIOT")]
    public int SdkDefaultsAndAziot() => Run(Scenario.SdkDefaultsAndAziot);

    private int Run(Scenario scenario)
    {
        var result = Workload.RunAsync(scenario, _compilation).GetAwaiter().GetResult();
        Workload.ThrowOnAnalyzerFailure(result, scenario);
        return result.Diagnostics.Length;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Invocations take 0.2–10 s and need a fresh compilation each: one invocation per iteration, no unrolling.
            // IOTHUBGUARD_BENCH_ITERATIONS=1 makes a smoke run of the harness itself.
            var iterations = int.TryParse(Environment.GetEnvironmentVariable("IOTHUBGUARD_BENCH_ITERATIONS"), out var n) && n > 0 ? n : 10;
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(iterations >= 10 ? 2 : 1)
                .WithIterationCount(iterations)
                .WithInvocationCount(1)
                .WithUnrollFactor(1));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.Median, BaselineRatioColumn.RatioMean);
            HideColumns(Column.Error);
            WithOptions(ConfigOptions.JoinSummary);
            WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        }
    }
}
