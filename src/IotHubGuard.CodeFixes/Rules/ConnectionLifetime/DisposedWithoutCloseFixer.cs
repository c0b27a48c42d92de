using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT201: <c>using</c> → <c>await using</c> where the client is IAsyncDisposable (DisposeAsync closes first); or
/// <c>await client.CloseAsync()</c> in a <c>finally</c> around the rest of the using scope; or before an explicit
/// <c>Dispose()</c>. All need an async context. A field disposed in a synchronous method (a sync <c>Dispose()</c>) is
/// closed and disposed from the type's <c>DisposeAsync</c> instead. A synchronous method is never made async.
/// A Microsoft.Azure.Iot.Device <c>ConnectionClient</c> gets <c>await client.DisconnectAsync()</c> in the same places
/// (the diagnostic's <c>CloseMethod</c> property); it is not IAsyncDisposable, and the DisposeAsync member fix is not offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DisposedWithoutCloseFixer))]
[Shared]
public sealed class DisposedWithoutCloseFixer : LifetimeFixProvider
{
    /// <summary>Creates the fixer.</summary>
    public DisposedWithoutCloseFixer()
        : base(RuleIds.DisposedWithoutClose)
    {
    }

    private protected override async Task<IReadOnlyList<LifetimeFix>> GetFixesAsync(
        Document document, SyntaxNode node, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        var fixes = new List<LifetimeFix>();
        if (!DisposalFix.TryRead(properties, out var kind, out var client, out var isMember))
        {
            return fixes;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return fixes;
        }

        var closeMethod = properties.TryGetValue(DisposalSites.CloseMethodKey, out var named) && named == "DisconnectAsync" ? "DisconnectAsync" : "CloseAsync";
        StatementSyntax[] Close(ExpressionSyntax receiver) => new[] { LifetimeSyntax.AwaitCall(receiver, closeMethod) };

        switch (kind)
        {
            case DisposalKind.UsingDeclaration or DisposalKind.UsingStatement:
                if (!DisposalFix.TryGetUsing(node, kind, out var usingNode) || !LifetimeSyntax.CanAwait(usingNode))
                {
                    break;
                }

                if (LifetimeSyntax.SupportsAwaitUsing(usingNode)
                    && await DisposalFix.IsAsyncDisposableAsync(document, usingNode, cancellationToken).ConfigureAwait(false))
                {
                    fixes.Add(new LifetimeFix(
                        "Use 'await using' (DisposeAsync closes the client first)",
                        EquivalenceKeys.UseAwaitUsing,
                        _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(usingNode, DisposalFix.AwaitUsing(usingNode))))));
                }

                if (DisposalFix.WrapInFinally(root, usingNode, client, Close) is { } wrapped)
                {
                    fixes.Add(new LifetimeFix(
                        $"Close '{client}' in a finally block",
                        EquivalenceKeys.CloseInFinally,
                        _ => Task.FromResult(document.WithSyntaxRoot(wrapped))));
                }

                break;
            case DisposalKind.DisposeCall:
                if (LifetimeSyntax.CanAwait(node))
                {
                    if (!DisposalFix.TryGetDisposeStatement(node, out var statement, out var receiver, out var isConditional))
                    {
                        break;
                    }

                    var close = LifetimeSyntax.AwaitCall(receiver, closeMethod);
                    var inserted = isConditional ? new[] { LifetimeSyntax.If(LifetimeSyntax.NotNull(receiver), close) } : new[] { close };
                    if (LifetimeSyntax.InsertBefore(root, statement, inserted) is { } newRoot)
                    {
                        fixes.Add(new LifetimeFix(
                            $"Call {closeMethod}() before Dispose()",
                            EquivalenceKeys.CloseBeforeDispose,
                            _ => Task.FromResult(document.WithSyntaxRoot(newRoot))));
                    }
                }
                else if (isMember
                    && closeMethod == "CloseAsync"
                    && await StopAsyncMember.TryCreateAsync(document, node, client, alsoDispose: false, cancellationToken).ConfigureAwait(false) is { } stop)
                {
                    // A hosted service is stopped through StopAsync: close there; its Dispose() keeps disposing.
                    fixes.Add(new LifetimeFix($"Close '{client}' in a StopAsync override", EquivalenceKeys.CloseFieldFromStopAsync, stop));
                }
                else if (isMember
                    && closeMethod == "CloseAsync"
                    && await DisposeAsyncMember.TryCreateAsync(document, node, client, alsoDisposeFromDispose: false, cancellationToken).ConfigureAwait(false) is { } apply)
                {
                    fixes.Add(new LifetimeFix($"Close and dispose '{client}' from DisposeAsync", EquivalenceKeys.CloseFieldFromDisposeAsync, apply));
                }

                break;
        }

        return fixes;
    }
}

