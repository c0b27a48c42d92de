using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Whether a policy creation (<c>new NoRetry()</c>, <c>new ExponentialBackoff(0, …)</c>) reaches
/// <c>DeviceClient/ModuleClient.SetRetryPolicy</c>: directly as the argument, as a branch of <c>?:</c> or the right side of
/// <c>??</c>, or through a local or a field (typed <c>IRetryPolicy</c> or the policy type) that never holds anything else.
/// A parameter, a factory method, or a policy handed to other code is not followed. Calls for which
/// <c>counts</c> is false (shutdown paths) do not count.
/// </summary>
internal static class RetryPolicyFlow
{
    public static bool ReachesSetRetryPolicy(
        IObjectCreationOperation creation,
        KnownSymbols symbols,
        CancellationToken cancellationToken,
        System.Func<IInvocationOperation, bool>? counts = null)
    {
        counts ??= static _ => true;
        var parent = SkipConversionsAndBranches(creation);
        switch (parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return IsSetRetryPolicy(invocation, symbols) && counts(invocation);

            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } }:
                return ScopeOf(local, cancellationToken) is { } scope
                    && AnyCall(scope, creation, symbols, cancellationToken, counts, value => value is ILocalReferenceOperation reference
                        && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                        && IsSameCreation(SingleAssignment.GetSingleValue(reference, cancellationToken), creation));

            case IFieldInitializerOperation { InitializedFields.Length: 1 } initializer:
                return FieldReaches(initializer.InitializedFields[0], creation, symbols, cancellationToken, counts);

            case ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field: var field } }:
                return FieldReaches(field, creation, symbols, cancellationToken, counts);

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
    private static bool FieldReaches(IFieldSymbol field, IObjectCreationOperation creation, KnownSymbols symbols, CancellationToken cancellationToken, System.Func<IInvocationOperation, bool> counts)
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
            && AnyCall(type, creation, symbols, cancellationToken, counts, value => value is IFieldReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Field, field));
    }

    /// <summary>A <c>SetRetryPolicy</c> call in <paramref name="scope"/> whose argument satisfies <paramref name="matches"/>.</summary>
    private static bool AnyCall(
        SyntaxNode scope,
        IOperation creation,
        KnownSymbols symbols,
        CancellationToken cancellationToken,
        System.Func<IInvocationOperation, bool> counts,
        System.Func<IOperation, bool> matches)
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

            if (matches(SkipConversionsDown(invocation.Arguments[0].Value)) && counts(invocation))
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

    /// <summary>The single value is the creation, or has it as a <c>?:</c> branch or the right side of <c>??</c>.</summary>
    private static bool IsSameCreation(IOperation? value, IOperation creation)
    {
        if (value is null)
        {
            return false;
        }

        value = SkipConversionsDown(value);
        return value switch
        {
            IConditionalOperation conditional => IsSameCreation(conditional.WhenTrue, creation) || IsSameCreation(conditional.WhenFalse, creation),
            ICoalesceOperation coalesce => IsSameCreation(coalesce.WhenNull, creation),
            _ => value.Syntax == creation.Syntax,
        };
    }

    /// <summary>
    /// The first parent that is neither a conversion nor a branch the creation flows through: <c>c ? new NoRetry() : x</c>
    /// and <c>configured ?? new NoRetry()</c> pass the creation on (the condition of a <c>?:</c> does not).
    /// </summary>
    private static IOperation? SkipConversionsAndBranches(IOperation operation)
    {
        var child = operation;
        var parent = operation.Parent;
        while (parent is IConversionOperation { IsImplicit: true } or IConversionOperation { Conversion.IsReference: true }
               || (parent is IConditionalOperation conditional && child != conditional.Condition)
               || (parent is ICoalesceOperation coalesce && child == coalesce.WhenNull))
        {
            child = parent;
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
