using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.Analyzers;

/// <summary>How a client is disposed: the shape the AZIOT201/204 fixes rewrite.</summary>
internal enum DisposalKind
{
    /// <summary><c>using var client = …;</c></summary>
    UsingDeclaration,

    /// <summary><c>using (var client = …) { … }</c> or <c>using (client) { … }</c></summary>
    UsingStatement,

    /// <summary><c>client.Dispose();</c> or <c>client?.Dispose();</c></summary>
    DisposeCall,
}

/// <summary>Disposals of tracked clients (AZIOT201, AZIOT204): what to look for, where to report, what the fix needs.</summary>
internal static class DisposalSites
{
    public const string KindKey = "DisposalKind";
    public const string ClientKey = "Client";
    public const string IsMemberKey = "IsMember";

    /// <summary>The call that closes the client cleanly: <c>CloseAsync</c> (device SDK) or <c>DisconnectAsync</c>.</summary>
    public const string CloseMethodKey = "CloseMethod";

    /// <summary>Checkpoint selector: a <c>Dispose()</c> call on a tracked variable, explicit or the implicit one of a <c>using</c>.</summary>
    public static ISymbol? SelectDisposal(IOperation operation, IFlowValues values)
        => IsDisposal(operation, out var instance) ? values.Resolve(instance) : null;

    /// <summary>A <c>Dispose()</c> call, explicit or the implicit one of a <c>using</c>.</summary>
    public static bool IsDisposal(IOperation operation, out IOperation instance)
    {
        if (operation is IInvocationOperation { TargetMethod: { Name: "Dispose", Parameters.IsEmpty: true }, Instance: { } receiver })
        {
            instance = receiver;
            return true;
        }

        instance = operation;
        return false;
    }

    /// <summary>Where a disposal is reported: the <c>using</c> line, or the <c>Dispose()</c> call.</summary>
    public static bool TryGetSite(IOperation disposal, out Location location, out DisposalKind kind)
    {
        var syntax = disposal.Syntax;
        if (disposal.IsImplicit)
        {
            for (var node = syntax; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case UsingStatementSyntax usingStatement when usingStatement.AwaitKeyword.IsKind(SyntaxKind.None):
                        location = Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(usingStatement.UsingKeyword.SpanStart, usingStatement.CloseParenToken.Span.End));
                        kind = DisposalKind.UsingStatement;
                        return true;
                    case LocalDeclarationStatementSyntax declaration when declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) && declaration.AwaitKeyword.IsKind(SyntaxKind.None):
                        location = declaration.GetLocation();
                        kind = DisposalKind.UsingDeclaration;
                        return true;
                    case StatementSyntax or MemberDeclarationSyntax:
                        location = Location.None;
                        kind = default;
                        return false;
                }
            }

            location = Location.None;
            kind = default;
            return false;
        }

        if (syntax is InvocationExpressionSyntax)
        {
            var reported = syntax.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == syntax ? conditional : syntax;
            location = reported.GetLocation();
            kind = DisposalKind.DisposeCall;
            return true;
        }

        location = Location.None;
        kind = default;
        return false;
    }

    public static ImmutableDictionary<string, string?> Properties(DisposalKind kind, ISymbol client)
        => ImmutableDictionary<string, string?>.Empty
            .Add(KindKey, kind.ToString())
            .Add(ClientKey, client.Name)
            .Add(IsMemberKey, client is IFieldSymbol or IPropertySymbol ? "true" : "false");
}
