using System.Collections.Generic;
using System.Text;
using System.Threading;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// The hub host, device ID and module ID read from an IoT Hub MQTT user name
/// (<c>{host}/{deviceId}[/{moduleId}]/?api-version=…</c>), each as the inside of an interpolated string
/// (<c>{host}</c>, <c>contoso.azure-devices.net</c>) so a connection string can be written from them.
/// </summary>
internal readonly struct HubIdentity
{
    private HubIdentity(string host, string device, string? module)
    {
        Host = host;
        Device = device;
        Module = module;
    }

    public string Host { get; }

    public string Device { get; }

    public string? Module { get; }

    /// <summary>
    /// Reads the user name through literals, constants, concatenation, interpolation and single-assignment locals.
    /// Every value it interpolates must be re-evaluable at <paramref name="position"/>.
    /// </summary>
    public static bool TryParse(IOperation userName, SemanticModel model, int position, CancellationToken cancellationToken, out HubIdentity identity)
    {
        identity = default;
        var parts = new List<object>();
        if (!Flatten(userName, model, position, cancellationToken, parts, 0))
        {
            return false;
        }

        // Split the known text at '/': host / device [/ module] / ?api-version=…
        var segments = new List<StringBuilder> { new() };
        var lastText = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is string text)
            {
                foreach (var c in text)
                {
                    if (c == '/')
                    {
                        segments.Add(new StringBuilder());
                        lastText.Clear();
                    }
                    else
                    {
                        segments[segments.Count - 1].Append(Escape(c));
                        lastText.Append(c);
                    }
                }
            }
            else
            {
                segments[segments.Count - 1].Append(Hole((IOperation)part));
                lastText.Append('\0');
            }
        }

        var query = lastText.ToString();
        if (segments.Count is not (3 or 4) || !query.StartsWith("?", System.StringComparison.Ordinal) || query.IndexOf('\0') >= 0)
        {
            return false;
        }

        for (var i = 0; i < segments.Count - 1; i++)
        {
            if (segments[i].Length == 0)
            {
                return false;
            }
        }

        identity = new HubIdentity(segments[0].ToString(), segments[1].ToString(), segments.Count == 4 ? segments[2].ToString() : null);
        return true;
    }

    /// <summary><c>{value}</c> for an interpolated string; parenthesized unless it is a plain name or member access.</summary>
    public static string Hole(IOperation value)
    {
        var syntax = GeneratedSyntax.ExpressionOf(value);
        var text = syntax?.ToString() ?? string.Empty;
        return syntax is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax
            ? "{" + text + "}"
            : "{(" + text + ")}";
    }

    private static bool Flatten(IOperation? operation, SemanticModel model, int position, CancellationToken cancellationToken, List<object> parts, int depth)
    {
        if (operation is null || depth > 8)
        {
            return false;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            parts.Add(constant);
            return true;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return Flatten(conversion.Operand, model, position, cancellationToken, parts, depth + 1);
            case IParenthesizedOperation parenthesized:
                return Flatten(parenthesized.Operand, model, position, cancellationToken, parts, depth + 1);
            case IArgumentOperation argument:
                return Flatten(argument.Value, model, position, cancellationToken, parts, depth + 1);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Flatten(binary.LeftOperand, model, position, cancellationToken, parts, depth + 1)
                    && Flatten(binary.RightOperand, model, position, cancellationToken, parts, depth + 1);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    var ok = part switch
                    {
                        IInterpolatedStringTextOperation text => Flatten(text.Text, model, position, cancellationToken, parts, depth + 1),
                        IInterpolationOperation { Alignment: null, FormatString: null } hole => Flatten(hole.Expression, model, position, cancellationToken, parts, depth + 1),
                        _ => false,
                    };
                    if (!ok)
                    {
                        return false;
                    }
                }

                return true;
            case ILocalReferenceOperation:
                var inner = new List<object>();
                if (SingleAssignment.GetSingleValue(operation, cancellationToken) is { } single
                    && Flatten(single, model, position, cancellationToken, inner, depth + 1))
                {
                    parts.AddRange(inner);
                    return true;
                }

                goto default;
            default:
                if (operation.Type?.SpecialType != SpecialType.System_String || !GeneratedSyntax.CanReevaluateAt(operation, model, position, cancellationToken))
                {
                    return false;
                }

                parts.Add(operation);
                return true;
        }
    }

    private static string Escape(char c) => c switch
    {
        '{' => "{{",
        '}' => "}}",
        '"' => "\\\"",
        '\\' => "\\\\",
        _ when c < ' ' => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };
}
