using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace IotHubGuard.CodeFixes;

/// <summary>Helpers shared by the fixes that generate classes or move expressions to another place.</summary>
internal static class GeneratedSyntax
{
    /// <summary>
    /// Parses a member written as text, then swaps each placeholder identifier (<c>__Base__</c>, <c>__T0__</c>…)
    /// for real syntax: types (see <see cref="TypeSyntaxFor"/>), bodies, …
    /// </summary>
    public static MemberDeclarationSyntax ParseMember(string text, IReadOnlyDictionary<string, SyntaxNode> placeholders)
    {
        var member = SyntaxFactory.ParseMemberDeclaration(text)
            ?? throw new System.InvalidOperationException("generated member does not parse: " + text);
        var holes = member.DescendantNodes().OfType<IdentifierNameSyntax>().Where(n => placeholders.ContainsKey(n.Identifier.ValueText));
        return member.ReplaceNodes(holes, (original, _) => placeholders[original.Identifier.ValueText].WithTriviaFrom(original));
    }

    /// <summary>
    /// Whether an expression can simply be written again at <paramref name="position"/> (in the same method) with
    /// the same meaning and no side effect: constants, locals and parameters in scope there, fields, properties
    /// (indexers with constant arguments), <c>this</c>. Calls are never re-evaluated.
    /// </summary>
    public static bool CanReevaluateAt(IOperation? operation, SemanticModel model, int position, CancellationToken cancellationToken, int depth = 0)
    {
        if (operation is null || depth > 8)
        {
            return false;
        }

        if (operation.ConstantValue.HasValue && operation is not IInvocationOperation)
        {
            return true;
        }

        return operation switch
        {
            IConversionOperation conversion => CanReevaluateAt(conversion.Operand, model, position, cancellationToken, depth + 1),
            IParenthesizedOperation parenthesized => CanReevaluateAt(parenthesized.Operand, model, position, cancellationToken, depth + 1),
            ILiteralOperation => true,
            ILocalReferenceOperation local => InScope(local.Local, model, position),
            IParameterReferenceOperation parameter => InScope(parameter.Parameter, model, position),
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => true,
            IFieldReferenceOperation field => field.Instance is null || CanReevaluateAt(field.Instance, model, position, cancellationToken, depth + 1),
            IPropertyReferenceOperation property
                => (property.Instance is null || CanReevaluateAt(property.Instance, model, position, cancellationToken, depth + 1))
                && property.Arguments.All(a => a.Value.ConstantValue.HasValue),
            _ => false,
        };
    }

    /// <summary>
    /// A type written fully qualified, reduced by the simplifier, with a <c>using</c> added when its namespace is not
    /// imported yet (Roslyn 4.8's <c>TypeExpression(type, addImport: true)</c> does not add the import annotation itself).
    /// </summary>
    public static TypeSyntax TypeSyntaxFor(SyntaxGenerator generator, ITypeSymbol type)
        => ((TypeSyntax)generator.TypeExpression(type, addImport: true)).WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);

    /// <summary>The expression of an operation, without trivia, to write somewhere else.</summary>
    public static ExpressionSyntax? ExpressionOf(IOperation operation)
        => operation.Syntax is ArgumentSyntax argument ? argument.Expression.WithoutTrivia()
        : (operation.Syntax as ExpressionSyntax)?.WithoutTrivia();

    private static bool InScope(ISymbol symbol, SemanticModel model, int position)
        => model.LookupSymbols(position, name: symbol.Name).Contains(symbol, SymbolEqualityComparer.Default);
}
