using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT501: automatic reconnection disabled. <c>SetRetryPolicy(new NoRetry())</c> or <c>new ExponentialBackoff(0, …)</c>,
/// also through <c>?:</c>, <c>??</c>, or a local or field that holds only that policy, and the obsolete
/// <c>RetryPolicy = RetryPolicyType.No_Retry</c>. Shutdown paths (Dispose, DisposeAsync, StopAsync, right before
/// CloseAsync on the same client) are exempt: there the policy only makes the close fast. In
/// <c>Microsoft.Azure.Iot.Device</c>, a <c>new NoRetry()</c> or <c>new ExponentialBackoffRetryPolicy(0, …)</c> assigned
/// to <c>ConnectionClientOptions.ConnectionRetryPolicy</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RetryDisabledAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Diagnostic property telling the fixer which form it is looking at.</summary>
    public const string FormKey = "RetryDisabledForm";

    /// <summary>A <c>new NoRetry()</c> that reaches <c>SetRetryPolicy</c>.</summary>
    public const string NoRetryCreation = "NoRetryCreation";

    /// <summary>A <c>new ExponentialBackoff(0, …)</c> that reaches <c>SetRetryPolicy</c>: zero retries.</summary>
    public const string ZeroRetryCount = "ZeroRetryCount";

    /// <summary>The obsolete <c>client.RetryPolicy = RetryPolicyType.No_Retry</c>.</summary>
    public const string ObsoleteProperty = "ObsoleteProperty";

    /// <summary>Creates the analyzer.</summary>
    public RetryDisabledAnalyzer()
        : base(Descriptors.RetryDisabled)
    {
    }

    /// <summary>A <c>Microsoft.Azure.Iot.Device</c> policy that never retries, assigned to <c>ConnectionRetryPolicy</c>.</summary>
    public const string ConnectionRetryPolicyAssignment = "ConnectionRetryPolicyAssignment";

    private protected override bool IsApplicable(KnownSymbols symbols)
        => (symbols.HasDeviceSdk && (symbols.NoRetry is not null || symbols.ExponentialBackoff is not null || symbols.RetryPolicyType is not null))
        || (symbols.IotDeviceConnectionClientOptions is not null && (symbols.IotDeviceNoRetry is not null || symbols.IotDeviceExponentialBackoff is not null));

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        if (symbols.IotDeviceConnectionClientOptions is not null)
        {
            context.RegisterOperationAction(c => AnalyzeConnectionRetryPolicy(c, symbols), OperationKind.SimpleAssignment);
        }

        if (!symbols.HasDeviceSdk)
        {
            return;
        }

        if (symbols.NoRetry is not null || symbols.ExponentialBackoff is not null)
        {
            context.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
        }

        if (symbols.RetryPolicyType is not null && symbols.DeviceClient is not null)
        {
            context.RegisterOperationAction(c => AnalyzeObsoleteProperty(c, symbols), OperationKind.SimpleAssignment);
        }
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        string form;
        string code;
        string effect;
        if (creation.Type.InheritsFromOrEquals(symbols.NoRetry))
        {
            form = NoRetryCreation;
            code = $"new {creation.Type!.Name}()";
            effect = "disables automatic reconnection: after the first transient error the client reports Disconnected / Retry_Expired and stays offline";
        }
        else if (creation.Type.InheritsFromOrEquals(symbols.ExponentialBackoff) && HasZeroRetryCount(creation, context.CancellationToken))
        {
            form = ZeroRetryCount;
            code = $"new {creation.Type!.Name}(0, …)";
            effect = "retries 0 times, which disables automatic reconnection: after the first transient error the client reports Disconnected / Retry_Expired and stays offline";
        }
        else
        {
            return;
        }

        if (!RetryPolicyFlow.ReachesSetRetryPolicy(creation, symbols, context.CancellationToken, call => !ShutdownPath.IsShutdown(call, symbols)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RetryDisabled,
            creation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FormKey, form),
            code,
            effect,
            "ExponentialBackoff"));
    }

    /// <summary>The <c>retryCount</c> argument (the SDK's first constructor parameter) is the constant 0.</summary>
    private static bool HasZeroRetryCount(IObjectCreationOperation creation, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { Ordinal: 0, Name: "retryCount" })
            {
                return ValueFolding.TryGetNumber(argument.Value, cancellationToken, out var count) && count == 0;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>options.ConnectionRetryPolicy = new NoRetry()</c> (or in an object initializer), and the same with
    /// <c>new ExponentialBackoffRetryPolicy(0, …)</c>, whose <c>maxRetries</c> of 0 never retries either.
    /// </summary>
    private static void AnalyzeConnectionRetryPolicy(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || property.Name != "ConnectionRetryPolicy"
            || !property.ContainingType.InheritsFromOrEquals(symbols.IotDeviceConnectionClientOptions)
            || OperationUnwrap.Conversions(assignment.Value) is not IObjectCreationOperation creation
            || !NeverRetries(creation, symbols))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RetryDisabled,
            creation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FormKey, ConnectionRetryPolicyAssignment),
            creation.Syntax.ToString(),
            "as ConnectionClientOptions.ConnectionRetryPolicy stops the ConnectionClient from reconnecting: after the first transient error it raises ConnectionFaultedAsync and stays offline until the app connects again",
            "ExponentialBackoffRetryPolicy"));
    }

    private static bool NeverRetries(IObjectCreationOperation creation, KnownSymbols symbols)
    {
        if (creation.Type.InheritsFromOrEquals(symbols.IotDeviceNoRetry))
        {
            return true;
        }

        // ExponentialBackoffRetryPolicy(uint maxRetries, …): 0 never retries (ShouldRetry returns false at once).
        return symbols.IotDeviceExponentialBackoff is not null
            && SymbolEqualityComparer.Default.Equals(creation.Type, symbols.IotDeviceExponentialBackoff)
            && creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "maxRetries") is { } maxRetries
            && maxRetries.Value.ConstantValue is { HasValue: true, Value: { } value }
            && value is IConvertible
            && Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0;
    }

    private static void AnalyzeObsoleteProperty(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
            || !property.IsMember(symbols.DeviceClient, "RetryPolicy")
            || !SymbolEqualityComparer.Default.Equals(property.Type, symbols.RetryPolicyType)
            || !IsNoRetry(assignment.Value))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RetryDisabled,
            assignment.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FormKey, ObsoleteProperty),
            "RetryPolicy = RetryPolicyType.No_Retry",
            "asks for no automatic reconnection through an obsolete property that current SDKs ignore (1.42.x stores it and never reads it), so the code does not say what the client does",
            "ExponentialBackoff"));
    }

    /// <summary><c>RetryPolicyType.No_Retry</c> is 0: the constant, a const, a cast of 0, <c>default</c>.</summary>
    private static bool IsNoRetry(IOperation value)
        => value.ConstantValue is { HasValue: true, Value: { } constant }
        && constant is IConvertible
        && Convert.ToInt64(constant, CultureInfo.InvariantCulture) == 0;
}
