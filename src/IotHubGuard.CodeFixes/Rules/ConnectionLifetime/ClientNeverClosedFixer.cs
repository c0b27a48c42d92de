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
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT206. For code that ends: <c>var client = …</c> becomes <c>await using var client = …</c> (device SDK clients,
/// which are <c>IAsyncDisposable</c>), or the rest of the client's scope goes into <c>try</c> with
/// <c>await client.CloseAsync()</c> (MQTTnet: <c>DisconnectAsync()</c>) in <c>finally</c>. For code that runs until
/// stopped (the client is used in a <c>while (true)</c> / <c>for (;;)</c> loop): a cancellation source cancelled on
/// Ctrl+C and SIGTERM, the loop on it, and the close after the loop. Async contexts only: a synchronous method is never
/// made <c>async</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientNeverClosedFixer))]
[Shared]
public sealed class ClientNeverClosedFixer : LifetimeFixProvider
{
    /// <summary>Creates the fixer.</summary>
    public ClientNeverClosedFixer()
        : base(RuleIds.ClientNeverClosed)
    {
    }

    private protected override async Task<IReadOnlyList<LifetimeFix>> GetFixesAsync(
        Document document, SyntaxNode node, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        var fixes = new List<LifetimeFix>();
        if (!properties.TryGetValue(ClientNeverClosedRule.ClientKey, out var client) || string.IsNullOrEmpty(client)
            || !properties.TryGetValue(ClientNeverClosedRule.CloseMethodKey, out var closeMethod) || string.IsNullOrEmpty(closeMethod))
        {
            return fixes;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || node.FirstAncestorOrSelf<StatementSyntax>() is not { } statement || !LifetimeSyntax.CanAwait(statement))
        {
            return fixes;
        }

        var close = LifetimeSyntax.AwaitCall(IdentifierName(client!), closeMethod!);
        var runsUntilStopped = properties.TryGetValue(ClientNeverClosedRule.RunsUntilStoppedKey, out var flag) && flag == "true";
        if (runsUntilStopped)
        {
            if (LifetimeSyntax.SupportsAwaitUsing(statement)
                && CloseOnShutdown.TryApply(root, model, statement, client!, close, cancellationToken) is { } stopped)
            {
                fixes.Add(new LifetimeFix(
                    $"Stop on Ctrl+C/SIGTERM and close '{client}' after the loop",
                    EquivalenceKeys.NeverClosedCloseOnShutdown,
                    _ => Task.FromResult(document.WithSyntaxRoot(stopped))));
            }

            return fixes; // a using or finally after an endless loop would never run
        }

        if (statement is not LocalDeclarationStatementSyntax { UsingKeyword.RawKind: (int)SyntaxKind.None, Declaration.Variables.Count: 1 } declaration
            || declaration.Declaration.Variables[0].Identifier.ValueText != client
            || !ScopedStatements.IsInStatementList(declaration))
        {
            return fixes;
        }

        if (closeMethod == "CloseAsync"
            && LifetimeSyntax.SupportsAwaitUsing(declaration)
            && !declaration.Modifiers.Any(SyntaxKind.ConstKeyword)
            && !IsReassigned(declaration, client!)
            && await DisposalFix.IsAsyncDisposableAsync(document, declaration, cancellationToken).ConfigureAwait(false))
        {
            var awaitUsing = declaration
                .WithoutLeadingTrivia()
                .WithAwaitKeyword(Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(Space))
                .WithUsingKeyword(Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(Space))
                .WithLeadingTrivia(declaration.GetLeadingTrivia());
            fixes.Add(new LifetimeFix(
                "Use 'await using' (DisposeAsync closes the client first)",
                EquivalenceKeys.NeverClosedUseAwaitUsing,
                _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(declaration, awaitUsing)))));
        }

        if (ScopedStatements.WrapRestInTryFinally(root, declaration, close) is { } wrapped)
        {
            fixes.Add(new LifetimeFix(
                $"Call {closeMethod}() on '{client}' in a finally block",
                EquivalenceKeys.NeverClosedCloseInFinally,
                _ => Task.FromResult(document.WithSyntaxRoot(wrapped))));
        }

        return fixes;
    }

    /// <summary>An <c>await using</c> variable is read-only: no fix when the client is assigned again.</summary>
    private static bool IsReassigned(LocalDeclarationStatementSyntax declaration, string client)
        => ScopedStatements.Scope(declaration).DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Any(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: var name } && name == client);
}
