using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Whether a <c>new NoRetry()</c> reaches <c>DeviceClient/ModuleClient.SetRetryPolicy</c>: directly as the argument,
/// or through a local or a field (typed <c>IRetryPolicy</c> or <c>NoRetry</c>) that never holds anything else.
/// A creation whose value is not known to reach a client (a conditional, a parameter, a policy handed to other code)
/// is not reported.
/// </summary>
internal static class RetryPolicyFlow
{
    public static bool ReachesSetRetryPolicy(IObjectCreationOperation creation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var parent = SkipConversions(creation);
        switch (parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return IsSetRetryPolicy(invocation, symbols);

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } }:
                return ScopeOf(local, cancellationToken) is { } scope
                    && AnyCall(scope, creation, symbols, cancellationToken, value => value is ILocalReferenceOperation reference
                        && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                        && IsSameCreation(SingleAssignment.GetSingleValue(reference, cancellationToken), creation));

            case IFieldInitializerOperation { InitializedFields.Length: 1 } initializer:
                return FieldReaches(initializer.InitializedFields[0], creation, symbols, cancellationToken);

            case ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field: var field } }:
                return FieldReaches(field, creation, symbols, cancellationToken);

            default:
                return false;
        }
    }

    public static bool IsSetRetryPolicy(IInvocationOperation invocation, KnownSymbols symbols)
        => invocation.TargetMethod.Name == "SetRetryPolicy"
        && invocation.Arguments.Length == 1
        && symbols.IsDeviceOrModuleClient(invocation.TargetMethod.ContainingType);

    /// <summary>
    /// A field whose only write in its type is this creation, and which is passed to <c>SetRetryPolicy</c> in that type.
    /// Only fields that no other type can write: private, or readonly.
    /// </summary>
    private static bool FieldReaches(IFieldSymbol field, IObjectCreationOperation creation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var model = creation.SemanticModel;
        if (model is null
            || field.DeclaringSyntaxReferences.Length != 1
            || field.ContainingType.DeclaringSyntaxReferences.Length != 1
            || field.ContainingType.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree
            || (field.DeclaredAccessibility != Accessibility.Private && !field.IsReadOnly))
        {
            return false;
        }

        var type = field.ContainingType.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var writes = 0;
        if (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer: not null } declarator)
        {
            writes++;
            if (!declarator.Initializer.Value.Span.Contains(creation.Syntax.Span))
            {
                return false;
            }
        }

        foreach (var identifier in type.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != field.Name)
            {
                continue;
            }

            var access = identifier.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Name == identifier ? (ExpressionSyntax)memberAccess : identifier;
            var write = WriteKind(access);
            if (write == Write.None
                || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, field))
            {
                continue;
            }

            if (write != Write.Simple || !WrittenValue(access).Span.Contains(creation.Syntax.Span))
            {
                return false; // another value, or a compound/ref write: the field does not hold one known policy.
            }

            writes++;
        }

        return writes == 1
            && AnyCall(type, creation, symbols, cancellationToken, value => value is IFieldReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Field, field));
    }

    /// <summary>A <c>SetRetryPolicy</c> call in <paramref name="scope"/> whose argument satisfies <paramref name="matches"/>.</summary>
    private static bool AnyCall(SyntaxNode scope, IOperation creation, KnownSymbols symbols, CancellationToken cancellationToken, System.Func<IOperation, bool> matches)
    {
        var model = creation.SemanticModel!;
        foreach (var syntax in scope.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = syntax.Expression switch
            {
                MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
                MemberBindingExpressionSyntax memberBinding => memberBinding.Name.Identifier.ValueText,
                _ => null,
            };
            if (name != "SetRetryPolicy"
                || model.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
                || !IsSetRetryPolicy(invocation, symbols))
            {
                continue;
            }

            if (matches(SkipConversionsDown(invocation.Arguments[0].Value)))
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxNode? ScopeOf(ILocalSymbol local, CancellationToken cancellationToken)
        => local.DeclaringSyntaxReferences.Length == 1
            ? ClientStatusHandlerScope.ScopeOf(local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken))
            : null;

    private static bool IsSameCreation(IOperation? value, IOperation creation)
        => value is not null && SkipConversionsDown(value).Syntax == creation.Syntax;

    private static IOperation? SkipConversions(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true } or IConversionOperation { Conversion.IsReference: true })
        {
            parent = parent.Parent;
        }

        return parent;
    }

    private static IOperation SkipConversionsDown(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private enum Write
    {
        None,
        Simple,
        Other,
    }

    private static ExpressionSyntax WrittenValue(ExpressionSyntax access)
    {
        SyntaxNode node = access;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return ((AssignmentExpressionSyntax)node.Parent!).Right;
    }

    private static Write WriteKind(ExpressionSyntax access)
    {
        SyntaxNode node = access;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment when assignment.Left == node
                => assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? Write.Simple : Write.Other,
            PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax => Write.Other,
            ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword) => Write.Other,
            ArgumentSyntax { Parent: TupleExpressionSyntax } => Write.Other,
            RefExpressionSyntax => Write.Other,
            _ => Write.None,
        };
    }
}
