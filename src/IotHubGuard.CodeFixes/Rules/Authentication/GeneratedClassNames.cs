using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// Names a generated class after what it wraps, not after the called method (<c>GetSasAsyncTokenRefresh</c>):
/// the receiver of the token call (<c>_identityService.GetSasAsync(…)</c> → <c>IdentityServiceTokenRefresh</c>),
/// else <c>HubSas</c> + suffix, else the method's subject (<c>GetDeviceTokenAsync</c> → <c>DeviceTokenRefresh</c>).
/// The candidates are tried in order; a numeric suffix is the last resort.
/// </summary>
internal static class GeneratedClassNames
{
    private const string DefaultStem = "HubSas";

    private static readonly string[] VerbPrefixes = { "Get", "Create", "Fetch", "Build", "Generate", "Make", "Sign", "Request", "Acquire", "Issue", "Compute", "Read", "Load", "New" };

    /// <summary>The candidate names for a class that wraps <paramref name="call"/>, best first.</summary>
    /// <param name="call">The token call the class makes again.</param>
    /// <param name="enclosingType">The type the call is in: a static helper of its own type names nothing.</param>
    /// <param name="suffix"><c>TokenRefresh</c> or <c>CredentialsProvider</c>.</param>
    public static ImmutableArray<string> For(IInvocationOperation call, INamedTypeSymbol? enclosingType, string suffix)
    {
        var stems = new List<string>();
        var (receiver, receiverType) = Receiver(call, enclosingType);
        if (receiver is not null)
        {
            stems.Add(Pascal(receiver));
        }

        if (receiverType is INamedTypeSymbol { Name.Length: > 0, SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Interface or TypeKind.Struct } type)
        {
            // _tokens of type ITokenService: TokenService says more than Tokens.
            stems.Add(type.TypeKind == TypeKind.Interface && type.Name.Length > 1 && type.Name[0] == 'I' && char.IsUpper(type.Name[1]) ? type.Name.Substring(1) : type.Name);
        }

        stems.Add(DefaultStem);
        if (MethodSubject(call.TargetMethod.Name) is { } subject)
        {
            stems.Add(subject);
        }

        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var stem in stems)
        {
            // "SasToken" + "TokenRefresh" reads as SasTokenRefresh; "Tokens" alone names nothing.
            var firstWord = FirstWord(suffix);
            var trimmed = TrimEnd(TrimEnd(TrimEnd(TrimEnd(stem, firstWord + "s"), firstWord), "Tokens"), "Token");
            var name = trimmed + suffix;
            if (trimmed.Length > 0 && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }

    private static string TrimEnd(string text, string end)
        => text.EndsWith(end, System.StringComparison.Ordinal) ? text.Substring(0, text.Length - end.Length) : text;

    /// <summary>The field, property, parameter or local the call is made on (and its type), or the other type of a static call.</summary>
    private static (string? Name, ITypeSymbol? Type) Receiver(IInvocationOperation call, INamedTypeSymbol? enclosingType)
    {
        var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        while (receiver is IConversionOperation { IsImplicit: true } conversion)
        {
            receiver = conversion.Operand;
        }

        switch (receiver)
        {
            case IFieldReferenceOperation field:
                return (field.Field.Name, field.Type);
            case IPropertyReferenceOperation { Property.IsIndexer: false } property:
                return (property.Property.Name, property.Type);
            case IParameterReferenceOperation parameter:
                return (parameter.Parameter.Name, parameter.Type);
            case ILocalReferenceOperation local:
                return (local.Local.Name, local.Type);
            case null when call.TargetMethod.IsStatic && !call.TargetMethod.IsExtensionMethod:
                var type = call.TargetMethod.ContainingType;
                for (var outer = enclosingType; outer is not null; outer = outer.ContainingType)
                {
                    if (SymbolEqualityComparer.Default.Equals(outer, type))
                    {
                        return (null, null); // a static helper of the same type: nothing more telling than the method.
                    }
                }

                return (null, type);
            default:
                return (null, null);
        }
    }

    /// <summary><c>GetDeviceTokenAsync</c> → <c>Device</c>; null when nothing but token words remains (<c>GetSasTokenAsync</c>).</summary>
    private static string? MethodSubject(string method)
    {
        var subject = method.EndsWith("Async", System.StringComparison.Ordinal) ? method.Substring(0, method.Length - 5) : method;
        foreach (var verb in VerbPrefixes)
        {
            if (subject.Length > verb.Length && subject.StartsWith(verb, System.StringComparison.Ordinal) && char.IsUpper(subject[verb.Length]))
            {
                subject = subject.Substring(verb.Length);
                break;
            }
        }

        foreach (var noise in new[] { "Token", "Password", "Credentials", "Signature", "Sas" })
        {
            if (subject.EndsWith(noise, System.StringComparison.Ordinal))
            {
                subject = subject.Substring(0, subject.Length - noise.Length);
            }
        }

        return subject.Length == 0 || !char.IsLetter(subject[0]) ? null : Pascal(subject);
    }

    /// <summary><c>_identityService</c>, <c>m_identityService</c>, <c>@identityService</c> → <c>IdentityService</c>.</summary>
    private static string Pascal(string name)
    {
        var trimmed = name.TrimStart('@');
        if (trimmed.Length > 2 && trimmed[1] == '_' && trimmed[0] is 'm' or 's' or 't')
        {
            trimmed = trimmed.Substring(2);
        }

        trimmed = trimmed.TrimStart('_');
        return trimmed.Length == 0 ? DefaultStem : char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1);
    }

    private static string FirstWord(string pascal)
    {
        for (var i = 1; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]))
            {
                return pascal.Substring(0, i);
            }
        }

        return pascal;
    }
}
