using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using IotHubGuard.Analyzers.Tests.Meta;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.Analyzers.Tests;

/// <summary>
/// Fix All the way a command-line client runs it: diagnostics computed once, a <see cref="FixAllContext"/> started with
/// whatever equivalence key the client took (or none), in a chosen scope, and the diagnostics handed over in any order.
/// </summary>
internal static class CommandLineFixAll
{
    public sealed record Result(IReadOnlyList<string> Texts, ImmutableArray<Diagnostic> Remaining, ImmutableArray<Diagnostic> Errors);

    public static async Task<Result> RunAsync(
        DiagnosticAnalyzer analyzer,
        CodeFixProvider fixer,
        IReadOnlyList<string> sources,
        string? equivalenceKey,
        FixAllScope scope = FixAllScope.Project,
        bool reverseDiagnostics = false,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        Libraries libraries = Libraries.All)
    {
        var compilation = AnalyzerRunner.Compile(sources.Select((text, i) => ($"/0/Test{i}.cs", text)), libraries, outputKind);
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp,
            compilationOptions: compilation.Options,
            parseOptions: compilation.SyntaxTrees.First().Options,
            metadataReferences: compilation.References));
        foreach (var tree in compilation.SyntaxTrees)
        {
            project = project.AddDocument(tree.FilePath, SourceText.From(tree.ToString()), filePath: tree.FilePath).Project;
        }

        var diagnostics = await DiagnosticsAsync(project, analyzer);
        var provider = new Provider(project, reverseDiagnostics ? diagnostics.Reverse().ToImmutableArray() : diagnostics);
        var document = project.Documents.First();
        var context = new FixAllContext(document, fixer, scope, equivalenceKey, fixer.FixableDiagnosticIds, provider, CancellationToken.None);
        var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        var solution = project.Solution;
        if (action is not null)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        var fixedProject = solution.GetProject(project.Id)!;
        var texts = new List<string>();
        foreach (var fixedDocument in fixedProject.Documents.Where(d => !d.Name.StartsWith("GlobalUsings", System.StringComparison.Ordinal)))
        {
            texts.Add((await fixedDocument.GetTextAsync()).ToString());
        }

        var fixedCompilation = (await fixedProject.GetCompilationAsync())!;
        var errors = fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new Result(texts, await DiagnosticsAsync(fixedProject, analyzer), errors);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, DiagnosticAnalyzer analyzer)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return (await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync(CancellationToken.None))
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly Project _project;
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(Project project, ImmutableArray<Diagnostic> diagnostics)
        {
            _project = project;
            _diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(project.Id == _project.Id ? _diagnostics : ImmutableArray<Diagnostic>.Empty);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath).ToArray();
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);
    }
}
