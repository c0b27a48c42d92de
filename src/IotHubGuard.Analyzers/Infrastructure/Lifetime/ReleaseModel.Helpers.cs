using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>The variables one flow graph tracks, as <see cref="ReleaseModel.CollectReleases"/> sees them.</summary>
internal interface IFlowSymbols
{
    int Count { get; }

    /// <summary>Whether a field or property is tracked (member helpers are only looked at then).</summary>
    bool HasMembers { get; }

    /// <summary>The type whose member the graph belongs to.</summary>
    INamedTypeSymbol? ContainingType { get; }

    ISymbol SymbolAt(int index);

    ClientFamily FamilyAt(int index);

    /// <summary>The index of the tracked variable an operand denotes, or -1.</summary>
    int IndexOf(IOperation? operand);
}

/// <summary>Releases through source helpers the flow cannot see into: the syntactic scans, cached per method.</summary>
internal sealed partial class ReleaseModel
{
    private const int MaxHelperDepth = 3;

    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<ReleaseCall>> _ownCalls = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<ReleaseCall>> _memberCalls = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// Every variable of <paramref name="flow"/> that <paramref name="invocation"/> releases, and how: the client it is
    /// called on (<c>client.CloseAsync()</c>), a client passed to a source helper that releases its parameter
    /// (<c>ShutdownAsync(client)</c>), variables a called local function releases, and fields a method of the same type
    /// releases (<c>await StopAsync();</c>).
    /// </summary>
    public void CollectReleases(IInvocationOperation invocation, IFlowSymbols flow, List<(int Index, ReleaseKind Kind)> releases, CancellationToken cancellationToken)
    {
        var operand = flow.IndexOf(ClientOperand(invocation));
        if (operand >= 0 && KindOf(invocation, flow.FamilyAt(operand)) is var direct and not ReleaseKind.None)
        {
            releases.Add((operand, direct));
            return;
        }

        var method = invocation.TargetMethod;
        if (method.DeclaringSyntaxReferences.IsEmpty && method.ReducedFrom is null)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter
                && flow.IndexOf(argument.Value) is var index and >= 0
                && ParameterRelease(method, parameter.Ordinal, flow.FamilyAt(index), cancellationToken) is var kind and not ReleaseKind.None)
            {
                releases.Add((index, kind));
            }
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            // A local function that releases a variable it captures: await CloseAsync(); … async Task CloseAsync() => await client.CloseAsync();
            var calls = OwnCalls(method, cancellationToken);
            for (var i = 0; i < flow.Count && !calls.IsEmpty; i++)
            {
                if (flow.SymbolAt(i) is not IParameterSymbol && ReleaseSyntax.KindFor(calls, flow.SymbolAt(i).Name, flow.FamilyAt(i)) is var kind and not ReleaseKind.None)
                {
                    releases.Add((i, kind));
                }
            }
        }

        if (flow.HasMembers
            && flow.ContainingType is { } containingType
            && (invocation.Instance is null ? method.IsStatic : IsThisOrStatic(invocation.Instance))
            && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, containingType.OriginalDefinition))
        {
            // A method of this type that releases fields: await StopAsync(); _client.Dispose();
            var calls = MemberCalls(method, cancellationToken);
            for (var i = 0; i < flow.Count && !calls.IsEmpty; i++)
            {
                if (flow.SymbolAt(i) is IFieldSymbol or IPropertySymbol && ReleaseSyntax.KindFor(calls, flow.SymbolAt(i).Name, flow.FamilyAt(i)) is var kind and not ReleaseKind.None)
                {
                    releases.Add((i, kind));
                }
            }
        }
    }

    /// <summary>The receiver is <c>this</c> (or absent for a static).</summary>
    public static bool IsThisOrStatic(IOperation? instance)
        => instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

    /// <summary>
    /// What a method declared in source does to the parameter at <paramref name="ordinal"/>, e.g.
    /// <c>static async Task ShutdownAsync(DeviceClient client) { await client.CloseAsync(); … }</c>. Syntactic, one level.
    /// </summary>
    public ReleaseKind ParameterRelease(IMethodSymbol method, int ordinal, ClientFamily family, CancellationToken cancellationToken)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty || ordinal >= method.Parameters.Length)
        {
            return ReleaseKind.None;
        }

        return ReleaseSyntax.KindFor(OwnCalls(method, cancellationToken), method.Parameters[ordinal].Name, family);
    }

    /// <summary>
    /// The release calls of a method and of the methods of its type it calls, three levels deep
    /// (<c>Dispose()</c> → <c>CloseClientAsync()</c> → <c>_client.CloseAsync()</c>). Syntactic.
    /// </summary>
    public ImmutableArray<ReleaseCall> MemberCalls(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            return ImmutableArray<ReleaseCall>.Empty;
        }

        return _memberCalls.GetOrAdd(method, m =>
        {
            var calls = ImmutableArray.CreateBuilder<ReleaseCall>();
            CollectMemberCalls(m, calls, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), 0, cancellationToken);
            return calls.ToImmutable();
        });
    }

    private ImmutableArray<ReleaseCall> OwnCalls(IMethodSymbol method, CancellationToken cancellationToken)
        => _ownCalls.GetOrAdd(method.OriginalDefinition, m =>
        {
            var calls = ImmutableArray.CreateBuilder<ReleaseCall>();
            foreach (var reference in m.DeclaringSyntaxReferences)
            {
                calls.AddRange(ReleaseSyntax.CallsIn(reference.GetSyntax(cancellationToken)));
            }

            return calls.ToImmutable();
        });

    private void CollectMemberCalls(IMethodSymbol method, ImmutableArray<ReleaseCall>.Builder calls, HashSet<IMethodSymbol> visited, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxHelperDepth || !visited.Add(method))
        {
            return;
        }

        calls.AddRange(OwnCalls(method, cancellationToken));
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                var calledName = node is not InvocationExpressionSyntax invocation ? null : invocation.Expression switch
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
                        CollectMemberCalls(calleeMethod, calls, visited, depth + 1, cancellationToken);
                    }
                }
            }
        }
    }
}
