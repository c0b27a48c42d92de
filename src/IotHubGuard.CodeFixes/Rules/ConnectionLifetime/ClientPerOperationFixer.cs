using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT203: hoist a loop-invariant client creation above the loop. <c>using var client = DeviceClient.Create…(cs);</c>
/// as a statement of the loop body, whose arguments read nothing the loop changes, moves before the loop as
/// <c>await using var client = …;</c>, together with the loop-invariant locals it reads (declared in the body before it
/// and assigned nowhere else). One connection then serves every iteration, and <c>DisposeAsync</c> closes it once.
/// No fix otherwise: a creation that reads the iteration's data, a client that is not a <c>using</c> declaration of the
/// body, a lambda run per item, a synchronous method, or a name already taken outside the loop.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientPerOperationFixer))]
[Shared]
public sealed class ClientPerOperationFixer : LifetimeFixProvider
{
    /// <summary>Creates the fixer.</summary>
    public ClientPerOperationFixer()
        : base(RuleIds.ClientPerOperation)
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
            || node.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } creation
            || creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 }
            || declarator.Parent.Parent is not LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.UsingKeyword } declaration
            || declaration.Parent is not BlockSyntax body
            || body.Parent is not (ForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
            || body.Parent is not StatementSyntax loop
            || loop.Parent is not (BlockSyntax or GlobalStatementSyntax)
            || !LifetimeSyntax.CanAwait(loop)
            || !LifetimeSyntax.SupportsAwaitUsing(loop)
            || !await DisposalFix.IsAsyncDisposableAsync(document, declaration, cancellationToken).ConfigureAwait(false))
        {
            return fixes;
        }

        var hoisted = new List<LocalDeclarationStatementSyntax>();
        if (!IsInvariant(creation, model, loop, body, declaration, hoisted, depth: 0, cancellationToken)
            || NameTakenOutside(model, loop, declarator.Identifier.ValueText, cancellationToken)
            || hoisted.Any(h => NameTakenOutside(model, loop, h.Declaration.Variables[0].Identifier.ValueText, cancellationToken)))
        {
            return fixes;
        }

        var moved = hoisted.Distinct().OrderBy(h => h.SpanStart).Cast<StatementSyntax>().ToList();
        var client = declaration
            .WithAwaitKeyword(LifetimeSyntax.AwaitBefore(declaration.UsingKeyword))
            .WithUsingKeyword(declaration.UsingKeyword.WithLeadingTrivia());
        moved.Add(client);

        var tracked = root.TrackNodes(moved.Where(m => m != client).Append(declaration).Append(loop));
        var newRoot = tracked.RemoveNodes(
            moved.Where(m => m != client).Append(declaration).Select(m => tracked.GetCurrentNode(m)!),
            SyntaxRemoveOptions.KeepNoTrivia)!;
        var currentLoop = newRoot.GetCurrentNode(loop)!;
        var inserted = moved.Select(m => (StatementSyntax)m.WithAdditionalAnnotations(Formatter.Annotation)).ToList();
        newRoot = LifetimeSyntax.InsertBefore(newRoot, currentLoop, inserted);
        if (newRoot is null)
        {
            return fixes;
        }

        fixes.Add(new LifetimeFix(
            $"Create '{declarator.Identifier.ValueText}' once, before the loop",
            EquivalenceKeys.HoistClientCreation,
            _ => Task.FromResult(document.WithSyntaxRoot(newRoot))));
        return fixes;
    }

    /// <summary>
    /// Every name <paramref name="expression"/> reads is declared outside the loop (parameter, field, local before the loop,
    /// constant, type) or is a local of the body declared before <paramref name="before"/> by a single <c>var x = …;</c>
    /// that is itself invariant and assigned nowhere else in the loop (collected in <paramref name="hoisted"/>).
    /// </summary>
    private static bool IsInvariant(
        SyntaxNode expression,
        SemanticModel model,
        StatementSyntax loop,
        BlockSyntax body,
        StatementSyntax before,
        List<LocalDeclarationStatementSyntax> hoisted,
        int depth,
        CancellationToken cancellationToken)
    {
        if (depth > 3 || expression.DescendantNodesAndSelf().Any(n => n is AwaitExpressionSyntax or AnonymousFunctionExpressionSyntax or DeclarationExpressionSyntax))
        {
            return false;
        }

        foreach (var name in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            switch (symbol)
            {
                case null:
                    return false;
                case ILocalSymbol local:
                    var declaredAt = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
                    if (declaredAt is null)
                    {
                        return false;
                    }

                    if (!loop.Span.Contains(declaredAt.Span))
                    {
                        if (IsAssignedIn(loop, local, model, cancellationToken))
                        {
                            return false;
                        }

                        continue;
                    }

                    if (declaredAt is not VariableDeclaratorSyntax { Initializer.Value: { } initializer, Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } statement } }
                        || statement.Parent != body
                        || statement.SpanStart >= before.SpanStart
                        || local.IsConst
                        || IsAssignedIn(loop, local, model, cancellationToken)
                        || !IsInvariant(initializer, model, loop, body, statement, hoisted, depth + 1, cancellationToken))
                    {
                        return false;
                    }

                    hoisted.Add(statement);
                    continue;
                case IParameterSymbol parameter:
                    if (IsAssignedIn(loop, parameter, model, cancellationToken))
                    {
                        return false;
                    }

                    continue;
                case IFieldSymbol or IPropertySymbol or IMethodSymbol or INamedTypeSymbol or INamespaceSymbol:
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The loop writes the variable (assignment, <c>++</c>, <c>ref</c>/<c>out</c>): its value may change per iteration.</summary>
    private static bool IsAssignedIn(StatementSyntax loop, ISymbol symbol, SemanticModel model, CancellationToken cancellationToken)
        => loop.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == symbol.Name)
            .Any(n => (n.Parent is AssignmentExpressionSyntax assignment && assignment.Left == n
                    || n.Parent is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax
                    || n.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 })
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, symbol));

    /// <summary>A local or parameter of that name is visible before the loop, or declared after it in the enclosing scope.</summary>
    private static bool NameTakenOutside(SemanticModel model, StatementSyntax loop, string name, CancellationToken cancellationToken)
    {
        if (model.LookupSymbols(loop.SpanStart, name: name).Any(s => s is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol))
        {
            return true;
        }

        var scope = loop.Parent is GlobalStatementSyntax ? loop.SyntaxTree.GetRoot(cancellationToken) : loop.Parent!;
        return scope.DescendantNodes()
            .Where(n => !loop.Span.Contains(n.Span))
            .Any(n => n is VariableDeclaratorSyntax v && v.Identifier.ValueText == name
                || n is SingleVariableDesignationSyntax d && d.Identifier.ValueText == name
                || n is ForEachStatementSyntax f && f.Identifier.ValueText == name);
    }
}
