using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// What is known of a string at compile time: literal text with holes where a value is unknown.
/// <c>$"HostName={hub}.azure-devices.net;SharedAccessSignature={sas}"</c> has the shape
/// <c>HostName=\0.azure-devices.net;SharedAccessSignature=\0</c>. Connection-string and host rules read
/// the known parts and never guess what a hole holds.
/// </summary>
internal readonly struct StringShape
{
    /// <summary>Stands for an unknown run of characters.</summary>
    public const char Hole = '\0';

    private const int MaxDepth = 8;

    private StringShape(string text) => Text = text;

    /// <summary>The known text, with <see cref="Hole"/> for each unknown part.</summary>
    public string Text { get; }

    public bool IsFullyKnown => Text.IndexOf(Hole) < 0;

    public static bool TryGet(IOperation? operation, CancellationToken cancellationToken, out StringShape shape)
    {
        var builder = new StringBuilder();
        var ok = TryAppend(operation, cancellationToken, 0, builder);
        shape = new StringShape(builder.ToString());
        return ok;
    }

    private static bool TryAppend(IOperation? operation, CancellationToken cancellationToken, int depth, StringBuilder builder)
    {
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string text })
        {
            builder.Append(text);
            return true;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return TryAppend(conversion.Operand, cancellationToken, depth + 1, builder);
            case IParenthesizedOperation parenthesized:
                return TryAppend(parenthesized.Operand, cancellationToken, depth + 1, builder);
            case IArgumentOperation argument:
                return TryAppend(argument.Value, cancellationToken, depth + 1, builder);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                AppendOrHole(binary.LeftOperand, cancellationToken, depth, builder);
                AppendOrHole(binary.RightOperand, cancellationToken, depth, builder);
                return true;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation textPart:
                            AppendOrHole(textPart.Text, cancellationToken, depth, builder);
                            break;
                        case IInterpolationOperation { Alignment: null, FormatString: null } interpolation:
                            AppendOrHole(interpolation.Expression, cancellationToken, depth, builder);
                            break;
                        default:
                            builder.Append(Hole);
                            break;
                    }
                }

                return true;
            case ILocalReferenceOperation or IFieldReferenceOperation:
                return TryAppend(SingleAssignment.GetSingleValue(operation, cancellationToken), cancellationToken, depth + 1, builder);
            default:
                return false;
        }
    }

    private static void AppendOrHole(IOperation operation, CancellationToken cancellationToken, int depth, StringBuilder builder)
    {
        var part = new StringBuilder();
        builder.Append(TryAppend(operation, cancellationToken, depth + 1, part) ? part.ToString() : Hole.ToString());
    }
}
