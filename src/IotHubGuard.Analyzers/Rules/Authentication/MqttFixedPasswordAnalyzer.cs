using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT103: raw MQTTnet code that evidently targets IoT Hub gives the connection a fixed password —
/// <c>WithCredentials(string, string)</c>, <c>WithCredentials(string, byte[])</c> or <c>new MqttClientCredentials(user, password)</c> —
/// or fixed MQTT 5 enhanced-authentication data with the <c>SAS</c> method: <c>WithAuthentication("SAS", data)</c> (MQTTnet 3/4),
/// <c>WithEnhancedAuthentication("SAS", data)</c> (5), <c>AuthenticationMethod = "SAS"</c> + <c>AuthenticationData = data</c>.
/// A custom <c>IMqttClientCredentialsProvider</c>, X.509 (no password) and other brokers are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MqttFixedPasswordAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Diagnostic property set on the enhanced-authentication forms, which the credentials-provider fix does not handle.</summary>
    public const string EnhancedAuthenticationKey = "EnhancedAuthentication";

    private const string HubUserNameMarker = "/?api-version=";

    /// <summary>Creates the analyzer.</summary>
    public MqttFixedPasswordAnalyzer()
        : base(Descriptors.MqttFixedPassword)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols)
        => symbols.MqttClientOptionsBuilder is not null || symbols.MqttClientCredentials is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        context.RegisterOperationAction(c => AnalyzeWithCredentials(c, symbols), OperationKind.Invocation);
        context.RegisterOperationAction(c => AnalyzeCredentialsCreation(c, symbols), OperationKind.ObjectCreation);
        context.RegisterOperationAction(c => EnhancedAuthenticationSite.AnalyzeCall(c, symbols), OperationKind.Invocation);
        context.RegisterOperationAction(c => EnhancedAuthenticationSite.AnalyzeDataAssignment(c, symbols), OperationKind.SimpleAssignment);
    }

    private static void AnalyzeWithCredentials(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "WithCredentials"
            || method.Parameters.Length != 2
            || method.Parameters[0].Type.SpecialType != SpecialType.System_String
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.MqttClientOptionsBuilder)
            || !HasPassword(invocation.Arguments, context.CancellationToken)
            || !HubTargetDetector.TargetsIotHub(invocation, symbols, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.MqttFixedPassword, CallLocation(invocation), "WithCredentials(user, password)"));
    }

    private static void AnalyzeCredentialsCreation(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, symbols.MqttClientCredentials)
            || !HasPassword(creation.Arguments, context.CancellationToken))
        {
            return;
        }

        // Passed to WithCredentials(provider): the builder chain decides; otherwise the method does.
        var anchor = creation.Parent is IArgumentOperation argument ? (IOperation)argument : creation;
        var targetsHub = HubTargetDetector.TargetsIotHub(anchor, symbols, context.CancellationToken)
            || (HasHubUserName(creation.Arguments, context.CancellationToken) && !TalksToOtherBroker(creation, symbols, context.CancellationToken));
        if (!targetsHub)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.MqttFixedPassword, creation.Syntax.GetLocation(), "new MqttClientCredentials(user, password)"));
    }

    /// <summary>A password argument that is present and not null or empty (X.509 sends none).</summary>
    private static bool HasPassword(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal != 1)
            {
                continue;
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return false;
            }

            var value = ValueFolding.Unwrap(argument.Value);
            if (value is IDefaultValueOperation || value.ConstantValue is { HasValue: true, Value: null or "" })
            {
                return false;
            }

            return !(StringShape.TryGet(value, cancellationToken, out var shape) && shape.IsFullyKnown && shape.Text.Length == 0);
        }

        return false;
    }

    private static bool HasHubUserName(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Ordinal == 0
                && StringShape.TryGet(argument.Value, cancellationToken, out var shape)
                && shape.Text.IndexOf(HubUserNameMarker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A server host in the same method that is fully known and is not an IoT Hub host.</summary>
    private static bool TalksToOtherBroker(IOperation operation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var descendant in root.Descendants())
        {
            var host = descendant switch
            {
                IInvocationOperation { TargetMethod.Name: "WithTcpServer", Arguments.Length: > 0 } call
                    when SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.MqttClientOptionsBuilder)
                      && call.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_String => call.Arguments[0],
                IObjectCreationOperation { Arguments.Length: > 0 } creation
                    when SymbolEqualityComparer.Default.Equals(creation.Type, symbols.DnsEndPoint) => creation.Arguments[0],
                _ => null,
            };

            if (host is not null
                && StringShape.TryGet(host, cancellationToken, out var shape)
                && shape.IsFullyKnown
                && !HubTargetDetector.IsHubHost(shape.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>WithCredentials(…)</c> in a chain: from the method name to the closing parenthesis.</summary>
    private static Location CallLocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } syntax)
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End));
        }

        return invocation.Syntax.GetLocation();
    }
}
