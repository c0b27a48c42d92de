using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT202: a client held in a field, auto-property or static that its type creates (initialiser, <c>Create*</c>,
/// a factory it calls) and never closes nor disposes anywhere in the type.
/// </summary>
/// <remarks>
/// Ownership judgement: a client the type is handed (a constructor or method parameter, a DI container's
/// <c>GetService</c>) belongs to whoever created it and is not reported. A client that leaves the type (passed to a
/// method, returned, stored elsewhere) may be closed by its new holder and is not reported either.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientFieldNeverClosedAnalyzer : IotHubGuardAnalyzer
{
    internal const string MemberKey = "Member";

    /// <summary>Creates the analyzer.</summary>
    public ClientFieldNeverClosedAnalyzer()
        : base(Descriptors.ClientFieldNeverClosed)
    {
    }

    private enum Origin
    {
        Unknown,
        Owned,
        Injected,
    }

    private protected override bool IsApplicable(KnownSymbols symbols) => symbols.HasDeviceSdk || symbols.IMqttClient is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var shared = new Shared(ReleaseModel.For(symbols), new ClientCreation(symbols));
        context.RegisterSymbolStartAction(start => OnType(start, symbols, shared), SymbolKind.NamedType);
    }

    private static void OnType(SymbolStartAnalysisContext context, KnownSymbols symbols, Shared shared)
    {
        var model = shared.Model;
        var type = (INamedTypeSymbol)context.Symbol;
        var candidates = new Dictionary<ISymbol, MemberState>(SymbolEqualityComparer.Default);
        foreach (var member in type.GetMembers())
        {
            switch (member)
            {
                case IFieldSymbol { IsImplicitlyDeclared: true, AssociatedSymbol: IPropertySymbol property } when model.IsTrackedType(property.Type):
                    candidates[property] = new MemberState(model.FamilyOf(property.Type));
                    break;
                case IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false } field when model.IsTrackedType(field.Type):
                    candidates[field] = new MemberState(model.FamilyOf(field.Type));
                    break;
            }
        }

        if (candidates.Count == 0)
        {
            return;
        }

        context.RegisterOperationAction(
            c => Observe(c.Operation, candidates, shared, c.CancellationToken),
            OperationKind.FieldReference,
            OperationKind.PropertyReference,
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer);

        context.RegisterSymbolEndAction(end =>
        {
            foreach (var pair in candidates)
            {
                var state = pair.Value;
                lock (state)
                {
                    // An MQTTnet client counts only when it evidently targets IoT Hub (docs/rules.md).
                    if (!state.Owned || state.Released || state.Escaped || pair.Key.Locations.IsEmpty
                        || (state.Family == ClientFamily.Mqtt && !state.TargetsHub))
                    {
                        continue;
                    }
                }

                end.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ClientFieldNeverClosed,
                    pair.Key.Locations[0],
                    ImmutableDictionary<string, string?>.Empty.Add(MemberKey, pair.Key.Name),
                    pair.Key.Name,
                    type.Name));
            }
        });
    }

    private static void Observe(IOperation operation, Dictionary<ISymbol, MemberState> candidates, Shared shared, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IFieldInitializerOperation initializer:
                foreach (var field in initializer.InitializedFields)
                {
                    Assigned(candidates, field, initializer.Value, shared, cancellationToken);
                }

                return;
            case IPropertyInitializerOperation initializer:
                foreach (var property in initializer.InitializedProperties)
                {
                    Assigned(candidates, property, initializer.Value, shared, cancellationToken);
                }

                return;
            case IFieldReferenceOperation { Field: var field }:
                Referenced(candidates, field.OriginalDefinition, operation, shared, cancellationToken);
                return;
            case IPropertyReferenceOperation { Property: var property }:
                Referenced(candidates, property.OriginalDefinition, operation, shared, cancellationToken);
                return;
        }
    }

    private static void Assigned(Dictionary<ISymbol, MemberState> candidates, ISymbol member, IOperation value, Shared shared, CancellationToken cancellationToken)
    {
        if (!candidates.TryGetValue(member.OriginalDefinition, out var state)
            || shared.Creation.IsHttp1(value, cancellationToken))
        {
            return; // an HTTP client keeps no connection to close
        }

        var origin = OriginOf(value, 0, cancellationToken);
        var targetsHub = state.Family == ClientFamily.Mqtt && HubTargetDetector.TargetsIotHub(ClientCreation.Unwrap(value), shared.Model.Symbols, cancellationToken);
        lock (state)
        {
            state.Owned |= origin == Origin.Owned;
            state.TargetsHub |= targetsHub;
        }
    }

    private static void Referenced(Dictionary<ISymbol, MemberState> candidates, ISymbol member, IOperation reference, Shared shared, CancellationToken cancellationToken)
    {
        var model = shared.Model;
        if (!candidates.TryGetValue(member, out var state))
        {
            return;
        }

        switch (OperationUnwrap.ParentThroughConversions(reference, out var child))
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == child:
            case ICoalesceAssignmentOperation coalesceAssignment when coalesceAssignment.Target == child:
                Assigned(candidates, member, ((IAssignmentOperation)child.Parent!).Value, shared, cancellationToken);
                return;
            case IInvocationOperation invocation when invocation.Instance == child:
                if (model.KindOf(invocation, state.Family) >= ReleaseKind.Dispose)
                {
                    Mark(state, released: true);
                }
                else if (state.Family == ClientFamily.Mqtt && invocation.TargetMethod.Name == "ConnectAsync"
                    && HubTargetDetector.TargetsIotHub(invocation, model.Symbols, cancellationToken))
                {
                    lock (state)
                    {
                        state.TargetsHub = true;
                    }
                }

                return;
            case IArgumentOperation { Parent: IInvocationOperation call } argument when argument.Value == child:
                if (ReleaseModel.ClientOperand(call) is { } operand && OperationUnwrap.Conversions(operand) == OperationUnwrap.Conversions(child)
                    && model.KindOf(call, state.Family) >= ReleaseKind.Dispose)
                {
                    Mark(state, released: true); // MqttClientExtensions.DisconnectAsync(_client)
                }
                else if (!(call.TargetMethod.DeclaringSyntaxReferences.IsEmpty && model.IsTrackedType(call.TargetMethod.ContainingType)))
                {
                    Mark(state, released: false); // passed on; but the userContext of an SDK handler registration stays here
                }

                return;
            case IIsPatternOperation { Pattern: var pattern } when AliasCloses.AliasOf(pattern) is { } alias:
                if (ReleasesAlias(reference, alias, state.Family, model))
                {
                    Mark(state, released: true); // if (_client is { } client) await client.CloseAsync();
                }

                return;
            case IConditionalAccessOperation conditional when conditional.Operation == child:
                if (conditional.WhenNotNull is IInvocationOperation whenNotNull && model.KindOf(whenNotNull, state.Family) >= ReleaseKind.Dispose)
                {
                    Mark(state, released: true);
                }

                return;
            case IUsingOperation:
                Mark(state, released: true);
                return;
            case IPropertyReferenceOperation or IEventReferenceOperation or IFieldReferenceOperation or IMethodReferenceOperation:
            case IBinaryOperation or IIsPatternOperation or IIsTypeOperation or ICoalesceOperation:
                return; // a use that keeps the client where it is
            default:
                Mark(state, released: false); // passed, returned, stored elsewhere: its new holder may close it
                return;
        }
    }

    private static void Mark(MemberState state, bool released)
    {
        lock (state)
        {
            if (released)
            {
                state.Released = true;
            }
            else
            {
                state.Escaped = true;
            }
        }
    }

    private static Origin OriginOf(IOperation value, int depth, CancellationToken cancellationToken)
    {
        value = OperationUnwrap.ConversionsAndAwaits(value);
        switch (value)
        {
            case IParameterReferenceOperation:
            case IInvocationOperation invocation when ReleaseModel.IsContainerLookup(invocation):
                return Origin.Injected;
            case IInvocationOperation or IObjectCreationOperation:
                return Origin.Owned;
            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return Combine(OriginOf(conditional.WhenTrue, depth + 1, cancellationToken), OriginOf(conditional.WhenFalse, depth + 1, cancellationToken));
            case ICoalesceOperation coalesce:
                return Combine(OriginOf(coalesce.Value, depth + 1, cancellationToken), OriginOf(coalesce.WhenNull, depth + 1, cancellationToken));
            case ILocalReferenceOperation when depth < 3:
                return SingleAssignment.GetSingleValue(value, cancellationToken) is { } single
                    ? OriginOf(single, depth + 1, cancellationToken)
                    : Origin.Unknown;
            default:
                return Origin.Unknown;
        }
    }

    /// <summary>Any injected part makes the client someone else's.</summary>
    private static Origin Combine(Origin left, Origin right)
        => left == Origin.Injected || right == Origin.Injected ? Origin.Injected
        : left == Origin.Owned || right == Origin.Owned ? Origin.Owned
        : Origin.Unknown;

    /// <summary>The function holding <paramref name="reference"/> closes or disposes <paramref name="alias"/>.</summary>
    private static bool ReleasesAlias(IOperation reference, ILocalSymbol alias, ClientFamily family, ReleaseModel model)
    {
        var root = reference;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var operation in root.Descendants())
        {
            if (operation is IInvocationOperation invocation
                && model.KindOf(invocation, family) >= ReleaseKind.Dispose
                && ReleaseModel.ClientOperand(invocation) is { } operand
                && OperationUnwrap.Conversions(operand) is ILocalReferenceOperation local
                && SymbolEqualityComparer.Default.Equals(local.Local, alias))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Shared
    {
        public Shared(ReleaseModel model, ClientCreation creation)
        {
            Model = model;
            Creation = creation;
        }

        public ReleaseModel Model { get; }

        public ClientCreation Creation { get; }
    }

    private sealed class MemberState
    {
        public MemberState(ClientFamily family) => Family = family;

        public ClientFamily Family { get; }

        public bool TargetsHub { get; set; }

        public bool Owned { get; set; }

        public bool Released { get; set; }

        public bool Escaped { get; set; }
    }
}
