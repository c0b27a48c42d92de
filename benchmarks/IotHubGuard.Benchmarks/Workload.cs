using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using IotHubGuard.Benchmarks.Generation;
using IotHubGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.Benchmarks;

/// <summary>What a measured run does.</summary>
public enum Scenario
{
    /// <summary><c>compilation.GetDiagnostics()</c>: declarations and every method body bound, no emit, no analyzer.</summary>
    CompileOnly,

    /// <summary>Compile + an analyzer that registers nothing: the analyzer driver by itself.</summary>
    EmptyAnalyzer,

    /// <summary>Compile + empty operation actions on the kinds AZIOT registers: the price of IOperation itself.</summary>
    OperationBaseline,

    /// <summary>Compile + empty syntax-node actions on the same node kinds: the price of a syntax-first pre-filter.</summary>
    SyntaxBaseline,

    /// <summary>Compile + every AZIOT analyzer.</summary>
    Aziot,

    /// <summary>Compile + CA2000 (Microsoft.CodeAnalysis.NetAnalyzers), a well-known flow analyzer, for reference.</summary>
    Ca2000,

    /// <summary>Compile + every NetAnalyzers analyzer at its default severity (what SDK builds run anyway).</summary>
    SdkDefaults,

    /// <summary><see cref="SdkDefaults"/> + every AZIOT analyzer: AZIOT's marginal cost in a real build.</summary>
    SdkDefaultsAndAziot,

    /// <summary>Compile + the AZIOT analyzers of another build (<c>--before</c>): the "before" of a before/after run.</summary>
    AziotBefore,

    /// <summary><see cref="SdkDefaults"/> + the AZIOT analyzers of <c>--before</c>.</summary>
    SdkDefaultsAndAziotBefore,
}

/// <summary>The outcome of one run.</summary>
public sealed record RunResult(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyDictionary<string, TimeSpan> AnalyzerTimes);

