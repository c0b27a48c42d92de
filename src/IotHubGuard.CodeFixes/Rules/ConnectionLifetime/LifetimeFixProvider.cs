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
/// <c>try/finally</c>, adds a <c>DisposeAsync</c>), so two fixes in one method or type can overlap: Fix All
/// (<see cref="BestFixAllProvider"/>) applies them one after the other on the same document.
/// </summary>
public abstract class LifetimeFixProvider : CodeFixProvider
{
    private readonly ImmutableArray<string> _ids;

    private protected LifetimeFixProvider(string diagnosticId) => _ids = ImmutableArray.Create(diagnosticId);

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds => _ids;

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => BestFixAllProvider.Instance;

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
