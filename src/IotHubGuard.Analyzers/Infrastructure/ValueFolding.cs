using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Compile-time values of the forms docs/rules.md lists: constants and const fields, arithmetic on
/// constants, single-assignment locals, <c>TimeSpan.From*</c>, <c>new TimeSpan(…)</c>, <c>TimeSpan</c>
/// arithmetic. Anything not known at compile time (configuration, parameters) folds to "unknown".
/// </summary>
internal static class ValueFolding
{
    private const int MaxDepth = 8;

    /// <summary>A numeric value (any integral or floating type).</summary>
    public static bool TryGetNumber(IOperation? operation, CancellationToken cancellationToken, out double value)
        => TryGetNumber(operation, cancellationToken, 0, out value);

    /// <summary>A <see cref="TimeSpan"/> value; <paramref name="timeSpanType"/> is <c>System.TimeSpan</c>.</summary>
    public static bool TryGetTimeSpan(IOperation? operation, INamedTypeSymbol? timeSpanType, CancellationToken cancellationToken, out TimeSpan value)
    {
        value = default;
        if (timeSpanType is null || !TryGetTimeSpanSeconds(operation, timeSpanType, cancellationToken, 0, out var seconds))
        {
            return false;
        }

        value = ToTimeSpan(seconds);
        return true;
    }

