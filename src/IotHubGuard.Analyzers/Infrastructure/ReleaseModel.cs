using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// What <see cref="ReleaseFlow"/> tracks and what counts as "released" (closed) for one kind of client:
/// <c>CloseAsync</c> for the device SDK, <c>DisconnectAsync</c> for MQTTnet, and so on. One instance per
/// compilation; it caches what it learns about helper methods.
/// </summary>
internal abstract class ReleaseModel
{
    private const int MaxHelperDepth = 3;

    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Ordinal), bool> _parameterHelpers = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableHashSet<string>> _memberHelpers = new(SymbolEqualityComparer.Default);

    /// <summary>Method names that release their receiver (<c>CloseAsync</c>, <c>DisconnectAsync</c>, …), for the syntactic helper scans.</summary>
    public abstract ImmutableHashSet<string> ReleaseMethodNames { get; }

    /// <summary>Whether variables of this type are tracked.</summary>
    public abstract bool IsTrackedType(ITypeSymbol? type);

    /// <summary>The operation this invocation releases (its receiver), or null when it releases nothing.</summary>
    public abstract IOperation? GetReleasedReceiver(IInvocationOperation invocation);

    /// <summary>
    /// A condition that says the client holds no open connection besides a null check (MQTTnet <c>IsConnected</c>):
    /// <paramref name="notOpenWhen"/> is the value of the condition for which the client is not open.
    /// </summary>
    public virtual bool TryGetNotOpenCondition(IOperation condition, out IOperation? reference, out bool notOpenWhen)
    {
        reference = null;
        notOpenWhen = false;
        return false;
    }

    /// <summary>
    /// Whether a method declared in source releases the parameter at <paramref name="ordinal"/>, e.g.
    /// <c>static async Task ShutdownAsync(DeviceClient client) { await client.CloseAsync(); … }</c>. Syntactic, one level.
    /// </summary>
    public bool ReleasesParameter(IMethodSymbol method, int ordinal, CancellationToken cancellationToken)
    {
        method = method.ReducedFrom ?? method;
        method = method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        if (method.ReducedFrom is null && ordinal >= method.Parameters.Length)
        {
            return false;
        }

        return _parameterHelpers.GetOrAdd((method, ordinal), key =>
        {
            if (key.Ordinal >= key.Method.Parameters.Length)
            {
                return false;
            }

            var name = key.Method.Parameters[key.Ordinal].Name;
            foreach (var reference in key.Method.DeclaringSyntaxReferences)
            {
                if (ReleasedNames(reference.GetSyntax(cancellationToken), ReleaseMethodNames).Contains(name))
                {
                    return true;
                }
            }

            return false;
        });
    }

    /// <summary>
    /// Names of the fields and properties that a method of the same type releases, directly or through other methods
    /// of the type it calls (<c>Dispose()</c> → <c>CloseClientAsync()</c> → <c>_client.CloseAsync()</c>). Syntactic.
    /// </summary>
    public ImmutableHashSet<string> ReleasedMembers(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            return ImmutableHashSet<string>.Empty;
        }

        return _memberHelpers.GetOrAdd(method, m =>
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            CollectReleasedMembers(m, names, visited, 0, cancellationToken);
            return names.ToImmutable();
        });
    }

    /// <summary>
    /// Identifiers released in <paramref name="node"/>: the receiver names of <c>x.CloseAsync()</c>,
    /// <c>this.x.CloseAsync()</c> and <c>x?.CloseAsync()</c> for the given method names.
    /// </summary>
    public static ImmutableHashSet<string> ReleasedNames(SyntaxNode node, ImmutableHashSet<string> methodNames)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var invocation in node.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (GetReleasedIdentifier(invocation, methodNames) is { } name)
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }

    /// <summary>The receiver identifier of a release call (<c>x.CloseAsync()</c>, <c>this.x.CloseAsync()</c>, <c>x?.CloseAsync()</c>).</summary>
    public static string? GetReleasedIdentifier(InvocationExpressionSyntax invocation, ImmutableHashSet<string> methodNames)
    {
        switch (invocation.Expression)
        {
            case MemberAccessExpressionSyntax memberAccess when methodNames.Contains(memberAccess.Name.Identifier.ValueText):
                return IdentifierOf(memberAccess.Expression);
            case MemberBindingExpressionSyntax binding when methodNames.Contains(binding.Name.Identifier.ValueText):
                for (SyntaxNode? current = invocation; current is not null; current = current.Parent)
                {
                    if (current.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == current)
                    {
                        return IdentifierOf(conditional.Expression);
                    }
                }

                return null;
            default:
                return null;
        }
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

    private void CollectReleasedMembers(IMethodSymbol method, ImmutableHashSet<string>.Builder names, HashSet<IMethodSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxHelperDepth || !visited.Add(method))
        {
            return;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax(cancellationToken);
            names.UnionWith(ReleasedNames(body, ReleaseMethodNames));
            foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var calledName = invocation.Expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
                    _ => null,
                };
                if (calledName is null)
                {
                    continue;
                }

                foreach (var callee in method.ContainingType.GetMembers(calledName))
                {
                    if (callee is IMethodSymbol calleeMethod)
                    {
                        CollectReleasedMembers(calleeMethod, names, visited, depth + 1, cancellationToken);
                    }
                }
            }
        }
    }
}