/// <summary>What the AZIOT201 and AZIOT204 fixers share: reading the diagnostic, finding the using or Dispose statement.</summary>
internal static class DisposalFix
{
    public static bool TryRead(ImmutableDictionary<string, string?> properties, out DisposalKind kind, out string client, out bool isMember)
    {
        kind = default;
        client = string.Empty;
        isMember = false;
        if (!properties.TryGetValue(DisposalSites.KindKey, out var kindText)
            || !Enum.TryParse(kindText, out kind)
            || !properties.TryGetValue(DisposalSites.ClientKey, out var name)
            || string.IsNullOrEmpty(name))
        {
            return false;
        }

        client = name!;
        isMember = properties.TryGetValue(DisposalSites.IsMemberKey, out var member) && member == "true";
        return true;
    }

    /// <summary>The <c>using</c> declaration statement or using statement the diagnostic is on.</summary>
    public static bool TryGetUsing(SyntaxNode node, DisposalKind kind, out StatementSyntax usingNode)
    {
        usingNode = kind == DisposalKind.UsingDeclaration
            ? node.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>(d => d.UsingKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.UsingKeyword))!
            : node.FirstAncestorOrSelf<UsingStatementSyntax>()!;
        return usingNode is not null;
    }

    public static async Task<bool> IsAsyncDisposableAsync(Document document, StatementSyntax usingNode, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var asyncDisposable = model?.Compilation.GetTypeByMetadataName("System.IAsyncDisposable");
        if (model is null || asyncDisposable is null)
        {
            return false;
        }

        var declaration = usingNode switch
        {
            LocalDeclarationStatementSyntax local => local.Declaration,
            UsingStatementSyntax statement => statement.Declaration,
            _ => null,
        };

        if (declaration is not null)
        {
            foreach (var declarator in declaration.Variables)
            {
                if (model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local || !Implements(local.Type, asyncDisposable))
                {
                    return false;
                }
            }

            return declaration.Variables.Count > 0;
        }

        return usingNode is UsingStatementSyntax { Expression: { } expression }
            && Implements(model.GetTypeInfo(expression, cancellationToken).Type, asyncDisposable);
    }

    /// <summary><c>using</c> → <c>await using</c>.</summary>
    public static StatementSyntax AwaitUsing(StatementSyntax usingNode)
        => usingNode switch
        {
            LocalDeclarationStatementSyntax local => local
                .WithAwaitKeyword(LifetimeSyntax.AwaitBefore(local.UsingKeyword))
                .WithUsingKeyword(local.UsingKeyword.WithLeadingTrivia()),
            UsingStatementSyntax statement => statement
                .WithAwaitKeyword(LifetimeSyntax.AwaitBefore(statement.UsingKeyword))
                .WithUsingKeyword(statement.UsingKeyword.WithLeadingTrivia()),
            _ => usingNode,
        };

    /// <summary>The rest of the using scope in <c>try</c>, the cleanup for <paramref name="client"/> in <c>finally</c>.</summary>
    public static SyntaxNode? WrapInFinally(SyntaxNode root, StatementSyntax usingNode, string client, Func<ExpressionSyntax, StatementSyntax[]> cleanup)
    {
        switch (usingNode)
        {
            case LocalDeclarationStatementSyntax local:
                return LifetimeSyntax.WrapRestInTryFinally(root, local, cleanup(IdentifierName(client)));
            case UsingStatementSyntax { Declaration: not null } statement:
                return LifetimeSyntax.WrapUsingBodyInTryFinally(root, statement, cleanup(IdentifierName(client)));
            case UsingStatementSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } } statement:
                return LifetimeSyntax.WrapUsingBodyInTryFinally(root, statement, cleanup(statement.Expression!));
            default:
                return null;
        }
    }

    /// <summary>The statement <c>client.Dispose();</c> / <c>client?.Dispose();</c> and its receiver.</summary>
    public static bool TryGetDisposeStatement(SyntaxNode node, out ExpressionStatementSyntax statement, out ExpressionSyntax receiver, out bool isConditional)
    {
        statement = null!;
        receiver = null!;
        isConditional = false;
        var expression = node.FirstAncestorOrSelf<ExpressionSyntax>(e => e is InvocationExpressionSyntax or ConditionalAccessExpressionSyntax);
        switch (expression)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess }:
                receiver = memberAccess.Expression;
                break;
            case ConditionalAccessExpressionSyntax conditional:
                receiver = conditional.Expression;
                isConditional = true;
                break;
            default:
                return false;
        }

        if (expression.Parent is not ExpressionStatementSyntax parent)
        {
            return false;
        }

        statement = parent;
        return true;
    }

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol interfaceType)
        => type is not null
        && (SymbolEqualityComparer.Default.Equals(type, interfaceType) || type.AllInterfaces.Contains(interfaceType, SymbolEqualityComparer.Default));
}
