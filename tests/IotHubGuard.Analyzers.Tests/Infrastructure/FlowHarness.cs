using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="ReleaseFlow"/> over one method of a snippet. Checkpoints are the calls <c>Probe(x)</c>: the facts
/// of <c>x</c> just before the probe.
/// </summary>
internal static class FlowHarness
{
    public const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;
        using MQTTnet;

        """;

    public static CSharpCompilation Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Flow",
            new[] { CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Latest)) },
            TestReferences.For(Libraries.All),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }

    public static ReleaseModel ModelOf(Compilation compilation) => ReleaseModel.For(KnownSymbols.Create(compilation));

    /// <summary>The flow of the method named <paramref name="method"/> in <paramref name="source"/>.</summary>
    public static ReleaseFlowResult Analyze(string source, string method = "Run")
    {
        var compilation = Compile(source);
        var tree = compilation.SyntaxTrees.Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var declaration = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == method);
        var body = (IMethodBodyOperation)semanticModel.GetOperation(declaration)!;
        return ReleaseFlow.Analyze(
            ControlFlowGraph.Create(body),
            semanticModel.GetDeclaredSymbol(declaration)!,
            ModelOf(compilation),
            SelectProbe,
            CancellationToken.None);
    }

    /// <summary>The facts at the single probe.</summary>
    public static ReleaseFacts FactsAtProbe(string source) => Analyze(source).Checkpoints.Single().Facts;

    private static ISymbol? SelectProbe(IOperation operation, IFlowValues values)
        => operation is IInvocationOperation { TargetMethod.Name: "Probe", Arguments: [var argument] } ? values.Resolve(argument.Value) : null;
}
