using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// The one Fix All of every AZIOT fixer. Each diagnostic gets the best fix it offers (the first action the fixer
/// registers for it), whatever fix the diagnostic that started Fix All offered: <c>dotnet format</c> passes the
/// first diagnostic's key (or none when that site has no fix), and a key-filtered Fix All then skipped every site
/// of another kind. Sites without a fix are skipped. Diagnostics are fixed in document order, one after the other
/// on the updated document (each found again through an annotation), so overlapping edits compose and the result
/// does not depend on which diagnostic the client picked first.
/// </summary>
/// <remarks>
/// A key the user picks on purpose, one that is never a site's first action (<see cref="EquivalenceKeys.IsAlternative"/>),
/// is honoured where a site offers it. A fixer that must apply a document's fixes in one edit (generated classes
/// that are shared) implements <see cref="IDocumentBatchFixer"/>.
/// </remarks>
internal sealed class BestFixAllProvider : FixAllProvider
{
    public static readonly BestFixAllProvider Instance = new();

    private BestFixAllProvider()
    {
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var byDocument = await DiagnosticsByDocumentAsync(fixAllContext).ConfigureAwait(false);
        if (byDocument.Count == 0)
        {
            return null;
        }

        var preferred = EquivalenceKeys.IsAlternative(fixAllContext.CodeActionEquivalenceKey) ? fixAllContext.CodeActionEquivalenceKey : null;
        var fixer = fixAllContext.CodeFixProvider;
        var solution = fixAllContext.Solution;
        return CodeAction.Create(
            "Fix all IotHubGuard " + string.Join(", ", fixAllContext.DiagnosticIds.OrderBy(id => id, StringComparer.Ordinal)) + " sites",
            async cancellationToken =>
            {
                var current = solution;
                foreach (var pair in byDocument.OrderBy(p => p.Key.FilePath, StringComparer.Ordinal))
                {
                    var document = current.GetDocument(pair.Key.Id);
                    if (document is null)
                    {
                        continue;
                    }

                    current = await FixDocumentAsync(fixer, document, pair.Value, preferred, cancellationToken).ConfigureAwait(false);
                }

                return current;
            },
            fixAllContext.CodeActionEquivalenceKey);
    }

    /// <summary>
    /// Applies the best fix of each diagnostic of one document (all of the same snapshot) in document order. A fix may
    /// edit another document too (AZIOT301 changes the constant where it is declared): the whole solution carries on.
    /// </summary>
    public static async Task<Solution> FixDocumentAsync(
        CodeFixProvider fixer, Document document, ImmutableArray<Diagnostic> diagnostics, string? preferredKey, CancellationToken cancellationToken)
    {
        var ordered = diagnostics
            .Where(d => d.Location.IsInSource)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Location.SourceSpan.Length)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        if (ordered.IsEmpty)
        {
            return document.Project.Solution;
        }

        if (fixer is IDocumentBatchFixer batch)
        {
            var batched = await batch.FixAllAsync(document, ordered, preferredKey, cancellationToken).ConfigureAwait(false);
            return (await CleanupAsync(batched, cancellationToken).ConfigureAwait(false)).Project.Solution;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document.Project.Solution;
        }

        // Mark the node of every diagnostic, and where the diagnostic's span sits inside it, so that each can be found
        // again after the fixes before it have rewritten the tree around it.
        var targets = new List<(Diagnostic Diagnostic, SyntaxAnnotation Mark, int Offset)>();
        var marksByNode = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (var diagnostic in ordered)
        {
            var span = diagnostic.Location.SourceSpan;
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            var mark = new SyntaxAnnotation("IotHubGuard.FixAll");
            if (!marksByNode.TryGetValue(node, out var marks))
            {
                marksByNode[node] = marks = new List<SyntaxAnnotation>();
            }

            marks.Add(mark);
            targets.Add((diagnostic, mark, span.Start - node.SpanStart));
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(
            marksByNode.Keys,
            (original, rewritten) => rewritten.WithAdditionalAnnotations(marksByNode[original])));

        foreach (var (diagnostic, mark, offset) in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var currentRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = currentRoot?.GetAnnotatedNodes(mark).FirstOrDefault();
            if (currentRoot is null || node is null)
            {
                continue; // an earlier fix removed or replaced this site
            }

            var span = new TextSpan(node.SpanStart + offset, diagnostic.Location.SourceSpan.Length);
            if (span.End > node.FullSpan.End)
            {
                continue;
            }

            var moved = Diagnostic.Create(diagnostic.Descriptor, Location.Create(currentRoot.SyntaxTree, span), diagnostic.Properties);
            var action = await ChooseAsync(fixer, document, moved, preferredKey, cancellationToken).ConfigureAwait(false);
            if (action is null)
            {
                continue;
            }

            var operations = await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false);
            if (operations.OfType<ApplyChangesOperation>().FirstOrDefault()?.ChangedSolution.GetDocument(document.Id) is { } changed)
            {
                document = changed;
            }
        }

        return document.Project.Solution;
    }

    /// <summary>
    /// What a code action does to the documents it changes, done here for edits made outside one: imports, simplified
    /// names, formatting of the generated nodes and of elastic whitespace (some clients apply a Fix All result as is).
    /// </summary>
    private static async Task<Document> CleanupAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, SyntaxAnnotation.ElasticAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The preferred action where the site offers it, otherwise the first (best) one; null when the site has no fix.</summary>
    private static async Task<CodeAction?> ChooseAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic, string? preferredKey, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        return actions.FirstOrDefault(a => preferredKey is not null && string.Equals(a.EquivalenceKey, preferredKey, StringComparison.Ordinal))
            ?? actions.FirstOrDefault();
    }

    private static async Task<Dictionary<Document, ImmutableArray<Diagnostic>>> DiagnosticsByDocumentAsync(FixAllContext context)
    {
        var result = new Dictionary<Document, ImmutableArray<Diagnostic>>();
        switch (context.Scope)
        {
            case FixAllScope.Document when context.Document is not null:
                await AddAsync(context.Document).ConfigureAwait(false);
                break;
            case FixAllScope.Project:
                await AddProjectAsync(context.Project).ConfigureAwait(false);
                break;
            case FixAllScope.Solution:
                foreach (var project in context.Solution.Projects)
                {
                    await AddProjectAsync(project).ConfigureAwait(false);
                }

                break;
        }

        return result;

        async Task AddAsync(Document document)
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
            {
                result[document] = diagnostics;
            }
        }

        async Task AddProjectAsync(Project project)
        {
            if (project.Language != LanguageNames.CSharp)
            {
                return;
            }

            foreach (var document in project.Documents)
            {
                await AddAsync(document).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>A fixer whose fixes of one document must be planned on one snapshot and applied in one edit.</summary>
internal interface IDocumentBatchFixer
{
    /// <summary>Applies the best fix (or <paramref name="preferredKey"/>'s, where offered) of each diagnostic; skips sites without one.</summary>
    Task<Document> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? preferredKey, CancellationToken cancellationToken);
}
