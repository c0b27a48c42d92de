using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// Base of the connection-lifetime fixers. A fix rewrites statements around the reported node (wraps a scope in
/// <c>try/finally</c>, adds a <c>DisposeAsync</c>), so two fixes in one method or type can overlap: Fix All applies
/// them one after the other on the same document, each on its node found again through an annotation.
/// </summary>
public abstract class LifetimeFixProvider : CodeFixProvider
{
    private readonly ImmutableArray<string> _ids;

    private protected LifetimeFixProvider(string diagnosticId) => _ids = ImmutableArray.Create(diagnosticId);

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds => _ids;

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocumentAsync);

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var fixes = await GetFixesAsync(context.Document, node, diagnostic.Properties, context.CancellationToken).ConfigureAwait(false);
            foreach (var fix in fixes)
            {
                context.RegisterCodeFix(CodeAction.Create(fix.Title, fix.Apply, fix.EquivalenceKey), diagnostic);
            }
        }
    }

    /// <summary>The fixes for the node at a diagnostic (or the same node found again during Fix All).</summary>
    private protected abstract Task<IReadOnlyList<LifetimeFix>> GetFixesAsync(
        Document document,
        SyntaxNode node,
        ImmutableDictionary<string, string?> properties,
        CancellationToken cancellationToken);

    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || diagnostics.IsEmpty)
        {
            return document;
        }

        var targets = new List<(SyntaxAnnotation Annotation, int Position, ImmutableDictionary<string, string?> Properties)>();
        var annotationsByNode = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (var diagnostic in diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var annotation = new SyntaxAnnotation();
            if (!annotationsByNode.TryGetValue(node, out var list))
            {
                annotationsByNode[node] = list = new List<SyntaxAnnotation>();
            }

            list.Add(annotation);
            targets.Add((annotation, diagnostic.Location.SourceSpan.Start, diagnostic.Properties));
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(
            annotationsByNode.Keys,
            (original, rewritten) => rewritten.WithAdditionalAnnotations(annotationsByNode[original])));

        // In document order, as one fix after the other would go: the result is the same as applying them one by one.
        foreach (var target in targets.OrderBy(t => t.Position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = current?.GetAnnotatedNodes(target.Annotation).FirstOrDefault();
            if (node is null)
            {
                continue;
            }

            var fixes = await GetFixesAsync(document, node, target.Properties, cancellationToken).ConfigureAwait(false);
            var fix = fixes.FirstOrDefault(f => string.Equals(f.EquivalenceKey, context.CodeActionEquivalenceKey, StringComparison.Ordinal));
            if (fix is not null)
            {
                document = await fix.Apply(cancellationToken).ConfigureAwait(false);
            }
        }

        return document;
    }
}

/// <summary>One code action a lifetime fixer offers.</summary>
internal sealed class LifetimeFix
{
    public LifetimeFix(string title, string equivalenceKey, Func<CancellationToken, Task<Document>> apply)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Apply = apply;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }

    public Func<CancellationToken, Task<Document>> Apply { get; }
}
