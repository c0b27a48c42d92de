using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Whether a <c>SetRetryPolicy</c> call is on a shutdown path (docs/rules.md, "Scope and exemptions"): inside
/// <c>Dispose</c>, <c>DisposeAsync</c> or <c>StopAsync</c>, or the statement right before <c>CloseAsync</c> on the same
/// client. <c>NoRetry</c> there makes the close fast instead of retrying a dying link; it disables nothing that is used again.
/// </summary>
internal static class ShutdownPath
{
    public static bool IsShutdown(IInvocationOperation setRetryPolicy, KnownSymbols symbols)
        => IsInShutdownMember(setRetryPolicy) || IsRightBeforeClose(setRetryPolicy, symbols);

    private static bool IsInShutdownMember(IOperation operation)
    {
        var model = operation.SemanticModel;
        var symbol = model?.GetEnclosingSymbol(operation.Syntax.SpanStart);

        // A lambda or local function inside Dispose still runs as part of it.
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol is IMethodSymbol { Name: "Dispose" or "DisposeAsync" or "StopAsync" };
    }

    private static bool IsRightBeforeClose(IInvocationOperation setRetryPolicy, KnownSymbols symbols)
    {
        var statement = StatementOf(setRetryPolicy);
        if (statement?.Parent is not IBlockOperation block || Receiver(setRetryPolicy) is not { } client)
        {
            return false;
        }

        var index = block.Operations.IndexOf(statement);
        return index >= 0
            && index + 1 < block.Operations.Length
            && CloseCall(block.Operations[index + 1]) is { } close
            && symbols.IsDeviceOrModuleClient(close.TargetMethod.ContainingType)
            && SymbolEqualityComparer.Default.Equals(Receiver(close), client);
    }

    /// <summary>The expression statement holding the call, also as <c>client?.SetRetryPolicy(…)</c>.</summary>
    private static IOperation? StatementOf(IOperation operation)
    {
        var current = operation.Parent;
        while (current is IConditionalAccessOperation)
        {
            current = current.Parent;
        }

        return current is IExpressionStatementOperation ? current : null;
    }

    /// <summary>
    /// <c>await client.CloseAsync(…)</c>, with <c>.ConfigureAwait(…)</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>,
    /// or <c>client?.CloseAsync()</c>.
    /// </summary>
    private static IInvocationOperation? CloseCall(IOperation statement)
    {
        var value = statement is IExpressionStatementOperation expression ? expression.Operation : null;
        while (value is not null)
        {
            switch (value)
            {
                case IAwaitOperation await:
                    value = await.Operation;
                    break;
                case IConditionalAccessOperation conditional:
                    value = conditional.WhenNotNull;
                    break;
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    break;
                case IInvocationOperation { TargetMethod.Name: "CloseAsync" } close:
                    return close;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "Wait" or "GetResult" or "GetAwaiter", Instance: { } instance }:
                    value = instance;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The local, parameter, field or property the call is made on.</summary>
    private static ISymbol? Receiver(IInvocationOperation invocation)
    {
        var instance = invocation.Instance;
        if (instance is IConditionalAccessInstanceOperation)
        {
            var parent = invocation.Parent;
            while (parent is not null and not IConditionalAccessOperation)
            {
                parent = parent.Parent;
            }

            instance = (parent as IConditionalAccessOperation)?.Operation;
        }

        while (instance is IConversionOperation conversion)
        {
            instance = conversion.Operand;
        }

        return instance switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property => property.Property,
            _ => null,
        };
    }
}
