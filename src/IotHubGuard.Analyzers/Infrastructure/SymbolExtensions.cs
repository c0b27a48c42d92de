using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers;

internal static class SymbolExtensions
{
    public static bool InheritsFromOrEquals(this ITypeSymbol? type, ITypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Implements(this ITypeSymbol? type, ITypeSymbol? interfaceType)
    {
        if (type is null || interfaceType is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interfaceType))
        {
            return true;
        }

        foreach (var candidate in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, interfaceType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The property or field <paramref name="name"/> declared on <paramref name="containingType"/> (or a base).</summary>
    public static bool IsMember(this ISymbol? symbol, ITypeSymbol? containingType, string name)
        => symbol is not null
        && symbol.Name == name
        && symbol.ContainingType.InheritsFromOrEquals(containingType);
}
