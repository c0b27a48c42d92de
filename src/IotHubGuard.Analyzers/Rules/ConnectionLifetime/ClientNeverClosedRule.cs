using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT206: a client created into a local of a method (an SDK <c>Create*</c>, MQTTnet <c>CreateMqttClient()</c> for
/// a client that targets IoT Hub, or a factory of the compilation), used, and on no path closed, disposed nor handed
/// off. A close that cannot be reached (after a <c>while (true)</c> loop) does not count: that is the worker that runs
/// until the process is killed.
/// </summary>
/// <remarks>
/// Hand-offs that end the method's responsibility: returned, stored in a field, property, array, collection or another
/// variable, captured into a tuple or object, passed to a method or constructor outside the SDK and MQTTnet (a source
/// helper that closes its parameter is a close). Passing the client to the SDK (<c>userContext</c> of a handler
/// registration) is not a hand-off.
/// </remarks>
internal sealed class ClientNeverClosedRule
{
    public const string ClientKey = "Client";
    public const string CloseMethodKey = "CloseMethod";
    public const string RunsUntilStoppedKey = "RunsUntilStopped";

    private enum Use
    {
        Neutral,
        Opens,
        Releases,
        HandsOff,
    }

    private readonly KnownSymbols _symbols;
    private readonly ReleaseModel _model;
    private readonly ClientCreation _creation;

    public ClientNeverClosedRule(KnownSymbols symbols, ReleaseModel model, ClientCreation creation)
    {
        _symbols = symbols;
        _model = model;
        _creation = creation;
    }

    public void Analyze(OperationBlockAnalysisContext context, IOperation block, IOperation body)
    {
        ControlFlowGraph? cfg = null;
        foreach (var operation in body.Descendants())
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            var origin = _creation.OriginOf(invocation, context.CancellationToken);
            if (origin == ClientOrigin.None
                || (origin == ClientOrigin.Mqtt && !HubTargetDetector.TargetsIotHub(invocation, _symbols, context.CancellationToken))
                || TargetLocal(invocation) is not { } local
                || _creation.IsHttp1(invocation, context.CancellationToken))
            {
                continue;
            }

            var family = origin == ClientOrigin.Mqtt ? ClientFamily.Mqtt : ClientFamily.DeviceSdk;
            if (!IsNeverClosed(local, family, body, block, context, ref cfg, out var runsUntilStopped))
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(ClientKey, local.Name)
                .Add(CloseMethodKey, family == ClientFamily.Mqtt ? "DisconnectAsync" : "CloseAsync")
                .Add(RunsUntilStoppedKey, runsUntilStopped ? "true" : "false");
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ClientNeverClosed, invocation.Syntax.GetLocation(), properties, local.Name));
        }
    }

    /// <summary>The local a creation goes into: <c>var c = Create…()</c> or <c>c = await Create…()</c>, not a <c>using</c>.</summary>
    private static ILocalSymbol? TargetLocal(IOperation creation)
    {
        var value = creation;
        var parent = creation.Parent;
        while (parent is IConversionOperation or IAwaitOperation or IParenthesizedOperation
               || parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configure && configure.Instance == value)
        {
            value = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                var group = declarator.Parent?.Parent;
                if (group?.Parent is IUsingOperation or IUsingDeclarationOperation)
                {
                    return null; // disposed by the using: AZIOT201/204 judge whether it is closed first
                }

                return declarator.Symbol.IsRef ? null : declarator.Symbol;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local } } assignment when assignment.Value == value:
                return local.IsRef ? null : local;
            default:
                return null;
        }
    }

    private bool IsNeverClosed(
        ILocalSymbol local, ClientFamily family, IOperation body, IOperation block, OperationBlockAnalysisContext context, ref ControlFlowGraph? cfg, out bool runsUntilStopped)
    {
        runsUntilStopped = false;
        var opened = false;
        var ends = new List<IOperation>();
        foreach (var operation in body.Descendants())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                continue;
            }

            switch (Classify(reference, family, context.CancellationToken))
            {
                case Use.Opens:
                    opened = true;
                    break;
                case Use.Releases or Use.HandsOff:
                    ends.Add(reference);
                    break;
            }
        }

        if (!opened)
        {
            return false; // never connected: the SDK and MQTTnet open on first use
        }

        if (ends.Count > 0)
        {
            cfg ??= context.GetControlFlowGraph(block);
            var reachable = ReachableSpans(cfg);
            if (ends.Any(end => IsReachable(end, reachable)))
            {
                return false;
            }

            runsUntilStopped = true; // every close sits after a loop that never ends
        }

        runsUntilStopped |= HasEndlessLoopUsing(local, body);
        return true;
    }

    private Use Classify(ILocalReferenceOperation reference, ClientFamily family, CancellationToken cancellationToken)
    {
        IOperation child = reference;
        var parent = reference.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IInvocationOperation invocation when invocation.Instance == child:
                return ClassifyCall(invocation, family);
            case IConditionalAccessOperation conditional when conditional.Operation == child:
                return conditional.WhenNotNull is IInvocationOperation whenNotNull ? ClassifyCall(whenNotNull, family) : Use.Neutral;
            case IArgumentOperation { Parent: IInvocationOperation call, Parameter: { } parameter }:
                if (ReleaseModel.ClientOperand(call) is { } operand && ValueFolding.Unwrap(operand) == child)
                {
                    return ClassifyCall(call, family); // MqttClientExtensions.DisconnectAsync(client), PublishStringAsync(client, …)
                }

                if (_model.ParameterRelease(call.TargetMethod, parameter.Ordinal, family, cancellationToken) != ReleaseKind.None)
                {
                    return Use.Releases; // a helper of the project that closes (or disposes, or passes on) its parameter
                }

                return IsLibraryMethod(call.TargetMethod) ? Use.Neutral : Use.HandsOff;
            case IUsingOperation:
                return Use.Releases;
            case ISimpleAssignmentOperation assignment when assignment.Target == child:
                return Use.Neutral; // re-assigned: AZIOT205 judges the overwrite
            case IPropertyReferenceOperation or IEventReferenceOperation or IMethodReferenceOperation:
            case IBinaryOperation or IIsTypeOperation or IIsNullOperation:
            case IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation or ITypePatternOperation }:
            case IInterpolationOperation or INameOfOperation:
                return Use.Neutral;
            default:
                return Use.HandsOff; // returned, stored, captured into a tuple, aliased: its new holder may close it
        }
    }

    private Use ClassifyCall(IInvocationOperation invocation, ClientFamily family)
    {
        if (_model.KindOf(invocation, family) != ReleaseKind.None)
        {
            return Use.Releases;
        }

        var returnType = invocation.TargetMethod.ReturnType;
        var isAsync = returnType.Name is "Task" or "ValueTask" && returnType.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";
        return isAsync ? Use.Opens : Use.Neutral;
    }

    /// <summary>A method of the SDK or MQTTnet (the assembly that declares the client type): the client stays where it is.</summary>
    private bool IsLibraryMethod(IMethodSymbol method)
    {
        var assembly = method.ContainingAssembly;
        if (assembly is null || method.DeclaringSyntaxReferences.Length > 0)
        {
            return false;
        }

        var name = assembly.Identity.Name;
        return name.StartsWith("Microsoft.Azure.Devices", StringComparison.Ordinal)
            || name.StartsWith("MQTTnet", StringComparison.Ordinal)
            || _model.IsTrackedType(method.ContainingType);
    }

    private static ImmutableArray<(SyntaxTree Tree, TextSpan Span)> ReachableSpans(ControlFlowGraph cfg)
    {
        var spans = ImmutableArray.CreateBuilder<(SyntaxTree, TextSpan)>();
        foreach (var basicBlock in cfg.Blocks)
        {
            if (!basicBlock.IsReachable)
            {
                continue;
            }

            foreach (var operation in basicBlock.Operations)
            {
                spans.Add((operation.Syntax.SyntaxTree, operation.Syntax.Span));
            }

            if (basicBlock.BranchValue is { } branch)
            {
                spans.Add((branch.Syntax.SyntaxTree, branch.Syntax.Span));
            }
        }

        return spans.ToImmutable();
    }

    /// <summary>
    /// Reachable when a reachable operation of the graph contains it; a reference in a local function counts as
    /// reachable (its graph is separate, and a silent rule is the safe side).
    /// </summary>
    private static bool IsReachable(IOperation reference, ImmutableArray<(SyntaxTree Tree, TextSpan Span)> reachable)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current is ILocalFunctionOperation)
            {
                return true;
            }
        }

        var syntax = reference.Syntax;
        return reachable.Any(r => r.Tree == syntax.SyntaxTree && r.Span.Contains(syntax.Span));
    }

    /// <summary>The client is used inside a loop that only a <c>break</c>-less <c>while (true)</c> / <c>for (;;)</c> could be.</summary>
    private static bool HasEndlessLoopUsing(ILocalSymbol local, IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is IWhileLoopOperation { Condition.ConstantValue: { HasValue: true, Value: true } } or IForLoopOperation { Condition: null }
                && ((ILoopOperation)operation).Body.Descendants().Any(d => d is ILocalReferenceOperation r && SymbolEqualityComparer.Default.Equals(r.Local, local)))
            {
                return true;
            }
        }

        return false;
    }
}