/// <summary>A generated codebase with its references, ready to be compiled afresh as often as needed.</summary>
public sealed class Workload
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<MetadataReference> s_mqttNet = new(() =>
        MetadataReference.CreateFromFile(typeof(MQTTnet.MqttClientFactory).Assembly.Location));

    private readonly SourceText[] _texts;

    public Workload(Codebase codebase)
    {
        Codebase = codebase;
        References = codebase.Kind == CodebaseKind.Device
            ? ReferencePack.Net
                .Add(SdkSurface.GetReference(ReferencePack.Net))
                .Add(s_mqttNet.Value)
            : ReferencePack.Net;
        _texts = codebase.Files.Select(f => SourceText.From(f.Text, Encoding.UTF8)).ToArray();
    }

    public Codebase Codebase { get; }

    /// <summary>
    /// The framework reference pack, plus for device code the SDK surface (as <c>Microsoft.Azure.Devices.Client</c>) and the
    /// real MQTTnet assembly. Reference metadata is shared between compilations, as in the compiler server.
    /// </summary>
    public ImmutableArray<MetadataReference> References { get; }

    /// <summary>
    /// A brand-new compilation: every file parsed again, nothing bound yet, so no semantic cache survives from an earlier
    /// run. Nullable enabled, release, concurrent build, like an SDK-style library project. For
    /// <see cref="Scenario.Ca2000"/> CA2000 is switched on (it is off by default); every other scenario gets the defaults.
    /// </summary>
    public CSharpCompilation CreateCompilation(Scenario scenario = Scenario.CompileOnly)
    {
        var trees = new SyntaxTree[_texts.Length];
        for (var i = 0; i < trees.Length; i++)
        {
            trees[i] = CSharpSyntaxTree.ParseText(_texts[i], s_parseOptions, Codebase.Files[i].Path);
        }

        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: true,
                deterministic: true);
        if (scenario == Scenario.Ca2000)
        {
            options = options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { [Analyzers.Ca2000] = ReportDiagnostic.Warn });
        }

        return CSharpCompilation.Create("Contoso.Fleet." + Codebase.Kind, trees, References, options);
    }

    /// <summary>The analyzers of a scenario (empty for <see cref="Scenario.CompileOnly"/>).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AnalyzersOf(Scenario scenario) => scenario switch
    {
        Scenario.CompileOnly => ImmutableArray<DiagnosticAnalyzer>.Empty,
        Scenario.EmptyAnalyzer => Analyzers.Empty,
        Scenario.Aziot => Analyzers.Aziot,
        Scenario.OperationBaseline => Analyzers.OperationBaseline,
        Scenario.SyntaxBaseline => Analyzers.SyntaxBaseline,
        Scenario.Ca2000 => Analyzers.Ca2000Analyzers,
        Scenario.SdkDefaults => Analyzers.SdkDefaults,
        Scenario.SdkDefaultsAndAziot => Analyzers.SdkDefaultsAndAziot,
        Scenario.AziotBefore => Analyzers.AziotBefore,
        Scenario.SdkDefaultsAndAziotBefore => Analyzers.SdkDefaultsAndAziotBefore,
        _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
    };

    /// <summary>
    /// Runs a scenario on <paramref name="compilation"/> (use a fresh one per run). Compile only: <c>GetDiagnostics()</c>.
    /// With analyzers: <c>CompilationWithAnalyzers.GetAllDiagnosticsAsync()</c>, i.e. the compiler's diagnostics with the
    /// analyzer driver attached to the compilation's event queue, as csc runs analyzers during a build.
    /// <c>GetAnalyzerDiagnosticsAsync()</c> is not used for timing: it binds only what the analyzers ask for, so with an
    /// analyzer that registers nothing (or AZIOT on a project without the SDK) it skips binding the method bodies and
    /// returns in a few milliseconds, faster than the compile it is meant to extend.
    /// With <paramref name="logExecutionTime"/> the driver times every analyzer instead, through
    /// <c>GetAnalyzerDiagnosticsAsync()</c> (its telemetry is kept only on that path): for the per-analyzer split, never
    /// for the wall-clock numbers.
    /// </summary>
    public static async Task<RunResult> RunAsync(Scenario scenario, CSharpCompilation compilation, bool logExecutionTime = false)
    {
        if (scenario == Scenario.CompileOnly)
        {
            return new RunResult(compilation.GetDiagnostics(), new Dictionary<string, TimeSpan>());
        }

        var analyzers = AnalyzersOf(scenario);
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: logExecutionTime,
                reportSuppressedDiagnostics: false));
        // The driver keeps per-analyzer telemetry only on the state-tracking path (GetAnalyzerDiagnosticsAsync);
        // GetAllDiagnosticsAsync runs a throw-away driver and its telemetry reads zero.
        var diagnostics = logExecutionTime
            ? await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false)
            : await withAnalyzers.GetAllDiagnosticsAsync().ConfigureAwait(false);

        var times = new SortedDictionary<string, TimeSpan>(StringComparer.Ordinal);
        if (logExecutionTime)
        {
            foreach (var analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
                times[analyzer.GetType().Name] = telemetry.ExecutionTime;
            }
        }

        return new RunResult(diagnostics, times);
    }

    /// <summary>
    /// Checks that the codebase compiles without errors and that no analyzer throws (AD0001); returns the compiler's
    /// diagnostics. Throws with the first errors otherwise.
    /// </summary>
    public ImmutableArray<Diagnostic> Validate()
    {
        var diagnostics = CreateCompilation().GetDiagnostics();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException(
                $"The generated {Codebase.Name} codebase does not compile ({errors.Length} errors):{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors.Take(15).Select(e => e.ToString())));
        }

        return diagnostics;
    }

    /// <summary>Throws if a run reported an analyzer exception.</summary>
    public static void ThrowOnAnalyzerFailure(RunResult result, Scenario scenario)
    {
        var failures = result.Diagnostics.Where(d => d.Id is "AD0001" or "AD0002").ToArray();
        if (failures.Length > 0)
        {
            throw new InvalidOperationException(
                $"{scenario}: analyzer failure:{Environment.NewLine}" + string.Join(Environment.NewLine, failures.Take(5).Select(d => d.ToString())));
        }
    }
}
