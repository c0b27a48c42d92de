using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>A point a rule asked <see cref="ReleaseFlow"/> to judge, and the verdict.</summary>
internal readonly struct ReleaseCheckpoint
{
    public ReleaseCheckpoint(IOperation operation, ISymbol symbol, bool isReleased, ISymbol function, bool isOwnLocal)
    {
        Operation = operation;
        Symbol = symbol;
        IsReleased = isReleased;
        Function = function;
        IsOwnLocal = isOwnLocal;
    }

    /// <summary>The operation of the control flow graph (its <c>Syntax</c> is the user's code).</summary>
    public IOperation Operation { get; }

    /// <summary>The tracked local, parameter, field or property.</summary>
    public ISymbol Symbol { get; }

    /// <summary>Released (closed), null, or known not open on every path that reaches <see cref="Operation"/>.</summary>
    public bool IsReleased { get; }

    /// <summary>The method, lambda or local function whose body holds the operation.</summary>
    public ISymbol Function { get; }

    /// <summary>The symbol is a local declared in <see cref="Function"/> (not captured from an enclosing one).</summary>
    public bool IsOwnLocal { get; }
}

/// <summary>Symbol and value lookups inside one control flow graph, for checkpoint selectors.</summary>
internal interface IFlowValues
{
    /// <summary>The tracked symbol a reference denotes (through conversions and flow captures), or null.</summary>
    ISymbol? Resolve(IOperation? operation);

    /// <summary>The value behind a flow capture reference (and conversions), or the operation itself.</summary>
    IOperation ValueOf(IOperation operation);
}

/// <summary>
/// "Must be released before this point on every path": a forward data-flow analysis over Roslyn's
/// <see cref="ControlFlowGraph"/>, shared by AZIOT201 (CloseAsync before Dispose), AZIOT204 (DisconnectAsync
/// before Dispose) and AZIOT205 (closed or disposed before being overwritten).
/// </summary>
/// <remarks>
/// <para>The state is the set of tracked variables (locals, parameters, fields and properties of <c>this</c> or static,
/// at most 64 per graph) that are released: closed by a release call or a source helper that releases them, null, or
/// known not open (<c>IsConnected</c> false). The meet is intersection, so "released" means released on every path.
/// An assignment of a new value un-releases the variable; entering a scope makes its locals released (unassigned).</para>
/// <para>Paths are normal completions and exceptions that a <c>catch</c> handles: a handler starts from the meet of the
/// states at every point of its <c>try</c> that can throw (a release call counts as done when it throws). A <c>finally</c>
/// starts from the meet of the normal exits that run it, and its effect on each exit is applied as a summary
/// (released on all of its paths, minus what it may overwrite). Exceptions that leave the method are not judged,
/// as for <c>using</c>: the rules are about code that ends normally.</para>
/// <para>Lambdas and local functions are analysed as graphs of their own, starting with nothing released.</para>
/// </remarks>
internal static class ReleaseFlow
{
    private const int MaxSymbols = 64;
    private const int MaxPasses = 256;
    private const ulong All = ulong.MaxValue;

    /// <summary>
    /// Runs the analysis over <paramref name="cfg"/> (and the graphs of its lambdas and local functions) and returns a
    /// verdict for every operation that <paramref name="select"/> maps to a tracked symbol.
    /// </summary>
    public static ImmutableArray<ReleaseCheckpoint> Analyze(
        ControlFlowGraph cfg,
        ISymbol function,
        ReleaseModel model,
        Func<IOperation, IFlowValues, ISymbol?> select,
        CancellationToken cancellationToken)
    {
        var results = ImmutableArray.CreateBuilder<ReleaseCheckpoint>();
        var containingType = function.ContainingType;
        AnalyzeGraph(cfg, function, containingType, model, select, results, 0, cancellationToken);
        return results.ToImmutable();
    }

