using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Xunit.Abstractions;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

/// <summary>
/// What the flow analysis of AZIOT201/204/205 costs on a large file: 200 methods that all touch clients (using,
/// try/catch/finally, loops with break, branches, early returns, MQTTnet every fourth method), against a file of
/// the same size without clients (the gate: those bodies never build a flow graph).
/// </summary>
public class FlowAnalysisCostTests
{
    private const int Methods = 200;
    private readonly ITestOutputHelper _output;

    public FlowAnalysisCostTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task TwoHundredClientMethods_AreAnalysedQuickly()
    {
        var compilation = Compile(Generate(withClients: true));
        var plain = Compile(Generate(withClients: false));

        // Correctness through the real driver: every generated method disposes `spare` after closing it on one
        // branch only, so one AZIOT201 each and nothing else; the file without clients gets nothing.
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new ConnectionLifetimeAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Equal(Methods, diagnostics.Count(d => d.Id == "AZIOT201"));
        Assert.Equal(Methods, diagnostics.Length);
        Assert.Empty(await plain.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None));

        // Cost: the rules' own work, measured apart from binding (which the compiler pays for the build anyway).
        // Best of five, each on a fresh compilation so no flow graph is reused.
        var best = (Gate: TimeSpan.MaxValue, Graph: TimeSpan.MaxValue, Flow: TimeSpan.MaxValue, Bind: TimeSpan.MaxValue, PlainGate: TimeSpan.MaxValue);
        for (var run = 0; run < 5; run++)
        {
            var (bind, gate, graph, flow) = Measure(compilation.Clone(), expectClients: true);
            var (_, plainGate, _, _) = Measure(plain.Clone(), expectClients: false);
            best = (Min(best.Gate, gate), Min(best.Graph, graph), Min(best.Flow, flow), Min(best.Bind, bind), Min(best.PlainGate, plainGate));
        }

        _output.WriteLine($"{Methods} methods touching clients (best of 5):");
        _output.WriteLine($"  binding + operation trees (compiler, not ours): {Ms(best.Bind)}");
        _output.WriteLine($"  gates of 201/204/205:                           {Ms(best.Gate)}");
        _output.WriteLine($"  ControlFlowGraph.Create (once, shared):         {Ms(best.Graph)} ({best.Graph.TotalMilliseconds / Methods:F2} ms per method)");
        _output.WriteLine($"  ReleaseFlow for 201 + 204 + 205:                {Ms(best.Flow)} ({best.Flow.TotalMilliseconds / Methods:F2} ms per method)");
        _output.WriteLine($"{Methods} methods without clients: gates {Ms(best.PlainGate)}, no flow graph built");

        var ours = best.Gate + best.Graph + best.Flow;
        Assert.True(ours < TimeSpan.FromSeconds(5), $"the flow rules took {ours}");
    }

    private static (TimeSpan Bind, TimeSpan Gate, TimeSpan Graph, TimeSpan Flow) Measure(CSharpCompilation compilation, bool expectClients)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var symbols = KnownSymbols.Create(compilation);
        var releaseModel = ReleaseModel.For(symbols);

        var watch = Stopwatch.StartNew();
        var bodies = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .Select(m => (Symbol: model.GetDeclaredSymbol(m)!, Body: model.GetOperation(m)!))
            .ToArray();
        foreach (var (_, body) in bodies)
        {
            foreach (var _ in body.Descendants())
            {
            }
        }

        var bind = watch.Elapsed;
        watch.Restart();
        var gated = bodies.Where(b => LifetimeGate.Scan(b.Body, releaseModel) != LifetimeWork.None).ToArray();
        var gate = watch.Elapsed;
        Assert.Equal(expectClients ? Methods : 0, gated.Length);

        watch.Restart();
        var graphs = gated.Select(b => Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph.Create((Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)b.Body)).ToArray();
        var graph = watch.Elapsed;

        watch.Restart();
        for (var i = 0; i < gated.Length; i++)
        {
            ReleaseFlow.Analyze(graphs[i], gated[i].Symbol, releaseModel, DisposalSites.SelectDisposal, CancellationToken.None);
        }

        return (bind, gate, graph, watch.Elapsed);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";

    private static CSharpCompilation Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "FlowCost",
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            TestReferences.For(Libraries.All),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    private static string Generate(bool withClients)
    {
        var builder = new StringBuilder("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using MQTTnet;

            public sealed class Generated
            {
                private DeviceClient? _current;
                private int _counter;

            """);
        for (var i = 0; i < Methods; i++)
        {
            builder.AppendLine(withClients ? ClientMethod(i) : PlainMethod(i));
        }

        builder.AppendLine("}");
        return builder.ToString();
    }

    private static string ClientMethod(int i) => $$"""
            public async Task Run{{i}}Async(string cs, Message message, MqttClientOptions options, bool flag, CancellationToken ct)
            {
                using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                try
                {
                    if (flag)
                    {
                        return;
                    }

                    for (var k = 0; k < 3; k++)
                    {
                        await client.SendEventAsync(message, ct);
                        if (k == {{i % 3}})
                        {
                            break;
                        }
                    }
                }
                catch (TimeoutException)
                {
                    _counter++;
                }
                finally
                {
                    await client.CloseAsync(ct);
                }

                var spare = DeviceClient.CreateFromConnectionString(cs);
                if (flag)
                {
                    await spare.CloseAsync();
                }

                spare.Dispose();

                if (_current != null)
                {
                    await _current.CloseAsync(ct);
                    _current.Dispose();
                }

                _current = DeviceClient.CreateFromConnectionString(cs);
                {{(i % 4 == 0 ? """
                using var mqtt = new MqttClientFactory().CreateMqttClient();
                try
                {
                    await mqtt.ConnectAsync(options, ct);
                }
                finally
                {
                    if (mqtt.IsConnected)
                    {
                        await mqtt.DisconnectAsync();
                    }
                }
                """ : string.Empty)}}
            }

        """;

    private static string PlainMethod(int i) => $$"""
            public async Task Run{{i}}Async(string path, bool flag, CancellationToken ct)
            {
                using var stream = System.IO.File.OpenRead(path);
                try
                {
                    if (flag)
                    {
                        return;
                    }

                    for (var k = 0; k < 3; k++)
                    {
                        await stream.ReadAsync(new byte[16], ct);
                        if (k == {{i % 3}})
                        {
                            break;
                        }
                    }
                }
                catch (TimeoutException)
                {
                    _counter++;
                }
                finally
                {
                    await stream.FlushAsync(ct);
                }

                var timer = new Timer(_ => { });
                timer.Dispose();
            }

        """;
}