    /// <summary>A TimeSpan or a number of seconds, whichever the operation is.</summary>
    public static bool TryGetSeconds(IOperation? operation, INamedTypeSymbol? timeSpanType, CancellationToken cancellationToken, out double seconds)
    {
        seconds = 0;
        if (operation is null)
        {
            return false;
        }

        var type = Unwrap(operation).Type;
        if (timeSpanType is not null && SymbolEqualityComparer.Default.Equals(type, timeSpanType))
        {
            return TryGetTimeSpanSeconds(operation, timeSpanType, cancellationToken, 0, out seconds);
        }

        return TryGetNumber(operation, cancellationToken, 0, out seconds);
    }

    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { IsImplicit: true } conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IArgumentOperation argument:
                    operation = argument.Value;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static bool TryGetNumber(IOperation? operation, CancellationToken cancellationToken, int depth, out double value)
    {
        value = 0;
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        if (operation.ConstantValue is { HasValue: true, Value: { } constant } && TryConvert(constant, out value))
        {
            return true;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return TryGetNumber(conversion.Operand, cancellationToken, depth + 1, out value);
            case IParenthesizedOperation parenthesized:
                return TryGetNumber(parenthesized.Operand, cancellationToken, depth + 1, out value);
            case IArgumentOperation argument:
                return TryGetNumber(argument.Value, cancellationToken, depth + 1, out value);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } unary when TryGetNumber(unary.Operand, cancellationToken, depth + 1, out var operand):
                value = -operand;
                return true;
            case IBinaryOperation binary
                when TryGetNumber(binary.LeftOperand, cancellationToken, depth + 1, out var left)
                  && TryGetNumber(binary.RightOperand, cancellationToken, depth + 1, out var right):
                return TryApply(binary.OperatorKind, left, right, out value);
            case ILocalReferenceOperation or IFieldReferenceOperation:
                return TryGetNumber(SingleAssignment.GetSingleValue(operation, cancellationToken), cancellationToken, depth + 1, out value);
            default:
                return false;
        }
    }

    private static bool TryGetTimeSpanSeconds(IOperation? operation, INamedTypeSymbol timeSpan, CancellationToken cancellationToken, int depth, out double seconds)
    {
        seconds = 0;
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return TryGetTimeSpanSeconds(conversion.Operand, timeSpan, cancellationToken, depth + 1, out seconds);
            case IParenthesizedOperation parenthesized:
                return TryGetTimeSpanSeconds(parenthesized.Operand, timeSpan, cancellationToken, depth + 1, out seconds);
            case IArgumentOperation argument:
                return TryGetTimeSpanSeconds(argument.Value, timeSpan, cancellationToken, depth + 1, out seconds);
            case IDefaultValueOperation:
                return true;
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when IsTimeSpan(field.ContainingType, timeSpan):
                return TryGetWellKnownField(field.Name, out seconds);
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "InfiniteTimeSpan" } infinite } when IsThreadingTimeout(infinite.ContainingType):
                seconds = -0.001; // Timeout.InfiniteTimeSpan is -1 ms: a negative duration, not "no limit", to the SDK.
                return true;
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation when IsTimeSpan(method.ContainingType, timeSpan):
                return TryFoldFactory(invocation, cancellationToken, depth, out seconds);
            case IObjectCreationOperation creation when IsTimeSpan(creation.Type, timeSpan):
                return TryFoldConstructor(creation, cancellationToken, depth, out seconds);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } unary
                when TryGetTimeSpanSeconds(unary.Operand, timeSpan, cancellationToken, depth + 1, out var negated):
                seconds = -negated;
                return true;
            case IBinaryOperation binary:
                return TryFoldTimeSpanArithmetic(binary, timeSpan, cancellationToken, depth, out seconds);
            case ILocalReferenceOperation or IFieldReferenceOperation:
                return TryGetTimeSpanSeconds(SingleAssignment.GetSingleValue(operation, cancellationToken), timeSpan, cancellationToken, depth + 1, out seconds);
            default:
                return false;
        }
    }

    private static bool TryFoldTimeSpanArithmetic(IBinaryOperation binary, INamedTypeSymbol timeSpan, CancellationToken cancellationToken, int depth, out double seconds)
    {
        seconds = 0;
        var leftIsSpan = IsTimeSpan(binary.LeftOperand.Type, timeSpan);
        var rightIsSpan = IsTimeSpan(binary.RightOperand.Type, timeSpan);
        double left, right;
        if (leftIsSpan && rightIsSpan)
        {
            if (!TryGetTimeSpanSeconds(binary.LeftOperand, timeSpan, cancellationToken, depth + 1, out left)
                || !TryGetTimeSpanSeconds(binary.RightOperand, timeSpan, cancellationToken, depth + 1, out right))
            {
                return false;
            }

            return binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract
                && TryApply(binary.OperatorKind, left, right, out seconds);
        }

        if (leftIsSpan
            && TryGetTimeSpanSeconds(binary.LeftOperand, timeSpan, cancellationToken, depth + 1, out left)
            && TryGetNumber(binary.RightOperand, cancellationToken, depth + 1, out right))
        {
            return binary.OperatorKind is BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide
                && TryApply(binary.OperatorKind, left, right, out seconds);
        }

        if (rightIsSpan
            && TryGetNumber(binary.LeftOperand, cancellationToken, depth + 1, out left)
            && TryGetTimeSpanSeconds(binary.RightOperand, timeSpan, cancellationToken, depth + 1, out right))
        {
            return binary.OperatorKind is BinaryOperatorKind.Multiply
                && TryApply(binary.OperatorKind, left, right, out seconds);
        }

        return false;
    }

    private static bool TryFoldFactory(IInvocationOperation invocation, CancellationToken cancellationToken, int depth, out double seconds)
    {
        seconds = 0;
        var unit = UnitOf(invocation.TargetMethod.Name);
        if (unit is null || invocation.Arguments.Length == 0)
        {
            return false;
        }

        // .NET 9+ added overloads such as FromMinutes(long minutes, long seconds = 0, …): each parameter has its unit.
        for (var i = 0; i < invocation.Arguments.Length; i++)
        {
            var argument = invocation.Arguments[i];
            var argumentUnit = i == 0 ? unit.Value : UnitOfParameter(argument.Parameter?.Name);
            if (argumentUnit is null || !TryGetNumber(argument.Value, cancellationToken, depth + 1, out var amount))
            {
                return false;
            }

            seconds += amount * argumentUnit.Value;
        }

        return true;
    }

    private static bool TryFoldConstructor(IObjectCreationOperation creation, CancellationToken cancellationToken, int depth, out double seconds)
    {
        seconds = 0;
        foreach (var argument in creation.Arguments)
        {
            var unit = UnitOfParameter(argument.Parameter?.Name);
            if (unit is null || !TryGetNumber(argument.Value, cancellationToken, depth + 1, out var amount))
            {
                return false;
            }

            seconds += amount * unit.Value;
        }

        return true;
    }

    private static double? UnitOf(string factoryName) => factoryName switch
    {
        "FromDays" => 86400,
        "FromHours" => 3600,
        "FromMinutes" => 60,
        "FromSeconds" => 1,
        "FromMilliseconds" => 1e-3,
        "FromMicroseconds" => 1e-6,
        "FromTicks" => 1e-7,
        _ => null,
    };

    private static double? UnitOfParameter(string? name) => name switch
    {
        "days" => 86400,
        "hours" => 3600,
        "minutes" => 60,
        "seconds" => 1,
        "milliseconds" => 1e-3,
        "microseconds" => 1e-6,
        "ticks" => 1e-7,
        _ => null,
    };

    private static bool IsThreadingTimeout(INamedTypeSymbol? type)
        => type is { Name: "Timeout", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    private static bool TryGetWellKnownField(string name, out double seconds)
    {
        switch (name)
        {
            case "Zero":
                seconds = 0;
                return true;
            case "MaxValue":
                seconds = TimeSpan.MaxValue.TotalSeconds;
                return true;
            case "MinValue":
                seconds = TimeSpan.MinValue.TotalSeconds;
                return true;
            default:
                seconds = 0;
                return false;
        }
    }

    private static bool TryApply(BinaryOperatorKind kind, double left, double right, out double value)
    {
        switch (kind)
        {
            case BinaryOperatorKind.Add:
                value = left + right;
                return true;
            case BinaryOperatorKind.Subtract:
                value = left - right;
                return true;
            case BinaryOperatorKind.Multiply:
                value = left * right;
                return true;
            case BinaryOperatorKind.Divide when right != 0:
                value = left / right;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    private static bool TryConvert(object constant, out double value)
    {
        switch (constant)
        {
            case int i: value = i; return true;
            case long l: value = l; return true;
            case uint ui: value = ui; return true;
            case ulong ul: value = ul; return true;
            case short s: value = s; return true;
            case ushort us: value = us; return true;
            case byte b: value = b; return true;
            case sbyte sb: value = sb; return true;
            case double d: value = d; return true;
            case float f: value = f; return true;
            case decimal m: value = (double)m; return true;
            default: value = 0; return false;
        }
    }

    private static bool IsTimeSpan(ITypeSymbol? type, INamedTypeSymbol timeSpan)
        => SymbolEqualityComparer.Default.Equals(type, timeSpan);

    private static TimeSpan ToTimeSpan(double seconds)
    {
        if (seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.MaxValue;
        }

        return seconds <= TimeSpan.MinValue.TotalSeconds ? TimeSpan.MinValue : TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }
}
