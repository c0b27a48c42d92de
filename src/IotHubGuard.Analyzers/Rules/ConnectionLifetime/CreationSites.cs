using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotHubGuard.Analyzers;

/// <summary>
/// The places that assign a client to a field, property or local (AZIOT205's "assigned in more than one place"),
/// found syntactically over the declaring type or function, with what each place looks like: an initialisation
/// (initialiser, constructor, declaration), guarded (the old client is released or null-checked first in the same
/// body), or in a loop.
/// </summary>
internal sealed class CreationSites
{
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<Site>> _sites = new(SymbolEqualityComparer.Default);

    public readonly struct Site
    {
        public Site(SyntaxNode node, bool isInitialization, bool isGuarded, bool isInLoop)
        {
            Node = node;
            IsInitialization = isInitialization;
            IsGuarded = isGuarded;
            IsInLoop = isInLoop;
        }

        /// <summary>The assignment, declarator or initialiser.</summary>
        public SyntaxNode Node { get; }

        public bool IsInitialization { get; }

        public bool IsGuarded { get; }

        public bool IsInLoop { get; }
    }

    /// <summary>
    /// Whether an unguarded overwrite at <paramref name="assignment"/> of a variable whose previous value the body cannot
    /// see is reportable: in a loop; or with an initialisation elsewhere (this is a re-assignment); or with another
    /// unguarded site (no way to tell which one runs first). The only assignment, and the one unguarded site next to
    /// guarded replacements (the start-up half of a start/reconnect pair), are the first assignment and never fire.
    /// </summary>
    public bool IsReportableOverwrite(ISymbol symbol, SyntaxNode assignment, CancellationToken cancellationToken)
    {
        if (IsInLoop(assignment))
        {
            return true;
        }

        foreach (var site in _sites.GetOrAdd(symbol, s => Collect(s, cancellationToken)))
        {
            if (site.Node.SyntaxTree == assignment.SyntaxTree && site.Node.Span == assignment.Span)
            {
                continue;
            }

            if (site.IsInitialization || !site.IsGuarded || site.IsInLoop)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The node sits in a loop body of its own function (not across a lambda or local function).</summary>
    public static bool IsInLoop(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    return true;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static ImmutableArray<Site> Collect(ISymbol symbol, CancellationToken cancellationToken)
    {
        var sites = ImmutableArray.CreateBuilder<Site>();
        switch (symbol)
        {
            case ILocalSymbol local:
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    var declarator = reference.GetSyntax(cancellationToken);
                    if (declarator is VariableDeclaratorSyntax { Initializer.Value: { } value } && !IsNullLiteral(value))
                    {
                        sites.Add(new Site(declarator, isInitialization: true, isGuarded: false, isInLoop: false));
                    }

                    var scope = local.ContainingSymbol.DeclaringSyntaxReferences.Length > 0
                        ? local.ContainingSymbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)
                        : declarator.SyntaxTree.GetRoot(cancellationToken);
                    AddAssignments(scope, local.Name, allowThis: false, sites);
                }

                break;
            case IFieldSymbol or IPropertySymbol:
                foreach (var reference in symbol.ContainingType.DeclaringSyntaxReferences)
                {
                    AddAssignments(reference.GetSyntax(cancellationToken), symbol.Name, allowThis: true, sites);
                }

                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    var initializer = reference.GetSyntax(cancellationToken) switch
                    {
                        VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                        PropertyDeclarationSyntax property => property.Initializer?.Value,
                        _ => null,
                    };
                    if (initializer is not null && !IsNullLiteral(initializer))
                    {
                        sites.Add(new Site(initializer, isInitialization: true, isGuarded: false, isInLoop: false));
                    }
                }

                break;
        }

        return sites.ToImmutable();
    }

    private static void AddAssignments(SyntaxNode scope, string name, bool allowThis, ImmutableArray<Site>.Builder sites)
    {
        foreach (var node in scope.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                && IsName(assignment.Left, name, allowThis)
                && !IsNullLiteral(assignment.Right))
            {
                var body = FunctionOf(assignment);
                sites.Add(new Site(
                    assignment,
                    isInitialization: body is ConstructorDeclarationSyntax,
                    isGuarded: body is not null && IsGuarded(body, assignment, name, allowThis),
                    isInLoop: IsInLoop(assignment)));
            }
        }
    }

    private static SyntaxNode? FunctionOf(SyntaxNode node)
        => node.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);

    /// <summary>Before the assignment, the same body releases the old client or tests it for null.</summary>
    private static bool IsGuarded(SyntaxNode body, AssignmentExpressionSyntax assignment, string name, bool allowThis)
    {
        foreach (var node in body.DescendantNodes(n => n.SpanStart < assignment.SpanStart))
        {
            if (node.SpanStart >= assignment.SpanStart)
            {
                continue;
            }

            switch (node)
            {
                case InvocationExpressionSyntax invocation
                    when ReleaseSyntax.TryGetCall(invocation, ReleaseSyntax.AllReleaseNames, out var identifier, out var method)
                        && identifier == name
                        && ReleaseModel.KindOfName(ClientFamily.DeviceSdk, method) >= ReleaseKind.Dispose:
                    return true;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression or (int)SyntaxKind.NotEqualsExpression } binary
                    when (IsName(binary.Left, name, allowThis) && IsNullLiteral(binary.Right)) || (IsName(binary.Right, name, allowThis) && IsNullLiteral(binary.Left)):
                    return true;
                case IsPatternExpressionSyntax isPattern when IsName(isPattern.Expression, name, allowThis):
                    return true;
            }
        }

        return false;
    }

    private static bool IsName(ExpressionSyntax expression, string name, bool allowThis)
        => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => allowThis && identifier.Identifier.ValueText == name,
            _ => false,
        };

    private static bool IsNullLiteral(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            expression = expression switch
            {
                ParenthesizedExpressionSyntax parenthesized => parenthesized.Expression,
                CastExpressionSyntax cast => cast.Expression,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                _ => expression,
            };
        }

        return expression.IsKind(SyntaxKind.NullLiteralExpression)
            || expression.IsKind(SyntaxKind.DefaultLiteralExpression)
            || expression.IsKind(SyntaxKind.DefaultExpression);
    }
}
