using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>Symbol and value lookups inside one control flow graph, for checkpoint selectors.</summary>
internal interface IFlowValues
{
    /// <summary>The tracked symbol a reference denotes (through conversions and flow captures), or null.</summary>
    ISymbol? Resolve(IOperation? operation);

    /// <summary>The value behind a flow capture reference (and conversions), or the operation itself.</summary>
    IOperation ValueOf(IOperation operation);
}

/// <summary>
/// "Released before this point on every path": a forward must-analysis over Roslyn's <see cref="ControlFlowGraph"/>,
/// run once per method body for every lifetime rule (AZIOT201, 204, 205, …), which then read the facts they need.
/// </summary>
/// <remarks>
/// <para>The parts: <see cref="FlowSymbolTable"/> (which variables, at most <see cref="FactBits.Capacity"/> per graph),
/// <see cref="FlowTransfer"/> (what each operation does, as <see cref="ReleaseModel"/> decides) and
/// <see cref="FlowSolver"/> (the fixed point over blocks, handlers and finally regions).</para>
/// <para>The facts per variable are <see cref="ReleaseFacts"/>: closed, ended (closed or disposed), settled (ended or
/// handed off), and open-since-created-here. An assignment of a new value clears the released facts; entering a
/// scope makes its locals released (unassigned). Lambdas and local functions are analysed as graphs of their own,
/// starting with nothing released.</para>
/// </remarks>
internal static class ReleaseFlow
{
    private const int MaxNesting = 8;

    /// <summary>
    /// Runs the analysis over <paramref name="cfg"/> (and the graphs of its lambdas and local functions): a checkpoint
    /// for every operation that <paramref name="select"/> maps to a tracked symbol, and the facts at every exit.
    /// </summary>
    public static ReleaseFlowResult Analyze(
        ControlFlowGraph cfg,
        ISymbol function,
        ReleaseModel model,
        Func<IOperation, IFlowValues, ISymbol?> select,
        CancellationToken cancellationToken)
    {
        var checkpoints = ImmutableArray.CreateBuilder<ReleaseCheckpoint>();
        var exits = ImmutableArray.CreateBuilder<ReleaseExit>();
        var graphs = AnalyzeGraph(cfg, function, model, select, checkpoints, exits, 0, cancellationToken);
        return new ReleaseFlowResult(checkpoints.ToImmutable(), exits.ToImmutable(), graphs);
    }

    private static int AnalyzeGraph(
        ControlFlowGraph cfg,
        ISymbol function,
        ReleaseModel model,
        Func<IOperation, IFlowValues, ISymbol?> select,
        ImmutableArray<ReleaseCheckpoint>.Builder checkpoints,
        ImmutableArray<ReleaseExit>.Builder exits,
        int depth,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var symbols = new FlowSymbolTable(cfg, function, model);
        if (symbols.Count > 0)
        {
            var transfer = new FlowTransfer(cfg, symbols, model, cancellationToken);
            var states = new FlowSolver(cfg, symbols, transfer, cancellationToken).Run(out var reached);
            Report(cfg, symbols, transfer, states, reached, select, checkpoints, exits);
        }

        var graphs = 1;
        if (depth >= MaxNesting)
        {
            return graphs;
        }

        foreach (var anonymous in symbols.AnonymousFunctions)
        {
            graphs += AnalyzeGraph(cfg.GetAnonymousFunctionControlFlowGraph(anonymous, cancellationToken), anonymous.Symbol, model, select, checkpoints, exits, depth + 1, cancellationToken);
        }

        foreach (var localFunction in cfg.LocalFunctions)
        {
            graphs += AnalyzeGraph(cfg.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), localFunction, model, select, checkpoints, exits, depth + 1, cancellationToken);
        }

        return graphs;
    }

    private static void Report(
        ControlFlowGraph cfg,
        FlowSymbolTable symbols,
        FlowTransfer transfer,
        ulong[] states,
        bool[] reached,
        Func<IOperation, IFlowValues, ISymbol?> select,
        ImmutableArray<ReleaseCheckpoint>.Builder checkpoints,
        ImmutableArray<ReleaseExit>.Builder exits)
    {
        for (var ordinal = 0; ordinal < cfg.Blocks.Length; ordinal++)
        {
            if (!reached[ordinal])
            {
                continue;
            }

            var state = states[ordinal];
            foreach (var info in transfer.Operations[ordinal])
            {
                Select(info.Operation, state, symbols, select, checkpoints);
                state = info.Apply(state);
            }

            if (transfer.BranchValues[ordinal] is { } branch)
            {
                Select(branch.Operation, state, symbols, select, checkpoints);
            }
        }

        var exit = cfg.Blocks.Length - 1;
        if (reached[exit])
        {
            for (var i = 0; i < symbols.Count; i++)
            {
                var symbol = symbols.SymbolAt(i);
                exits.Add(new ReleaseExit(symbol, symbols.FamilyAt(i), FactBits.FactsOf(states[exit], i), symbols.Function, symbols.IsOwnLocal(symbol)));
            }
        }
    }

    private static void Select(IOperation root, ulong state, FlowSymbolTable symbols, Func<IOperation, IFlowValues, ISymbol?> select, ImmutableArray<ReleaseCheckpoint>.Builder checkpoints)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (select(operation, symbols) is { } symbol && symbols.IndexOf(symbol) is var index and >= 0)
            {
                checkpoints.Add(new ReleaseCheckpoint(operation, symbol, symbols.FamilyAt(index), FactBits.FactsOf(state, index), symbols.Function, symbols.IsOwnLocal(symbol)));
            }
        }
    }
}
