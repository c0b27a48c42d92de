using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT205: before the assignment, <c>if (client != null) { await client.CloseAsync(); client.Dispose(); }</c> (no null
/// check for a member declared non-nullable). In a <c>catch</c> or a reconnect loop, where the previous client is likely
/// broken, the close is best effort (<c>try { await client.CloseAsync(); } catch (Exception) { }</c>) so that it cannot
/// stop the recovery. Async contexts only (methods, local functions, lambdas, top-level statements); no fix for a local
/// that may be unassigned there (reading it would not compile).
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
        StatementSyntax close = LifetimeSyntax.AwaitCall(previous, "CloseAsync");
        if (IsRecovering(statement))
        {
            // In a catch or a reconnect loop the previous client is likely broken: CloseAsync can throw, and an exception
            // here would stop the recovery (or the host). Closing it is best effort; disposing it is not optional.
            close = TryStatement(
                Block(close),
                SingletonList(CatchClause(
                    CatchDeclaration(ParseTypeName("global::System.Exception").WithAdditionalAnnotations(Simplifier.Annotation)),
                    null,
                    Block().WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(
                        EndOfLine(FixPlan.EndOfLine(root)),
                        Comment("// The previous client may already be broken: closing it is best effort."))))),
                null);
        }

        var dispose = LifetimeSyntax.CallStatement(previous, "Dispose");
        var cleanup = IsNonNullable(model, previous, cancellationToken)
            ? new[] { close, dispose }
            : new[] { LifetimeSyntax.If(LifetimeSyntax.NotNull(previous), close, dispose) };
        if (LifetimeSyntax.InsertBefore(root, statement, cleanup) is { } newRoot)
        {
            fixes.Add(new LifetimeFix(
                $"Close and dispose the previous '{previous.WithoutTrivia()}' first",
                EquivalenceKeys.CloseBeforeOverwrite,
                _ => Task.FromResult(document.WithSyntaxRoot(newRoot))));
        }

        return fixes;
    }

    /// <summary>The assignment replaces a client after a failure: in a <c>catch</c>, or in a loop, of the same function.</summary>
    private static bool IsRecovering(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case CatchClauseSyntax or WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax:
                    return true;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>A member or local declared non-nullable in an enabled nullable context: a null check would be noise.</summary>
    private static bool IsNonNullable(SemanticModel model, ExpressionSyntax target, CancellationToken cancellationToken)
        => model.GetSymbolInfo(target, cancellationToken).Symbol switch
        {
            IFieldSymbol field => field.NullableAnnotation == NullableAnnotation.NotAnnotated,
            IPropertySymbol property => property.NullableAnnotation == NullableAnnotation.NotAnnotated,
            ILocalSymbol local => local.NullableAnnotation == NullableAnnotation.NotAnnotated,
            _ => false,
        };
}
