using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotHubGuard.Analyzers;

/// <summary>
/// The syntactic half of <see cref="ReleaseModel"/>: calls that look like a release (<c>x.CloseAsync()</c>,
/// <c>this.x.Dispose()</c>, <c>x?.DisconnectAsync()</c>) in helper bodies the flow cannot see into. The names say
/// which call it is; <see cref="ReleaseModel.KindOfName"/> says what that call does to which client family.
/// </summary>
internal static class ReleaseSyntax
{
    /// <summary>Every method name that releases some client family.</summary>
    public static readonly ImmutableHashSet<string> AllReleaseNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "CloseAsync", "DisposeAsync", "Dispose", "DisconnectAsync", "TryDisconnectAsync");

    /// <summary>The release-looking calls in <paramref name="node"/>: receiver identifier and method name.</summary>
    public static ImmutableArray<ReleaseCall> CallsIn(SyntaxNode node)
    {
        ImmutableArray<ReleaseCall>.Builder? calls = null;
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant is InvocationExpressionSyntax invocation && TryGetCall(invocation, AllReleaseNames, out var identifier, out var method))
            {
                (calls ??= ImmutableArray.CreateBuilder<ReleaseCall>()).Add(new ReleaseCall(identifier, method, invocation));
            }
        }

        return calls?.ToImmutable() ?? ImmutableArray<ReleaseCall>.Empty;
    }

    /// <summary>
    /// The receiver identifier and method name of a call to one of <paramref name="methodNames"/>:
    /// <c>x.CloseAsync()</c>, <c>this.x.CloseAsync()</c>, <c>x?.CloseAsync()</c>.
    /// </summary>
    public static bool TryGetCall(InvocationExpressionSyntax invocation, ImmutableHashSet<string> methodNames, out string identifier, out string method)
    {
        identifier = string.Empty;
        method = string.Empty;
        string? receiver = null;
        switch (invocation.Expression)
        {
            case MemberAccessExpressionSyntax memberAccess when methodNames.Contains(memberAccess.Name.Identifier.ValueText):
                method = memberAccess.Name.Identifier.ValueText;
                receiver = IdentifierOf(memberAccess.Expression);
                break;
            case MemberBindingExpressionSyntax binding when methodNames.Contains(binding.Name.Identifier.ValueText):
                method = binding.Name.Identifier.ValueText;
                for (SyntaxNode? current = invocation; current is not null; current = current.Parent)
                {
                    if (current.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == current)
                    {
                        receiver = IdentifierOf(conditional.Expression);
                        break;
                    }
                }

                break;
        }

        if (receiver is null)
        {
            return false;
        }

        identifier = receiver;
        return true;
    }

    /// <summary>The identifiers that <paramref name="node"/> calls one of <paramref name="methodNames"/> on.</summary>
    public static ImmutableHashSet<string> ReleasedNames(SyntaxNode node, ImmutableHashSet<string> methodNames)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var descendant in node.DescendantNodesAndSelf())
        {
            if (descendant is InvocationExpressionSyntax invocation && TryGetCall(invocation, methodNames, out var identifier, out _))
            {
                names.Add(identifier);
            }
        }

        return names.ToImmutable();
    }

    /// <summary>The strongest release that <paramref name="calls"/> apply to <paramref name="identifier"/> for a client of <paramref name="family"/>.</summary>
    public static ReleaseKind KindFor(IEnumerable<ReleaseCall> calls, string identifier, ClientFamily family)
    {
        var kind = ReleaseKind.None;
        foreach (var call in calls)
        {
            if (call.Identifier == identifier && ReleaseModel.KindOfName(family, call.Method) is var callKind && callKind > kind)
            {
                kind = callKind;
            }
        }

        return kind;
    }

    private static string? IdentifierOf(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            _ => null,
        };
    }
}

/// <summary>A release-looking call found syntactically: <c>Identifier.Method(…)</c>.</summary>
internal readonly struct ReleaseCall
{
    public ReleaseCall(string identifier, string method, InvocationExpressionSyntax syntax)
    {
        Identifier = identifier;
        Method = method;
        Syntax = syntax;
    }

    public string Identifier { get; }

    public string Method { get; }

    public InvocationExpressionSyntax Syntax { get; }
}
