using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT203: a <c>DeviceClient</c>/<c>ModuleClient</c> <c>Create*</c> call in a loop body or in a lambda run per item
/// (<c>Parallel.ForEach</c>, LINQ <c>Select</c>, <c>List.ForEach</c>), whose client lives for that one iteration.
/// </summary>
/// <remarks>
/// Not reported: a client stored in an outer variable or field (a reconnect loop; AZIOT205 judges whether the previous
/// one was closed), returned or handed on, used by a nested loop (a session per iteration), created from the
/// iteration's own data (one client per device), or created in a loop that exits with <c>break</c>/<c>return</c>
/// (a retry loop).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientPerOperationAnalyzer : IotHubGuardAnalyzer
{
    private const int MaxDepth = 3;

    /// <summary>Creates the analyzer.</summary>
    public ClientPerOperationAnalyzer()
        : base(Descriptors.ClientPerOperation)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols) => symbols.HasDeviceSdk || symbols.IMqttClient is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var clients = new ClientCreation(symbols);
        context.RegisterOperationAction(c => Analyze(c, symbols, clients), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, ClientCreation clients)
    {
        var creation = (IInvocationOperation)context.Operation;
        var method = creation.TargetMethod;
        if (!IsDirectCreation(creation, symbols, clients, context.CancellationToken)
            || !TryGetIterationScope(creation, symbols, out var scope)
            || DependsOnIteration(creation, scope, context.CancellationToken)
            || !LivesForOneIteration(creation, scope)
            || clients.IsHttp1(creation, context.CancellationToken)
            || (symbols.IsMqttClient(method.ReturnType) && !HubTargetDetector.TargetsIotHub(creation, symbols, context.CancellationToken)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.ClientPerOperation,
            creation.Syntax.GetLocation(),
            method.ContainingType.Name + "." + method.Name,
            scope.Unit));
    }

    /// <summary>
    /// An SDK <c>Create*</c> call, or MQTTnet's <c>CreateMqttClient()</c> (reported only for a client that targets IoT
    /// Hub). A factory of the project in a loop is left alone: it may hand out a cached client.
    /// </summary>
    private static bool IsDirectCreation(IInvocationOperation creation, KnownSymbols symbols, ClientCreation clients, CancellationToken cancellationToken)
    {
        var method = creation.TargetMethod;
        return method.DeclaringSyntaxReferences.IsEmpty
            && method.Name.StartsWith("Create", StringComparison.Ordinal)
            && clients.OriginOf(creation, cancellationToken) != ClientOrigin.None;
    }

    private readonly struct IterationScope
    {
        public IterationScope(IOperation body, ILoopOperation? loop, ImmutableArray<ISymbol> variables, string unit)
        {
            Body = body;
            Loop = loop;
            Variables = variables;
            Unit = unit;
        }

        /// <summary>What runs once per iteration: the loop body or the lambda body.</summary>
        public IOperation Body { get; }

        public ILoopOperation? Loop { get; }

        /// <summary>The iteration's own data: foreach/for variables, lambda parameters.</summary>
        public ImmutableArray<ISymbol> Variables { get; }

        public string Unit { get; }
    }

    private static bool TryGetIterationScope(IOperation creation, KnownSymbols symbols, out IterationScope scope)
    {
        var child = creation;
        for (var parent = creation.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ILoopOperation loop when loop.Body == child:
                    var variables = loop switch
                    {
                        IForEachLoopOperation forEach => forEach.Locals.CastArray<ISymbol>(),
                        IForLoopOperation forLoop => forLoop.Locals.CastArray<ISymbol>(),
                        _ => ImmutableArray<ISymbol>.Empty,
                    };
                    scope = new IterationScope(loop.Body, loop, variables, "loop iteration");
                    return true;
                case IAnonymousFunctionOperation lambda:
                    var call = InvocationTaking(lambda) ?? PerItemCallThroughLocal(lambda, symbols);
                    if (call is not null && IsPerItem(call.TargetMethod, symbols))
                    {
                        scope = new IterationScope(
                            lambda.Body,
                            null,
                            lambda.Symbol.Parameters.CastArray<ISymbol>(),
                            "item of " + call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name);
                        return true;
                    }

                    if (call is not null && IsRunOnce(call.TargetMethod, symbols))
                    {
                        // Task.Run(() => …) inside a loop still runs once per iteration: keep looking outward.
                        parent = call;
                        continue;
                    }

                    scope = default;
                    return false;
                case ILocalFunctionOperation localFunction
                    when FirstPerItemUse(Root(localFunction), symbols, use => use is IMethodReferenceOperation reference
                        && SymbolEqualityComparer.Default.Equals(reference.Method, localFunction.Symbol)) is { } perItem:
                    // async Task SendOne(Reading r) { … }  …  readings.Select(SendOne): the body runs once per item.
                    scope = new IterationScope(
                        child,
                        null,
                        localFunction.Symbol.Parameters.CastArray<ISymbol>(),
                        "item of " + perItem.TargetMethod.ContainingType.Name + "." + perItem.TargetMethod.Name);
                    return true;
                case ILocalFunctionOperation or IMethodBodyOperation or IConstructorBodyOperation:
                    scope = default;
                    return false;
            }
        }

        scope = default;
        return false;
    }

    private static IInvocationOperation? InvocationTaking(IAnonymousFunctionOperation lambda)
    {
        var current = lambda.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current is IArgumentOperation { Parent: IInvocationOperation call } ? call : null;
    }

    /// <summary>
    /// A lambda stored in a local first (<c>Func&lt;Reading, Task&gt; send = async r => …; readings.Select(send)</c>): the
    /// per-item call that the local is handed to, if any.
    /// </summary>
    private static IInvocationOperation? PerItemCallThroughLocal(IAnonymousFunctionOperation lambda, KnownSymbols symbols)
    {
        var current = lambda.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        return current is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } }
            ? FirstPerItemUse(Root(lambda), symbols, use => use is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            : null;
    }

    /// <summary>The first per-item call in <paramref name="root"/> given a delegate that <paramref name="isDelegate"/> recognises.</summary>
    private static IInvocationOperation? FirstPerItemUse(IOperation root, KnownSymbols symbols, Func<IOperation, bool> isDelegate)
    {
        foreach (var operation in root.Descendants())
        {
            if (!isDelegate(operation))
            {
                continue;
            }

            var parent = operation.Parent;
            while (parent is IDelegateCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation call } && IsPerItem(call.TargetMethod, symbols))
            {
                return call;
            }
        }

        return null;
    }

    private static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    private static bool IsPerItem(IMethodSymbol method, KnownSymbols symbols)
    {
        var type = method.ContainingType.OriginalDefinition;
        return (SymbolEqualityComparer.Default.Equals(type, symbols.Parallel) && method.Name is "For" or "ForEach" or "ForEachAsync")
            || (SymbolEqualityComparer.Default.Equals(type, symbols.Enumerable) && method.Name is "Select" or "SelectMany")
            || (SymbolEqualityComparer.Default.Equals(type, symbols.ListOfT) && method.Name == "ForEach")
            || (type.SpecialType == SpecialType.System_Array && method.Name == "ForEach");
    }

    private static bool IsRunOnce(IMethodSymbol method, KnownSymbols symbols)
    {
        var type = method.ContainingType.OriginalDefinition;
        return (SymbolEqualityComparer.Default.Equals(type, symbols.Task) && method.Name == "Run")
            || (SymbolEqualityComparer.Default.Equals(type, symbols.TaskFactory) && method.Name == "StartNew");
    }

    /// <summary>The creation reads the iteration's own data (one client per device): not a client per message.</summary>
    private static bool DependsOnIteration(IInvocationOperation creation, IterationScope scope, CancellationToken cancellationToken)
    {
        foreach (var argument in creation.Arguments)
        {
            if (Reads(argument.Value, scope, 0, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Reads(IOperation value, IterationScope scope, int depth, CancellationToken cancellationToken)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation { Local: var local }:
                    if (scope.Variables.Contains(local, SymbolEqualityComparer.Default))
                    {
                        return true;
                    }

                    if (depth < MaxDepth
                        && IsDeclaredIn(local, scope.Body)
                        && SingleAssignment.GetSingleValue(operation, cancellationToken) is { } single
                        && Reads(single, scope, depth + 1, cancellationToken))
                    {
                        return true;
                    }

                    break;
                case IParameterReferenceOperation { Parameter: var parameter } when scope.Variables.Contains(parameter, SymbolEqualityComparer.Default):
                    return true;
            }
        }

        return false;
    }

    private static bool IsDeclaredIn(ILocalSymbol local, IOperation body)
        => local.DeclaringSyntaxReferences.Length == 1
        && local.DeclaringSyntaxReferences[0].SyntaxTree == body.Syntax.SyntaxTree
        && body.Syntax.Span.Contains(local.DeclaringSyntaxReferences[0].Span);

    /// <summary>Where the new client goes: used inline, or kept in a variable of this iteration that nothing outlives.</summary>
    private static bool LivesForOneIteration(IInvocationOperation creation, IterationScope scope)
    {
        IOperation value = creation;
        var parent = creation.Parent;
        while (parent is IConversionOperation or IAwaitOperation or IParenthesizedOperation)
        {
            value = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IInvocationOperation call when call.Instance == value:
                return true; // DeviceClient.Create…(…).SendEventAsync(…)
            case IUsingOperation:
                return true; // using (DeviceClient.Create…(…)) { … }
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return LocalLivesForOneIteration(declarator.Symbol, OwnBody(creation, scope), scope);
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local } } assignment
                when assignment.Value == value && IsDeclaredIn(local, OwnBody(creation, scope)):
                return LocalLivesForOneIteration(local, OwnBody(creation, scope), scope);
            default:
                return false; // an outer variable or field (reconnect), returned, passed on: not per operation
        }
    }

    /// <summary>The body the creation's variable lives in: the iteration body, or a <c>Task.Run</c> lambda inside it.</summary>
    private static IOperation OwnBody(IOperation creation, IterationScope scope)
    {
        for (var current = creation.Parent; current is not null && current != scope.Body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                return lambda.Body;
            }
        }

        return scope.Body;
    }

    private static bool LocalLivesForOneIteration(ILocalSymbol local, IOperation body, IterationScope scope)
    {
        var leavesLoop = scope.Loop is not null && body == scope.Body;
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IReturnOperation when leavesLoop && !IsNested(operation, body, loops: false):
                    return false; // a retry or search loop that leaves on success
                case IBranchOperation { BranchKind: BranchKind.Break } branch
                    when leavesLoop && SymbolEqualityComparer.Default.Equals(branch.Target, scope.Loop!.ExitLabel):
                    return false;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    if (IsNested(reference, body, loops: true) || !StaysInIteration(reference))
                    {
                        return false; // a session run by an inner loop, captured, or handed on
                    }

                    break;
            }
        }

        return true;
    }

    private static bool StaysInIteration(IOperation reference)
    {
        var child = reference;
        var parent = reference.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IInvocationOperation call => call.Instance == child,
            IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation { TargetMethod: { IsExtensionMethod: true, DeclaringSyntaxReferences.IsEmpty: true } } } => true, // client.PublishStringAsync(…) in MQTTnet
            IPropertyReferenceOperation or IEventReferenceOperation or IConditionalAccessOperation => true,
            IUsingOperation or IBinaryOperation or IIsPatternOperation => true,
            ISimpleAssignmentOperation assignment => assignment.Target == child,
            _ => false,
        };
    }

    /// <summary>Inside a lambda or local function (and, with <paramref name="loops"/>, an inner loop) below <paramref name="body"/>.</summary>
    private static bool IsNested(IOperation operation, IOperation body, bool loops)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation || (loops && current is ILoopOperation))
            {
                return true;
            }
        }

        return false;
    }
}
