using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Finds the one value a local or a static readonly field can hold, so that
/// <c>var keepAlive = TimeSpan.FromHours(1); … WithKeepAlivePeriod(keepAlive)</c> is seen through.
/// A variable written anywhere else (assignment, ++, ref/out) has no single value.
/// </summary>
internal static class SingleAssignment
{
    public static IOperation? GetSingleValue(IOperation reference, CancellationToken cancellationToken)
    {
        var model = reference.SemanticModel;
        if (model is null)
        {
            return null;
        }

        switch (reference)
        {
            case ILocalReferenceOperation { Local: var local } when !local.IsRef:
                return GetLocalValue(local, model, cancellationToken);
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                return GetStaticReadonlyFieldValue(field, model, cancellationToken);
            default:
                return null;
        }
    }

    private static IOperation? GetLocalValue(ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        if (local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntaxRef = local.DeclaringSyntaxReferences[0];
        if (syntaxRef.SyntaxTree != model.SyntaxTree
            || syntaxRef.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator)
        {
            return null;
        }

        var scope = declarator.FirstAncestorOrSelf<SyntaxNode>(n =>
            n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
                or AnonymousFunctionExpressionSyntax or GlobalStatementSyntax or CompilationUnitSyntax);
        if (scope is GlobalStatementSyntax)
        {
            scope = scope.Parent; // top-level statements: the whole compilation unit is the scope.
        }

        if (scope is null || IsWrittenElsewhere(scope, local, model, cancellationToken))
        {
            return null;
        }

        return model.GetOperation(initializer, cancellationToken);
    }

    private static IOperation? GetStaticReadonlyFieldValue(IFieldSymbol field, SemanticModel model, CancellationToken cancellationToken)
    {
        if (field.DeclaringSyntaxReferences.Length != 1
            || field.ContainingType.StaticConstructors.Any(c => !c.IsImplicitlyDeclared))
        {
            return null;
        }

        var syntaxRef = field.DeclaringSyntaxReferences[0];
        if (syntaxRef.SyntaxTree != model.SyntaxTree
            || syntaxRef.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return null;
        }

        return model.GetOperation(initializer, cancellationToken);
    }

    private static bool IsWrittenElsewhere(SyntaxNode scope, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != local.Name || !IsWriteTarget(identifier))
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWriteTarget(IdentifierNameSyntax identifier)
    {
        var node = (SyntaxNode)identifier;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression),
            PostfixUnaryExpressionSyntax postfix => postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression),
            ArgumentSyntax { Parent: TupleExpressionSyntax } => true, // deconstruction: (a, b) = …
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword),
            RefExpressionSyntax => true,
            _ => false,
        };
    }
}
