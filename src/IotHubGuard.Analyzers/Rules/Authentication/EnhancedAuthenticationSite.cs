using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT103 for MQTT 5 enhanced authentication: IoT Hub's <c>SAS</c> method sends the token as the CONNECT packet's
/// authentication data, so fixed data expires exactly like a fixed password. The forms MQTTnet has:
/// <c>WithAuthentication(method, data)</c> (3.x/4.x), <c>WithEnhancedAuthentication(method, data)</c> (5.x), and the
/// <c>MqttClientOptions.AuthenticationMethod</c> / <c>AuthenticationData</c> properties (both).
/// Reported only for the method <c>SAS</c> with data, on a connection that evidently targets IoT Hub.
/// </summary>
internal static class EnhancedAuthenticationSite
{
    private const string SasMethod = "SAS";

    private static readonly ImmutableDictionary<string, string?> s_properties =
        ImmutableDictionary<string, string?>.Empty.Add(MqttFixedPasswordAnalyzer.EnhancedAuthenticationKey, "true");

    public static void AnalyzeCall(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("WithAuthentication" or "WithEnhancedAuthentication")
            || method.Parameters.Length != 2
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.MqttClientOptionsBuilder))
        {
            return;
        }

        IOperation? methodName = null;
        IOperation? data = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.Parameter?.Ordinal == 0)
            {
                methodName = argument.Value;
            }
            else if (argument.Parameter?.Ordinal == 1)
            {
                data = argument.Value;
            }
        }

        if (!IsSas(methodName, context.CancellationToken)
            || !HasData(data)
            || !HubTargetDetector.TargetsIotHub(invocation, symbols, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MqttFixedPassword,
            CallLocation(invocation),
            s_properties,
            $"{method.Name}(\"SAS\", data)"));
    }

    /// <summary><c>AuthenticationData = data</c> next to <c>AuthenticationMethod = "SAS"</c> on the same options object.</summary>
    public static void AnalyzeDataAssignment(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } target
            || !property.IsMember(symbols.MqttClientOptions, "AuthenticationData")
            || !HasData(assignment.Value)
            || !MethodIsSas(target, context.CancellationToken)
            || !HubTargetDetector.TargetsIotHub(assignment, symbols, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.MqttFixedPassword,
            assignment.Syntax.GetLocation(),
            s_properties,
            "AuthenticationMethod = \"SAS\", AuthenticationData = data"));
    }

    /// <summary>The sibling <c>AuthenticationMethod</c> write: same object initializer, or same local/field in the same body.</summary>
    private static bool MethodIsSas(IPropertyReferenceOperation dataTarget, CancellationToken cancellationToken)
    {
        IOperation? scope = dataTarget.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            ? dataTarget.Parent?.Parent // the object initializer
            : Root(dataTarget);
        if (scope is null)
        {
            return false;
        }

        var receiver = ReceiverSymbol(dataTarget.Instance);
        foreach (var descendant in scope.Descendants())
        {
            if (descendant is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "AuthenticationMethod" } methodTarget } write
                && SymbolEqualityComparer.Default.Equals(methodTarget.Property.ContainingType, dataTarget.Property.ContainingType)
                && SameReceiver(methodTarget.Instance, dataTarget.Instance, receiver)
                && IsSas(write.Value, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameReceiver(IOperation? candidate, IOperation? data, ISymbol? dataReceiver)
    {
        if (data is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            // Both in the one initializer: the scope already is that initializer.
            return candidate is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver };
        }

        return dataReceiver is not null && SymbolEqualityComparer.Default.Equals(ReceiverSymbol(candidate), dataReceiver);
    }

    private static ISymbol? ReceiverSymbol(IOperation? instance)
        => instance switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

    private static bool IsSas(IOperation? value, CancellationToken cancellationToken)
        => value is not null
        && StringShape.TryGet(value, cancellationToken, out var shape)
        && shape.IsFullyKnown
        && string.Equals(shape.Text, SasMethod, StringComparison.OrdinalIgnoreCase);

    /// <summary>Data that is present: not <c>null</c>, not <c>default</c>.</summary>
    private static bool HasData(IOperation? value)
    {
        if (value is null)
        {
            return false;
        }

        var unwrapped = ValueFolding.Unwrap(value);
        return unwrapped is not IDefaultValueOperation && unwrapped.ConstantValue is not { HasValue: true, Value: null };
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

    private static Location CallLocation(IInvocationOperation invocation)
        => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } syntax
            ? Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End))
            : invocation.Syntax.GetLocation();
}
