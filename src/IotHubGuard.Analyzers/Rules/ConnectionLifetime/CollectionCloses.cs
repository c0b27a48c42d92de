using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Clients kept in a collection are closed all at once and disposed in a second loop:
/// <c>await Task.WhenAll(clients.Select(c => c.CloseAsync()));</c> or <c>foreach (var c in clients) await c.CloseAsync();</c>,
/// then <c>foreach (var c in clients) c.Dispose();</c>. The iteration variable of the disposing loop is a new local the
/// flow knows nothing of; this says that the collection it walks was closed earlier in the same body (AZIOT201/204).
/// </summary>
internal static class CollectionCloses
{
    public static bool ClosedBefore(ISymbol disposed, IOperation disposal, IOperation body, ReleaseModel model, CancellationToken cancellationToken)
    {
        if (disposed is not ILocalSymbol local
            || LoopOver(local, body) is not { } loop
            || CollectionSymbol(loop.Collection) is not { } collection)
        {
            return false;
        }

        var family = model.FamilyOf(local.Type);
        foreach (var operation in body.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation.Syntax.SpanStart >= loop.Syntax.SpanStart || operation.Syntax.SyntaxTree != disposal.Syntax.SyntaxTree)
            {
                continue;
            }

            switch (operation)
            {
                // foreach (var c in clients) { await c.CloseAsync(); }
                case IForEachLoopOperation { Locals.Length: 1 } earlier when earlier != loop
                    && SymbolEqualityComparer.Default.Equals(CollectionSymbol(earlier.Collection), collection)
                    && Closes(earlier.Body, earlier.Locals[0], family, model):
                    return true;

                // Task.WhenAll(clients.Select(c => c.CloseAsync()))
                case IInvocationOperation { TargetMethod.Name: "Select" } select
                    when select.Arguments.Length == 2
                         && SymbolEqualityComparer.Default.Equals(CollectionSymbol(select.Arguments[0].Value), collection)
                         && LambdaOf(select.Arguments[1].Value) is { Symbol.Parameters.Length: 1 } lambda
                         && Closes(lambda.Body, lambda.Symbol.Parameters[0], family, model):
                    return true;
            }
        }

        return false;
    }

    private static IForEachLoopOperation? LoopOver(ILocalSymbol local, IOperation body)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is IForEachLoopOperation loop && loop.Locals.Length == 1 && SymbolEqualityComparer.Default.Equals(loop.Locals[0], local))
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>The field, property, local or parameter a collection comes from: <c>_clients</c>, <c>_clients.Values</c>, <c>clients</c>.</summary>
    private static ISymbol? CollectionSymbol(IOperation collection)
    {
        var value = OperationUnwrap.Conversions(collection);
        if (value is IPropertyReferenceOperation { Property.Name: "Values", Instance: { } owner })
        {
            value = OperationUnwrap.Conversions(owner);
        }

        return value switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            ILocalReferenceOperation localReference => localReference.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
    }

    private static IAnonymousFunctionOperation? LambdaOf(IOperation argument)
        => OperationUnwrap.Conversions(argument) switch
        {
            IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } => lambda,
            IAnonymousFunctionOperation lambda => lambda,
            _ => null,
        };

    private static bool Closes(IOperation body, ISymbol variable, ClientFamily family, ReleaseModel model)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation
                && model.KindOf(invocation, family) == ReleaseKind.Close
                && ReleaseModel.ClientOperand(invocation) is { } operand
                && OperationUnwrap.Conversions(operand) switch
                {
                    ILocalReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Local, variable),
                    IParameterReferenceOperation reference => SymbolEqualityComparer.Default.Equals(reference.Parameter, variable),
                    _ => false,
                })
            {
                return true;
            }
        }

        return false;
    }
}
