using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT205: before the assignment, <c>if (client != null) { await client.CloseAsync(); client.Dispose(); }</c>.
/// Async contexts only; no fix for a local that may be unassigned there (reading it would not compile).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientOverwrittenWhileOpenFixer))]
[Shared]
public sealed class ClientOverwrittenWhileOpenFixer : LifetimeFixProvider
{
    /// <summary>Creates the fixer.</summary>
    public ClientOverwrittenWhileOpenFixer()
        : base(RuleIds.ClientOverwrittenWhileOpen)
    {
    }

    private protected override async Task<IReadOnlyList<LifetimeFix>> GetFixesAsync(
        Document document, SyntaxNode node, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        var fixes = new List<LifetimeFix>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null
            || model is null
            || node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { Parent: ExpressionStatementSyntax statement } assignment
            || !LifetimeSyntax.CanAwait(statement))
        {
            return fixes;
        }

        if (model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is ILocalSymbol local
            && !(local.DeclaringSyntaxReferences.Length == 1
                 && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: not null }))
        {
            return fixes; // may be unassigned before the assignment: `if (client != null)` would not compile
        }

        var previous = assignment.Left;
        var guard = LifetimeSyntax.If(
            LifetimeSyntax.NotNull(previous),
            LifetimeSyntax.AwaitCall(previous, "CloseAsync"),
            LifetimeSyntax.CallStatement(previous, "Dispose"));
        if (LifetimeSyntax.InsertBefore(root, statement, new[] { guard }) is { } newRoot)
        {
            fixes.Add(new LifetimeFix(
                $"Close and dispose the previous '{previous.WithoutTrivia()}' first",
                EquivalenceKeys.CloseBeforeOverwrite,
                _ => Task.FromResult(document.WithSyntaxRoot(newRoot))));
        }

        return fixes;
    }
}