    private static void AnalyzeGraph(
        ControlFlowGraph cfg,
        ISymbol function,
        INamedTypeSymbol? containingType,
        ReleaseModel model,
        Func<IOperation, IFlowValues, ISymbol?> select,
        ImmutableArray<ReleaseCheckpoint>.Builder results,
        int depth,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var graph = new Graph(cfg, function, containingType, model, cancellationToken);
        graph.Run(select, results);

        if (depth > 8)
        {
            return;
        }

        foreach (var anonymous in graph.AnonymousFunctions)
        {
            AnalyzeGraph(cfg.GetAnonymousFunctionControlFlowGraph(anonymous, cancellationToken), anonymous.Symbol, containingType, model, select, results, depth + 1, cancellationToken);
        }

        foreach (var localFunction in cfg.LocalFunctions)
        {
            AnalyzeGraph(cfg.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken), localFunction, containingType, model, select, results, depth + 1, cancellationToken);
        }
    }

    private readonly struct Effect
    {
        public Effect(ulong mask, bool isRelease)
        {
            Mask = mask;
            IsRelease = isRelease;
        }

        public ulong Mask { get; }

        public bool IsRelease { get; }

        public ulong Apply(ulong state) => IsRelease ? state | Mask : state & ~Mask;
    }

    /// <summary>What one operation of a block does to the state, computed once.</summary>
    private sealed class OperationInfo
    {
        public OperationInfo(IOperation operation, Effect[] effects, ulong releases, ulong kills, bool canThrow)
        {
            Operation = operation;
            Effects = effects;
            Releases = releases;
            Kills = kills;
            CanThrow = canThrow;
        }

        public IOperation Operation { get; }

        public Effect[] Effects { get; }

        public ulong Releases { get; }

        public ulong Kills { get; }

        public bool CanThrow { get; }
    }

    private sealed class Graph : IFlowValues
    {
        private readonly ControlFlowGraph _cfg;
        private readonly ISymbol _function;
        private readonly INamedTypeSymbol? _containingType;
        private readonly ReleaseModel _model;
        private readonly CancellationToken _cancellationToken;
        private readonly ImmutableArray<BasicBlock> _blocks;
        private readonly Dictionary<ISymbol, int> _index = new(SymbolEqualityComparer.Default);
        private readonly List<ISymbol> _symbols = new();
        private readonly Dictionary<CaptureId, ISymbol?> _captureSymbols = new();
        private readonly Dictionary<CaptureId, IOperation?> _captureValues = new();
        private readonly Dictionary<ControlFlowRegion, ulong> _regionLocals = new();
        private readonly Dictionary<int, (int First, int Last)> _handlerTryRanges = new();
        private readonly Dictionary<ControlFlowRegion, (ulong Releases, ulong Kills)> _finallySummaries = new();
        private readonly List<IFlowAnonymousFunctionOperation> _anonymousFunctions = new();

        private OperationInfo[][] _operations = Array.Empty<OperationInfo[]>();
        private OperationInfo?[] _branchValues = Array.Empty<OperationInfo?>();
        private ulong[] _conditionalGen = Array.Empty<ulong>();
        private ulong[] _fallThroughGen = Array.Empty<ulong>();
        private bool _hasMembers;

        public Graph(ControlFlowGraph cfg, ISymbol function, INamedTypeSymbol? containingType, ReleaseModel model, CancellationToken cancellationToken)
        {
            _cfg = cfg;
            _function = function;
            _containingType = containingType;
            _model = model;
            _cancellationToken = cancellationToken;
            _blocks = cfg.Blocks;
        }

        public IReadOnlyList<IFlowAnonymousFunctionOperation> AnonymousFunctions => _anonymousFunctions;

        public ISymbol? Resolve(IOperation? operation)
        {
            var symbol = ResolveSymbol(operation);
            return symbol is not null && _index.ContainsKey(symbol) ? symbol : null;
        }

        public IOperation ValueOf(IOperation operation)
        {
            var current = operation;
            for (var i = 0; i < 8; i++)
            {
                switch (current)
                {
                    case IConversionOperation conversion:
                        current = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        current = parenthesized.Operand;
                        continue;
                    case IFlowCaptureReferenceOperation reference when _captureValues.TryGetValue(reference.Id, out var value) && value is not null:
                        current = value;
                        continue;
                }

                break;
            }

            return current;
        }

        public void Run(Func<IOperation, IFlowValues, ISymbol?> select, ImmutableArray<ReleaseCheckpoint>.Builder results)
        {
            CollectCapturesAndSymbols();
            if (_symbols.Count == 0)
            {
                return;
            }

            BuildTransfer();
            BuildRegions(_cfg.Root, 0, out var finallyRegions);

            // Summaries of the finally regions, innermost first.
            foreach (var (region, _) in finallyRegions.OrderByDescending(r => r.Depth))
            {
                _finallySummaries[region] = Summarize(region);
            }

            var states = new ulong[_blocks.Length];
            var visited = new bool[_blocks.Length];
            Solve(0, _blocks.Length - 1, 0, InitialState(), states, visited);

            for (var ordinal = 0; ordinal < _blocks.Length; ordinal++)
            {
                if (!visited[ordinal])
                {
                    continue;
                }

                var state = states[ordinal];
                foreach (var info in _operations[ordinal])
                {
                    Select(info.Operation, state, select, results);
                    state = Apply(info, state);
                }

                if (_branchValues[ordinal] is { } branch)
                {
                    Select(branch.Operation, state, select, results);
                }
            }
        }

        private void Select(IOperation root, ulong state, Func<IOperation, IFlowValues, ISymbol?> select, ImmutableArray<ReleaseCheckpoint>.Builder results)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (select(operation, this) is { } symbol && _index.TryGetValue(symbol, out var bit))
                {
                    var isOwnLocal = symbol is ILocalSymbol local && SymbolEqualityComparer.Default.Equals(local.ContainingSymbol, _function);
                    results.Add(new ReleaseCheckpoint(operation, symbol, (state & (1UL << bit)) != 0, _function, isOwnLocal));
                }
            }
        }

        /// <summary>Unassigned locals of this function hold no connection; captured locals, parameters and members may.</summary>
        private ulong InitialState()
        {
            ulong state = 0;
            for (var i = 0; i < _symbols.Count; i++)
            {
                if (_symbols[i] is ILocalSymbol local && SymbolEqualityComparer.Default.Equals(local.ContainingSymbol, _function))
                {
                    state |= 1UL << i;
                }
            }

            return state;
        }

        private static ulong Apply(OperationInfo info, ulong state)
        {
            foreach (var effect in info.Effects)
            {
                state = effect.Apply(state);
            }

            return state;
        }

        private void CollectCapturesAndSymbols()
        {
            foreach (var block in _blocks)
            {
                foreach (var operation in block.Operations)
                {
                    if (operation is IFlowCaptureOperation capture)
                    {
                        RecordCapture(capture);
                    }
                }
            }

            foreach (var block in _blocks)
            {
                foreach (var operation in block.Operations)
                {
                    IndexSymbols(operation);
                }

                if (block.BranchValue is { } branchValue)
                {
                    IndexSymbols(branchValue);
                }
            }
        }

        private void RecordCapture(IFlowCaptureOperation capture)
        {
            var symbol = ResolveSymbol(capture.Value);
            if (_captureSymbols.TryGetValue(capture.Id, out var existing))
            {
                if (!SymbolEqualityComparer.Default.Equals(existing, symbol))
                {
                    _captureSymbols[capture.Id] = null;
                }

                _captureValues[capture.Id] = null;
                return;
            }

            _captureSymbols[capture.Id] = symbol;
            _captureValues[capture.Id] = capture.Value;
        }

        private void IndexSymbols(IOperation root)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (operation is IFlowAnonymousFunctionOperation anonymous)
                {
                    _anonymousFunctions.Add(anonymous);
                    continue;
                }

                if (ResolveSymbol(operation) is { } symbol && !_index.ContainsKey(symbol) && _symbols.Count < MaxSymbols)
                {
                    _index.Add(symbol, _symbols.Count);
                    _symbols.Add(symbol);
                    _hasMembers |= symbol is IFieldSymbol or IPropertySymbol;
                }
            }
        }

        /// <summary>Locals, parameters, and fields/properties of <c>this</c> or static, whose type the model tracks.</summary>
        private ISymbol? ResolveSymbol(IOperation? operation)
        {
            for (var i = 0; i < 8 && operation is not null; i++)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IFlowCaptureReferenceOperation reference:
                        return _captureSymbols.TryGetValue(reference.Id, out var captured) ? captured : null;
                    case ILocalReferenceOperation { Local: var local }:
                        return _model.IsTrackedType(local.Type) ? local : null;
                    case IParameterReferenceOperation { Parameter: var parameter }:
                        return _model.IsTrackedType(parameter.Type) ? parameter : null;
                    case IFieldReferenceOperation { Field: var field } fieldReference when IsThisOrStatic(fieldReference.Instance):
                        return _model.IsTrackedType(field.Type) ? field.OriginalDefinition : null;
                    case IPropertyReferenceOperation { Property: var property, Arguments.IsEmpty: true } propertyReference when IsThisOrStatic(propertyReference.Instance):
                        return _model.IsTrackedType(property.Type) ? property.OriginalDefinition : null;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsThisOrStatic(IOperation? instance)
            => instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };

        private ulong Bit(IOperation? operation)
            => ResolveSymbol(operation) is { } symbol && _index.TryGetValue(symbol, out var bit) ? 1UL << bit : 0;

        private void BuildTransfer()
        {
            _operations = new OperationInfo[_blocks.Length][];
            _branchValues = new OperationInfo?[_blocks.Length];
            _conditionalGen = new ulong[_blocks.Length];
            _fallThroughGen = new ulong[_blocks.Length];

            foreach (var block in _blocks)
            {
                var infos = new OperationInfo[block.Operations.Length];
                for (var i = 0; i < infos.Length; i++)
                {
                    infos[i] = Describe(block.Operations[i]);
                }

                _operations[block.Ordinal] = infos;
                if (block.BranchValue is { } branchValue)
                {
                    _branchValues[block.Ordinal] = Describe(branchValue);
                    if (block.ConditionalSuccessor is not null && TryGetNotOpenTest(branchValue, out var mask, out var notOpenWhen))
                    {
                        // The conditional successor is taken when the branch value equals (ConditionKind == WhenTrue).
                        if (notOpenWhen == (block.ConditionKind == ControlFlowConditionKind.WhenTrue))
                        {
                            _conditionalGen[block.Ordinal] = mask;
                        }
                        else
                        {
                            _fallThroughGen[block.Ordinal] = mask;
                        }
                    }
                }
            }
        }

        private OperationInfo Describe(IOperation operation)
        {
            var effects = new List<Effect>();
            ulong releases = 0;
            ulong kills = 0;
            var canThrow = false;
            Collect(operation, effects, ref releases, ref kills, ref canThrow);
            return new OperationInfo(operation, effects.ToArray(), releases, kills, canThrow);
        }

        /// <summary>Effects in evaluation order (children first).</summary>
        private void Collect(IOperation operation, List<Effect> effects, ref ulong releases, ref ulong kills, ref bool canThrow)
        {
            if (operation is IFlowAnonymousFunctionOperation)
            {
                return;
            }

            foreach (var child in operation.ChildOperations)
            {
                Collect(child, effects, ref releases, ref kills, ref canThrow);
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    canThrow = true;
                    CollectInvocation(invocation, effects, ref releases);
                    break;
                case IObjectCreationOperation or IAwaitOperation or IThrowOperation or IDynamicInvocationOperation or IDynamicObjectCreationOperation:
                    canThrow = true;
                    break;
                case ISimpleAssignmentOperation assignment:
                    var target = Bit(assignment.Target);
                    if (target != 0)
                    {
                        if (IsNull(assignment.Value))
                        {
                            effects.Add(new Effect(target, isRelease: true));
                            releases |= target;
                        }
                        else
                        {
                            effects.Add(new Effect(target, isRelease: false));
                            kills |= target;
                        }
                    }

                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument:
                    var written = Bit(argument.Value);
                    if (written != 0)
                    {
                        effects.Add(new Effect(written, isRelease: false));
                        kills |= written;
                    }

                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var part in deconstruction.Target.DescendantsAndSelf())
                    {
                        var bit = Bit(part);
                        if (bit != 0)
                        {
                            effects.Add(new Effect(bit, isRelease: false));
                            kills |= bit;
                        }
                    }

                    break;
            }
        }

        private void CollectInvocation(IInvocationOperation invocation, List<Effect> effects, ref ulong releases)
        {
            ulong released = 0;
            if (_model.GetReleasedReceiver(invocation) is { } receiver)
            {
                released |= Bit(receiver);
            }
            else
            {
                // A source helper that releases the client it is given: ShutdownAsync(client).
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter is { } parameter
                        && Bit(argument.Value) is var bit and not 0
                        && _model.ReleasesParameter(invocation.TargetMethod, parameter.Ordinal, _cancellationToken))
                    {
                        released |= bit;
                    }
                }

                // A local function that releases a variable it captures: await CloseAsync(); … async Task CloseAsync() => await client.CloseAsync();
                if (invocation.TargetMethod.MethodKind == MethodKind.LocalFunction)
                {
                    foreach (var reference in invocation.TargetMethod.DeclaringSyntaxReferences)
                    {
                        var names = ReleaseModel.ReleasedNames(reference.GetSyntax(_cancellationToken), _model.ReleaseMethodNames);
                        for (var i = 0; i < _symbols.Count && !names.IsEmpty; i++)
                        {
                            if (_symbols[i] is not IParameterSymbol && names.Contains(_symbols[i].Name))
                            {
                                released |= 1UL << i;
                            }
                        }
                    }
                }

                // A method of this type that releases fields: await StopAsync(); _client.Dispose();
                if (_hasMembers
                    && _containingType is not null
                    && (invocation.Instance is null ? invocation.TargetMethod.IsStatic : IsThisOrStatic(invocation.Instance))
                    && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, _containingType.OriginalDefinition))
                {
                    var names = _model.ReleasedMembers(invocation.TargetMethod, _cancellationToken);
                    if (!names.IsEmpty)
                    {
                        for (var i = 0; i < _symbols.Count; i++)
                        {
                            if (_symbols[i] is IFieldSymbol or IPropertySymbol && names.Contains(_symbols[i].Name))
                            {
                                released |= 1UL << i;
                            }
                        }
                    }
                }
            }

            if (released != 0)
            {
                effects.Add(new Effect(released, isRelease: true));
                releases |= released;
            }
        }

        private static bool IsNull(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value is IDefaultValueOperation || (value.ConstantValue.HasValue && value.ConstantValue.Value is null);
        }

        /// <summary><c>x == null</c>, <c>x is null</c>, <c>x != null</c>, <c>!(…)</c>, and the model's own tests (IsConnected).</summary>
        private bool TryGetNotOpenTest(IOperation condition, out ulong mask, out bool notOpenWhen)
        {
            mask = 0;
            notOpenWhen = false;
            var negated = false;
            for (var i = 0; i < 8; i++)
            {
                switch (condition)
                {
                    case IConversionOperation conversion:
                        condition = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        condition = parenthesized.Operand;
                        continue;
                    case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                        negated = !negated;
                        condition = not.Operand;
                        continue;
                }

                break;
            }

            IOperation? reference = null;
            var whenTrue = false;
            switch (condition)
            {
                case IIsNullOperation isNull:
                    reference = isNull.Operand;
                    whenTrue = true;
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                    reference = IsNull(binary.RightOperand) ? binary.LeftOperand : IsNull(binary.LeftOperand) ? binary.RightOperand : null;
                    whenTrue = binary.OperatorKind == BinaryOperatorKind.Equals;
                    break;
                case IIsPatternOperation { Pattern: IConstantPatternOperation constant } isPattern when IsNull(constant.Value):
                    reference = isPattern.Value;
                    whenTrue = true;
                    break;
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } isNotPattern when IsNull(constant.Value):
                    reference = isNotPattern.Value;
                    whenTrue = false;
                    break;
                default:
                    if (_model.TryGetNotOpenCondition(condition, out reference, out whenTrue))
                    {
                        break;
                    }

                    return false;
            }

            mask = Bit(reference);
            notOpenWhen = whenTrue != negated;
            return mask != 0;
        }

        private void BuildRegions(ControlFlowRegion region, int depth, out List<(ControlFlowRegion Region, int Depth)> finallyRegions)
        {
            finallyRegions = new List<(ControlFlowRegion, int)>();
            Walk(region, depth, finallyRegions);
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

        /// <summary>What a finally region does to any state: released on all its paths, and what it may overwrite.</summary>
        private (ulong Releases, ulong Kills) Summarize(ControlFlowRegion region)
        {
            var states = new ulong[_blocks.Length];
            var visited = new bool[_blocks.Length];
            Solve(region.FirstBlockOrdinal, region.LastBlockOrdinal, region.FirstBlockOrdinal, 0, states, visited);

            var releases = All;
            ulong kills = 0;
            for (var ordinal = region.FirstBlockOrdinal; ordinal <= region.LastBlockOrdinal; ordinal++)
            {
                foreach (var info in _operations[ordinal])
                {
                    kills |= info.Kills;
                }

                kills |= _branchValues[ordinal]?.Kills ?? 0;
                var block = _blocks[ordinal];
                if (visited[ordinal]
                    && block.EnclosingRegion == region
                    && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                {
                    releases &= Transfer(ordinal, states[ordinal], out _, out _);
                }
            }

            return (releases, kills);
        }

        private ulong Transfer(int ordinal, ulong state, out ulong throwState, out bool canThrow)
        {
            throwState = All;
            canThrow = false;
            foreach (var info in _operations[ordinal])
            {
                if (info.CanThrow)
                {
                    // A release call that throws still counts: CloseAsync failing means the client is as closed as it gets.
                    throwState &= state | info.Releases;
                    canThrow = true;
                }

                state = Apply(info, state);
            }

            if (_branchValues[ordinal] is { } branch)
            {
                if (branch.CanThrow)
                {
                    throwState &= state | branch.Releases;
                    canThrow = true;
                }

                state = Apply(branch, state);
            }

            if (_blocks[ordinal].FallThroughSuccessor?.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow)
            {
                throwState &= state;
                canThrow = true;
            }

            return state;
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
                        var handlerState = All;
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
                        changed |= Propagate(block.ConditionalSuccessor, output | _conditionalGen[ordinal], first, last, states, visited);
                    }

                    if (constant != true)
                    {
                        changed |= Propagate(block.FallThroughSuccessor, output | _fallThroughGen[ordinal], first, last, states, visited);
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
                    state = (state & ~summary.Kills) | summary.Releases;
                }
            }

            foreach (var entered in branch.EnteringRegions)
            {
                state |= LocalsOf(entered);
            }

            if (destination.Ordinal >= first && destination.Ordinal <= last)
            {
                changed |= Merge(destination.Ordinal, state, states, visited);
            }

            return changed;
        }

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
                    if (_index.TryGetValue(local, out var bit))
                    {
                        mask |= 1UL << bit;
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
}
