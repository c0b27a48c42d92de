using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace IotHubGuard.Analyzers;

/// <summary>
/// The fixed point of <see cref="ReleaseFlow"/> over one graph. Paths are normal completions and exceptions that a
/// <c>catch</c> handles: a handler starts from the meet of the states at every point of its <c>try</c> that can throw
/// (a release that throws counts as done). A <c>finally</c> starts from the meet of the normal exits that run it, and
/// its effect on each exit is applied as a summary (set on all of its paths, minus what it may clear). Exceptions that
/// leave the method are not judged, as for <c>using</c>: the rules are about code that ends normally.
/// </summary>
internal sealed class FlowSolver
{
    private const int MaxPasses = 256;

    private readonly ControlFlowGraph _cfg;
    private readonly ImmutableArray<BasicBlock> _blocks;
    private readonly FlowSymbolTable _symbols;
    private readonly FlowTransfer _transfer;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ControlFlowRegion, ulong> _regionLocals = new();
    private readonly Dictionary<int, (int First, int Last)> _handlerTryRanges = new();
    private readonly Dictionary<ControlFlowRegion, FlowEffect> _finallySummaries = new();

    public FlowSolver(ControlFlowGraph cfg, FlowSymbolTable symbols, FlowTransfer transfer, CancellationToken cancellationToken)
    {
        _cfg = cfg;
        _blocks = cfg.Blocks;
        _symbols = symbols;
        _transfer = transfer;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The state at the entry of every block (<paramref name="reached"/> says which blocks any path reaches).</summary>
    public ulong[] Run(out bool[] reached)
    {
        var finallyRegions = new List<(ControlFlowRegion Region, int Depth)>();
        Walk(_cfg.Root, 0, finallyRegions);

        // Summaries of the finally regions, innermost first.
        foreach (var (region, _) in finallyRegions.OrderByDescending(r => r.Depth))
        {
            _finallySummaries[region] = Summarize(region);
        }

        var states = new ulong[_blocks.Length];
        reached = new bool[_blocks.Length];
        Solve(0, _blocks.Length - 1, 0, InitialState(), states, reached);
        return states;
    }

    /// <summary>The state after the operations and branch value of a block, and the meet of the states it may throw from.</summary>
    public ulong Transfer(int ordinal, ulong state, out ulong throwState, out bool canThrow)
    {
        throwState = FactBits.All;
        canThrow = false;
        foreach (var info in _transfer.Operations[ordinal])
        {
            if (info.CanThrow)
            {
                // A release call that throws still counts: CloseAsync failing means the client is as closed as it gets.
                throwState &= info.Release.Apply(state);
                canThrow = true;
            }

            state = info.Apply(state);
        }

        if (_transfer.BranchValues[ordinal] is { } branch)
        {
            if (branch.CanThrow)
            {
                throwState &= branch.Release.Apply(state);
                canThrow = true;
            }

            state = branch.Apply(state);
        }

        if (_blocks[ordinal].FallThroughSuccessor?.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow)
        {
            throwState &= state;
            canThrow = true;
        }

        return state;
    }

    /// <summary>Unassigned locals of this function hold no connection; captured locals, parameters and members may.</summary>
    private ulong InitialState()
    {
        ulong state = 0;
        for (var i = 0; i < _symbols.Count; i++)
        {
            if (_symbols.IsOwnLocal(_symbols.SymbolAt(i)))
            {
                state |= FactBits.Mask(i, FactBits.NotOpen);
            }
        }

        return state;
    }

    private void Walk(ControlFlowRegion region, int depth, List<(ControlFlowRegion Region, int Depth)> finallyRegions)
    {
        switch (region.Kind)
        {
            case ControlFlowRegionKind.Finally:
                finallyRegions.Add((region, depth));
                break;
            case ControlFlowRegionKind.TryAndCatch when region.NestedRegions.Length > 1:
                var tryRegion = region.NestedRegions[0];
                for (var i = 1; i < region.NestedRegions.Length; i++)
                {
                    _handlerTryRanges[region.NestedRegions[i].FirstBlockOrdinal] = (tryRegion.FirstBlockOrdinal, tryRegion.LastBlockOrdinal);
                }

                break;
        }

        foreach (var nested in region.NestedRegions)
        {
            Walk(nested, depth + 1, finallyRegions);
        }
    }

    /// <summary>What a finally region does to any state: what it sets on all its paths, and what it may clear.</summary>
    private FlowEffect Summarize(ControlFlowRegion region)
    {
        var states = new ulong[_blocks.Length];
        var visited = new bool[_blocks.Length];
        Solve(region.FirstBlockOrdinal, region.LastBlockOrdinal, region.FirstBlockOrdinal, 0, states, visited);

        var set = FactBits.All;
        ulong clear = 0;
        for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
        {
            foreach (var info in _transfer.Operations[ordinal])
            {
                clear |= info.Clears;
            }

            clear |= _transfer.BranchValues[ordinal]?.Clears ?? 0;
            var block = _blocks[ordinal];
            if (visited[ordinal]
                && block.EnclosingRegion == region
                && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
            {
                set &= Transfer(ordinal, states[ordinal], out _, out _);
            }
        }

        return new FlowEffect(set, clear);
    }

    private void Solve(int first, int last, int entry, ulong entryState, ulong[] states, bool[] visited)
    {
        var throwStates = new ulong[_blocks.Length];
        var canThrow = new bool[_blocks.Length];
        states[entry] = entryState;
        visited[entry] = true;

        var changed = true;
        for (var pass = 0; changed && pass < MaxPasses; pass++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            changed = false;
            for (var ordinal = first; ordinal <= last; ordinal++)
            {
                if (_handlerTryRanges.TryGetValue(ordinal, out var tryRange) && tryRange.First >= first && tryRange.Last <= last)
                {
                    var handlerState = FactBits.All;
                    var reachable = false;
                    for (var k = tryRange.First; k <= tryRange.Last; k++)
                    {
                        if (visited[k] && canThrow[k])
                        {
                            handlerState &= throwStates[k];
                            reachable = true;
                        }
                    }

                    if (reachable)
                    {
                        changed |= Merge(ordinal, handlerState, states, visited);
                    }
                }

                if (!visited[ordinal])
                {
                    continue;
                }

                var output = Transfer(ordinal, states[ordinal], out throwStates[ordinal], out canThrow[ordinal]);
                var block = _blocks[ordinal];
                var constant = ConstantCondition(block);
                if (constant != false)
                {
                    changed |= Propagate(block.ConditionalSuccessor, _transfer.ConditionalEdge[ordinal].Apply(output), first, last, states, visited);
                }

                if (constant != true)
                {
                    changed |= Propagate(block.FallThroughSuccessor, _transfer.FallThroughEdge[ordinal].Apply(output), first, last, states, visited);
                }
            }
        }
    }

    /// <summary>
    /// For a branch on a constant (<c>while (true)</c>): true when only the conditional successor can be taken,
    /// false when only the fall-through can; null otherwise.
    /// </summary>
    private static bool? ConstantCondition(BasicBlock block)
    {
        if (block.ConditionalSuccessor is null
            || block.BranchValue is not { ConstantValue: { HasValue: true, Value: bool value } })
        {
            return null;
        }

        return value == (block.ConditionKind == ControlFlowConditionKind.WhenTrue);
    }

    private bool Propagate(ControlFlowBranch? branch, ulong state, int first, int last, ulong[] states, bool[] visited)
    {
        if (branch?.Destination is not { } destination)
        {
            return false;
        }

        var changed = false;
        foreach (var finallyRegion in branch.FinallyRegions)
        {
            if (finallyRegion.FirstBlockOrdinal >= first && finallyRegion.LastBlockOrdinal <= last)
            {
                changed |= Merge(finallyRegion.FirstBlockOrdinal, state, states, visited);
            }

            if (_finallySummaries.TryGetValue(finallyRegion, out var summary))
            {
                state = summary.Apply(state);
            }
        }

        foreach (var entered in branch.EnteringRegions)
        {
            // Locals of an entered scope start unassigned: nothing open.
            var locals = LocalsOf(entered);
            state = (state & ~(locals << (3 * FactBits.Capacity))) | FactBits.NotOpenRows & Spread(locals);
        }

        if (destination.Ordinal >= first && destination.Ordinal <= last)
        {
            changed |= Merge(destination.Ordinal, state, states, visited);
        }

        return changed;
    }

    /// <summary>The bits of the variables in <paramref name="locals"/> (row 0) repeated on the three released rows.</summary>
    private static ulong Spread(ulong locals) => locals | (locals << FactBits.Capacity) | (locals << (2 * FactBits.Capacity));

    /// <summary>The tracked locals of a region, as row-0 bits.</summary>
    private ulong LocalsOf(ControlFlowRegion region)
    {
        if (region.Locals.IsEmpty)
        {
            return 0;
        }

        if (!_regionLocals.TryGetValue(region, out var mask))
        {
            foreach (var local in region.Locals)
            {
                if (_symbols.IndexOf(local) is var index and >= 0)
                {
                    mask |= 1UL << index;
                }
            }

            _regionLocals[region] = mask;
        }

        return mask;
    }

    private static bool Merge(int ordinal, ulong state, ulong[] states, bool[] visited)
    {
        if (!visited[ordinal])
        {
            visited[ordinal] = true;
            states[ordinal] = state;
            return true;
        }

        var merged = states[ordinal] & state;
        if (merged == states[ordinal])
        {
            return false;
        }

        states[ordinal] = merged;
        return true;
    }
}
