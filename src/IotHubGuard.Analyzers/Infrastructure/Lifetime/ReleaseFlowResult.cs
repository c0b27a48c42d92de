using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers;

/// <summary>What <see cref="ReleaseFlow"/> found in one method body (its lambdas and local functions included).</summary>
internal sealed class ReleaseFlowResult
{
    public ReleaseFlowResult(ImmutableArray<ReleaseCheckpoint> checkpoints, ImmutableArray<ReleaseExit> exits, int graphCount)
    {
        Checkpoints = checkpoints;
        Exits = exits;
        GraphCount = graphCount;
    }

    /// <summary>The facts at each operation the rules asked about, just before it runs.</summary>
    public ImmutableArray<ReleaseCheckpoint> Checkpoints { get; }

    /// <summary>The facts of every tracked variable where each function ends normally (when some path gets there).</summary>
    public ImmutableArray<ReleaseExit> Exits { get; }

    /// <summary>Control flow graphs analysed: the body's, and one per lambda and local function.</summary>
    public int GraphCount { get; }
}

/// <summary>A point a rule asked <see cref="ReleaseFlow"/> to judge, and what holds there.</summary>
internal readonly struct ReleaseCheckpoint
{
    public ReleaseCheckpoint(IOperation operation, ISymbol symbol, ClientFamily family, ReleaseFacts facts, ISymbol function, bool isOwnLocal)
    {
        Operation = operation;
        Symbol = symbol;
        Family = family;
        Facts = facts;
        Function = function;
        IsOwnLocal = isOwnLocal;
    }

    /// <summary>The operation of the control flow graph (its <c>Syntax</c> is the user's code).</summary>
    public IOperation Operation { get; }

    /// <summary>The tracked local, parameter, field or property.</summary>
    public ISymbol Symbol { get; }

    public ClientFamily Family { get; }

    /// <summary>What holds on every path that reaches <see cref="Operation"/>.</summary>
    public ReleaseFacts Facts { get; }

    /// <summary>The method, lambda or local function whose body holds the operation.</summary>
    public ISymbol Function { get; }

    /// <summary>The symbol is a local declared in <see cref="Function"/> (not captured from an enclosing one).</summary>
    public bool IsOwnLocal { get; }

    public bool Has(ReleaseFacts facts) => (Facts & facts) == facts;
}

/// <summary>The facts of one tracked variable where a function ends normally.</summary>
internal readonly struct ReleaseExit
{
    public ReleaseExit(ISymbol symbol, ClientFamily family, ReleaseFacts facts, ISymbol function, bool isOwnLocal)
    {
        Symbol = symbol;
        Family = family;
        Facts = facts;
        Function = function;
        IsOwnLocal = isOwnLocal;
    }

    public ISymbol Symbol { get; }

    public ClientFamily Family { get; }

    /// <summary>What holds on every path that ends the function normally.</summary>
    public ReleaseFacts Facts { get; }

    public ISymbol Function { get; }

    public bool IsOwnLocal { get; }

    public bool Has(ReleaseFacts facts) => (Facts & facts) == facts;
}
