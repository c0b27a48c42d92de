using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>What one operation of a block does to the state, computed once.</summary>
internal sealed class OperationEffects
{
    public OperationEffects(IOperation operation, FlowEffect[] effects, FlowEffect release, ulong clears, bool canThrow)
    {
        Operation = operation;
        Effects = effects;
        Release = release;
        Clears = clears;
        CanThrow = canThrow;
    }

    public IOperation Operation { get; }

    /// <summary>In evaluation order.</summary>
    public FlowEffect[] Effects { get; }

    /// <summary>The releases alone: what still counts when the operation throws (a failing CloseAsync closed what it could).</summary>
    public FlowEffect Release { get; }

    /// <summary>Every bit any effect may clear.</summary>
    public ulong Clears { get; }

    public bool CanThrow { get; }

    public ulong Apply(ulong state)
    {
        foreach (var effect in Effects)
        {
            state = effect.Apply(state);
        }

        return state;
    }
}

/// <summary>
/// The transfer functions of <see cref="ReleaseFlow"/>: for each operation of each block, what it releases
/// (as <see cref="ReleaseModel"/> says), assigns or overwrites; and for each branch on a null or <c>IsConnected</c>
/// test, what the taken edge learns.
/// </summary>
internal sealed class FlowTransfer
{
    private readonly FlowSymbolTable _symbols;
    private readonly ReleaseModel _model;
    private readonly CancellationToken _cancellationToken;
    private readonly List<(int Index, ReleaseKind Kind)> _releases = new();

    public FlowTransfer(ControlFlowGraph cfg, FlowSymbolTable symbols, ReleaseModel model, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _model = model;
        _cancellationToken = cancellationToken;
        var blocks = cfg.Blocks;
        Operations = new OperationEffects[blocks.Length][];
        BranchValues = new OperationEffects?[blocks.Length];
        ConditionalEdge = new FlowEffect[blocks.Length];
        FallThroughEdge = new FlowEffect[blocks.Length];
        foreach (var block in blocks)
        {
            var infos = new OperationEffects[block.Operations.Length];
            for (var i = 0; i < infos.Length; i++)
            {
                infos[i] = Describe(block.Operations[i]);
            }

            Operations[block.Ordinal] = infos;
            if (block.BranchValue is { } branchValue)
            {
                BranchValues[block.Ordinal] = Describe(branchValue);
                if (block.ConditionalSuccessor is not null && TryGetNotOpenTest(branchValue, out var index, out var notOpenWhen))
                {
                    // The conditional successor is taken when the branch value equals (ConditionKind == WhenTrue).
                    var learned = FlowEffect.Release(index, ReleaseKind.Close);
                    if (notOpenWhen == (block.ConditionKind == ControlFlowConditionKind.WhenTrue))
                    {
                        ConditionalEdge[block.Ordinal] = learned;
                    }
                    else
                    {
                        FallThroughEdge[block.Ordinal] = learned;
                    }
                }
            }
        }
    }

    public OperationEffects[][] Operations { get; }

    public OperationEffects?[] BranchValues { get; }

    /// <summary>What taking the conditional successor of a block learns (a null test that holds).</summary>
    public FlowEffect[] ConditionalEdge { get; }

    public FlowEffect[] FallThroughEdge { get; }

    private OperationEffects Describe(IOperation operation)
    {
        var effects = new List<FlowEffect>();
        ulong releaseSet = 0, releaseClear = 0, clears = 0;
        var canThrow = false;
        Collect(operation, effects, ref canThrow);
        foreach (var effect in effects)
        {
            clears |= effect.Clear;
        }

        foreach (var effect in effects)
        {
            // A release sets a released fact; an assignment sets at most "created here".
            if ((effect.Set & FactBits.NotOpenRows) != 0)
            {
                releaseSet |= effect.Set;
                releaseClear |= effect.Clear;
            }
        }

        return new OperationEffects(operation, effects.Count == 0 ? Array.Empty<FlowEffect>() : effects.ToArray(), new FlowEffect(releaseSet, releaseClear), clears, canThrow);
    }

    /// <summary>Effects in evaluation order (children first).</summary>
    private void Collect(IOperation operation, List<FlowEffect> effects, ref bool canThrow)
    {
        if (operation is IFlowAnonymousFunctionOperation)
        {
            return;
        }

        foreach (var child in operation.ChildOperations)
        {
            Collect(child, effects, ref canThrow);
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                canThrow = true;
                _releases.Clear();
                _model.CollectReleases(invocation, _symbols, _releases, _cancellationToken);
                foreach (var (index, kind) in _releases)
                {
                    effects.Add(FlowEffect.Release(index, kind));
                }

                break;
            case IObjectCreationOperation or IAwaitOperation or IThrowOperation or IDynamicInvocationOperation or IDynamicObjectCreationOperation:
                canThrow = true;
                break;
            case ISimpleAssignmentOperation assignment when _symbols.IndexOf(assignment.Target) is var target and >= 0:
                effects.Add(IsNull(assignment.Value)
                    ? FlowEffect.Release(target, ReleaseKind.Close)
                    : FlowEffect.Assign(target, ReleaseModel.IsNewClient(_symbols.ValueOf(assignment.Value))));
                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when _symbols.IndexOf(argument.Value) is var written and >= 0:
                effects.Add(FlowEffect.Assign(written, createsClient: false));
                break;
            case IDeconstructionAssignmentOperation deconstruction:
                foreach (var part in deconstruction.Target.DescendantsAndSelf())
                {
                    if (_symbols.IndexOf(part) is var index and >= 0)
                    {
                        effects.Add(FlowEffect.Assign(index, createsClient: false));
                    }
                }

                break;
        }
    }

    private static bool IsNull(IOperation value)
    {
        value = OperationUnwrap.Conversions(value);
        return value is IDefaultValueOperation || (value.ConstantValue.HasValue && value.ConstantValue.Value is null);
    }

    /// <summary><c>x == null</c>, <c>x is null</c>, <c>x != null</c>, <c>!(…)</c>, and the model's own tests (IsConnected).</summary>
    private bool TryGetNotOpenTest(IOperation condition, out int index, out bool notOpenWhen)
    {
        index = -1;
        notOpenWhen = false;
        var negated = false;
        for (var i = 0; i < 8; i++)
        {
            condition = OperationUnwrap.Conversions(condition);
            if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                negated = !negated;
                condition = not.Operand;
                continue;
            }

            break;
        }

        IOperation? reference;
        bool whenTrue;
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
                if (!_model.TryGetNotOpenCondition(condition, out reference, out whenTrue))
                {
                    return false;
                }

                break;
        }

        index = _symbols.IndexOf(reference);
        notOpenWhen = whenTrue != negated;
        return index >= 0;
    }
}
