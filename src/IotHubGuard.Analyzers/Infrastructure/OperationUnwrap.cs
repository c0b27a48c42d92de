using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Looking through the operations that wrap a value without changing which object it is. One helper, with a named
/// variant per question, so every rule unwraps the same way. (C# produces no <see cref="IParenthesizedOperation"/>;
/// it is skipped anyway so the helpers stay correct for any tree.)
/// </summary>
internal static class OperationUnwrap
{
    private const int MaxDepth = 16;

    /// <summary>Through conversions (implicit and explicit) and parentheses.</summary>
    public static IOperation Conversions(IOperation operation)
    {
        for (var i = 0; i < MaxDepth; i++)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
            }

            break;
        }

        return operation;
    }

    /// <summary>Through implicit conversions only: the value as written.</summary>
    public static IOperation ImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>Through conversions, parentheses and <c>await</c>: the call or construction that produced the value.</summary>
    public static IOperation ConversionsAndAwaits(IOperation operation)
    {
        for (var i = 0; i < MaxDepth; i++)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
            }

            break;
        }

        return operation;
    }

    /// <summary>The parent of <paramref name="operation"/> above any conversions and parentheses, and the child it came from.</summary>
    public static IOperation? ParentThroughConversions(IOperation operation, out IOperation child)
    {
        child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent;
    }
}
