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
using Microsoft.CodeAnalysis.Editing;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT204: <c>if (client.IsConnected) { await client.DisconnectAsync(); }</c> before an explicit <c>Dispose()</c>,
/// or in a <c>finally</c> around the rest of the using scope. <c>IsConnected</c> guards it because MQTTnet's
/// DisconnectAsync throws on a client that is not connected. In a <c>finally</c>, MQTTnet 5's <c>TryDisconnectAsync()</c>
/// when it is in scope: it never throws, so it cannot hide the exception that reached the <c>finally</c>. Async contexts
/// only (methods, local functions, lambdas, top-level statements).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MqttDisposedWithoutDisconnectFixer))]
[Shared]
public sealed class MqttDisposedWithoutDisconnectFixer : LifetimeFixProvider
{
    /// <summary>Creates the fixer.</summary>
    public MqttDisposedWithoutDisconnectFixer()
        : base(RuleIds.MqttDisposedWithoutDisconnect)
    {
    }

    private protected override async Task<IReadOnlyList<LifetimeFix>> GetFixesAsync(
        Document document, SyntaxNode node, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        var fixes = new List<LifetimeFix>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || !DisposalFix.TryRead(properties, out var kind, out var client, out _))
        {
            return fixes;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        StatementSyntax Disconnect(ExpressionSyntax receiver, ITypeSymbol? clientType, bool nullable)
        {
            var connected = MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), IdentifierName("IsConnected"));
            ExpressionSyntax condition = nullable ? BinaryExpression(SyntaxKind.LogicalAndExpression, LifetimeSyntax.NotNull(receiver), connected) : connected;
            return LifetimeSyntax.If(condition, ExpressionStatement(AwaitExpression(DisconnectCall(model, generator, receiver, clientType, node.SpanStart))));
        }

        switch (kind)
        {
            case DisposalKind.UsingDeclaration or DisposalKind.UsingStatement:
                if (DisposalFix.TryGetUsing(node, kind, out var usingNode) && LifetimeSyntax.CanAwait(usingNode))
                {
                    var clientType = ClientType(model, usingNode, client, cancellationToken);

                    // In a finally, a throwing DisconnectAsync would hide the exception that got there: TryDisconnectAsync
                    // (MQTTnet 5) never throws, and needs no IsConnected check.
                    StatementSyntax Cleanup(ExpressionSyntax receiver)
                        => HasTryDisconnect(model, clientType, node.SpanStart)
                            ? LifetimeSyntax.AwaitCall(receiver, "TryDisconnectAsync")
                            : Disconnect(receiver, clientType, nullable: false);
                    if (DisposalFix.WrapInFinally(root, usingNode, client, r => new[] { Cleanup(r) }) is { } wrapped)
                    {
                        fixes.Add(new LifetimeFix($"Disconnect '{client}' in a finally block", EquivalenceKeys.DisconnectInFinally, _ => Task.FromResult(document.WithSyntaxRoot(wrapped))));
                    }
                }

                break;
            case DisposalKind.DisposeCall:
                if (DisposalFix.TryGetDisposeStatement(node, out var statement, out var receiver, out var isConditional)
                    && LifetimeSyntax.CanAwait(statement)
                    && LifetimeSyntax.InsertBefore(root, statement, new[] { Disconnect(receiver, model.GetTypeInfo(receiver, cancellationToken).Type, isConditional) }) is { } newRoot)
                {
                    fixes.Add(new LifetimeFix("Call DisconnectAsync() before Dispose()", EquivalenceKeys.DisconnectBeforeDispose, _ => Task.FromResult(document.WithSyntaxRoot(newRoot))));
                }

                break;
        }

        return fixes;
    }

    /// <summary>Whether MQTTnet's <c>TryDisconnectAsync()</c> extension (MQTTnet 5) can be called on the client here without arguments.</summary>
    private static bool HasTryDisconnect(SemanticModel model, ITypeSymbol? clientType, int position)
        => clientType is not null && model
            .LookupSymbols(position, clientType, "TryDisconnectAsync", includeReducedExtensionMethods: true)
            .OfType<IMethodSymbol>()
            .Any(m => m.Parameters.All(p => p.IsOptional));

    /// <summary>The type of the client a using disposes: the declared variable's, or the resource expression's.</summary>
    private static ITypeSymbol? ClientType(SemanticModel model, StatementSyntax usingNode, string client, CancellationToken cancellationToken)
    {
        var declaration = usingNode switch
        {
            LocalDeclarationStatementSyntax local => local.Declaration,
            UsingStatementSyntax statement => statement.Declaration,
            _ => null,
        };
        if (declaration?.Variables.FirstOrDefault(v => v.Identifier.ValueText == client) is { } declarator)
        {
            return (model.GetDeclaredSymbol(declarator, cancellationToken) as ILocalSymbol)?.Type;
        }

        return usingNode is UsingStatementSyntax { Expression: { } expression } ? model.GetTypeInfo(expression, cancellationToken).Type : null;
    }

    /// <summary>
    /// <c>client.DisconnectAsync()</c> when MQTTnet's extension overload is in scope, otherwise the interface method
    /// with <c>new MqttClientDisconnectOptions()</c> (its namespace is imported by the code action).
    /// </summary>
    private static ExpressionSyntax DisconnectCall(SemanticModel model, SyntaxGenerator generator, ExpressionSyntax receiver, ITypeSymbol? receiverType, int position)
    {
        var extensionInScope = receiverType is not null && model
            .LookupSymbols(position, receiverType, "DisconnectAsync", includeReducedExtensionMethods: true)
            .OfType<IMethodSymbol>()
            .Any(m => m.Parameters.All(p => p.IsOptional));
        if (extensionInScope)
        {
            return LifetimeSyntax.Call(receiver, "DisconnectAsync");
        }

        var options = receiverType?.ContainingNamespace is { } ns
            ? model.Compilation.GetTypeByMetadataName(ns.ToDisplayString() + ".MqttClientDisconnectOptions")
            : null;
        return options is null
            ? LifetimeSyntax.Call(receiver, "DisconnectAsync")
            : LifetimeSyntax.Call(receiver, "DisconnectAsync", Argument(ObjectCreationExpression((TypeSyntax)generator.TypeExpression(options, addImport: true), ArgumentList(), null)));
    }
}
