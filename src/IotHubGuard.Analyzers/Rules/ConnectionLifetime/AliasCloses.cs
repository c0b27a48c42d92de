using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// A field or property closed through a pattern alias before it is disposed:
/// <c>if (_client is { } client) await client.CloseAsync(); _client?.Dispose();</c>. The alias is a new local the flow
/// does not connect to the field; the close runs exactly when the field holds a client, so the disposal is not one
/// without close (AZIOT201/204).
/// </summary>
internal static class AliasCloses
{
    public static bool ClosedBefore(ISymbol disposed, IOperation disposal, IOperation body, ClientFamily family, ReleaseModel model)
    {
        if (disposed is not (IFieldSymbol or IPropertySymbol))
        {
            return false;
        }

        foreach (var operation in body.Descendants())
        {
            if (operation.Syntax.SyntaxTree != disposal.Syntax.SyntaxTree
                || operation.Syntax.SpanStart >= disposal.Syntax.SpanStart
                || operation is not IIsPatternOperation { Value: var value, Pattern: var pattern }
                || !Denotes(value, disposed)
                || AliasOf(pattern) is not { } alias)
            {
                continue;
            }

            foreach (var candidate in body.Descendants())
            {
                if (candidate.Syntax.SpanStart < disposal.Syntax.SpanStart
                    && candidate is IInvocationOperation invocation
                    && model.KindOf(invocation, family) == ReleaseKind.Close
                    && ReleaseModel.ClientOperand(invocation) is { } operand
                    && OperationUnwrap.Conversions(operand) is ILocalReferenceOperation local
                    && SymbolEqualityComparer.Default.Equals(local.Local, alias))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The local a pattern binds the client to: <c>is { } client</c>, <c>is DeviceClient client</c>.</summary>
    public static ILocalSymbol? AliasOf(IPatternOperation pattern)
        => pattern switch
        {
            IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
            IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } => local,
            _ => null,
        };

    private static bool Denotes(IOperation value, ISymbol member)
        => OperationUnwrap.Conversions(value) switch
        {
            IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field.OriginalDefinition, member.OriginalDefinition) && ReleaseModel.IsThisOrStatic(field.Instance),
            IPropertyReferenceOperation property => SymbolEqualityComparer.Default.Equals(property.Property.OriginalDefinition, member.OriginalDefinition) && ReleaseModel.IsThisOrStatic(property.Instance),
            _ => false,
        };
}
