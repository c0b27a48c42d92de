using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers.Tests.Meta;

/// <summary>Runs every shipped analyzer over a set of sources, recording analyzer exceptions instead of hiding them.</summary>
internal static class AnalyzerRunner
{
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public sealed record Run(CSharpCompilation Compilation, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> AnalyzerExceptions);

    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources, Libraries libraries, OutputKind kind)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources
            .Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "GlobalUsings.g.cs"))
            .ToArray();
        return CSharpCompilation.Create(
            "Corpus",
            trees,
            TestReferences.For(libraries),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static Run Analyze(CSharpCompilation compilation, IEnumerable<DiagnosticAnalyzer>? analyzers = null)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers((analyzers ?? Catalogue.Analyzers).ToImmutableArray(), options);
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new Run(compilation, diagnostics, exceptions.ToArray());
    }

    public static IEnumerable<(string Path, string Text)> SourcesUnder(params string[] relativeDirectories)
        => relativeDirectories
            .Select(d => Path.Combine(Catalogue.RepositoryRoot, d))
            .SelectMany(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(f)));
}
