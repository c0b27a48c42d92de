using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT502's view of a client: where a <c>Create*</c> call stores the client (a local, or a private field of the type),
/// and what the code does with that variable in its scope (the method for a local, the type for a field).
/// The rule stays silent whenever the client leaves that scope (returned, passed on, stored elsewhere, handed to
/// a method that may register the handler): the handler may then be registered where the analyzer does not look.
/// </summary>
internal static class ClientStatusHandlerScope
{
    private const string RegisterMethod = "SetConnectionStatusChangesHandler";

    // Members that neither open the client nor use the connection. Every other member opens it (operations open
    // implicitly: RetryDelegatingHandler.EnsureOpenedAsync).
    private static readonly HashSet<string> s_neutralMembers = new()
    {
        "Dispose", "DisposeAsync", "CloseAsync", "SetRetryPolicy", "ConfigureAwait",
        "GetType", "ToString", "Equals", "GetHashCode",
        "OperationTimeoutInMilliseconds", "ProductInfo", "DiagnosticSamplingPercentage", "RetryPolicy",
    };

    private enum Use
    {
        Neutral,
        Used,
        Registered,
        Escapes,
    }

    /// <summary>The local or private field the client made by <paramref name="create"/> is stored in.</summary>
    public static ISymbol? FindStorage(IInvocationOperation create)
    {
        IOperation current = create;
        while (true)
        {
            switch (current.Parent)
            {
                case IConversionOperation { IsImplicit: true } or IAwaitOperation:
                    current = current.Parent;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configureAwait when configureAwait.Instance == current:
                    current = configureAwait;
                    continue;
            }

            break;
        }

        return current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local } } assignment when assignment.Value == current => local,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation { Field: var field, Instance: null or IInstanceReferenceOperation } } assignment
                when assignment.Value == current && field.DeclaredAccessibility == Accessibility.Private => field,
            IFieldInitializerOperation { InitializedFields: { Length: 1 } fields } when fields[0].DeclaredAccessibility == Accessibility.Private => fields[0],
            _ => null,
        };
    }

    /// <summary>True when the client in <paramref name="storage"/> is opened or used in its scope, never gets a status
    /// handler there, and never leaves the scope.</summary>
    public static bool IsUsedWithoutHandler(ISymbol storage, SemanticModel model, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var used = false;
        foreach (var (scope, sameTree) in Scopes(storage, model, cancellationToken))
        {
            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != storage.Name)
                {
                    continue;
                }

                if (sameTree && !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, storage))
                {
                    continue;
                }

                switch (Classify(identifier, sameTree ? model : null, symbols, cancellationToken))
                {
                    case Use.Registered:
                    case Use.Escapes:
                        return false;
                    case Use.Used:
                        used = true;
                        break;
                }
            }
        }

        return used;
    }

    private static IEnumerable<(SyntaxNode Scope, bool SameTree)> Scopes(ISymbol storage, SemanticModel model, CancellationToken cancellationToken)
    {
        if (storage is ILocalSymbol local)
        {
            if (local.DeclaringSyntaxReferences.Length == 1 && ScopeOf(local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)) is { } scope)
            {
                yield return (scope, scope.SyntaxTree == model.SyntaxTree);
            }

            yield break;
        }

        foreach (var reference in storage.ContainingType.DeclaringSyntaxReferences)
        {
            yield return (reference.GetSyntax(cancellationToken), reference.SyntaxTree == model.SyntaxTree);
        }
    }

    /// <summary>The method, accessor, local function, lambda or top-level program a local lives in.</summary>
    public static SyntaxNode? ScopeOf(SyntaxNode declaration)
    {
        var scope = declaration.FirstAncestorOrSelf<SyntaxNode>(n =>
            n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
                or AnonymousFunctionExpressionSyntax or GlobalStatementSyntax or CompilationUnitSyntax);
        return scope is GlobalStatementSyntax ? scope.Parent : scope;
    }

    /// <summary>What one mention of the client variable does. Without a model (another file of a partial type) only syntax is used.</summary>
    private static Use Classify(IdentifierNameSyntax identifier, SemanticModel? model, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        ExpressionSyntax access = identifier.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisAccess && thisAccess.Name == identifier
            ? thisAccess
            : identifier;
        SyntaxNode node = access;
        while (node.Parent is ParenthesizedExpressionSyntax || node.Parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            node = node.Parent!;
        }

        switch (node.Parent)
        {
            case MemberAccessExpressionSyntax memberAccess when memberAccess.Expression == node:
                return ClassifyMember(memberAccess, memberAccess.Name.Identifier.ValueText, model, symbols, cancellationToken);
            case ConditionalAccessExpressionSyntax conditional when conditional.Expression == node:
                var binding = conditional.WhenNotNull.DescendantNodesAndSelf().OfType<MemberBindingExpressionSyntax>().FirstOrDefault();
                return binding is null ? Use.Escapes : ClassifyMember(binding, binding.Name.Identifier.ValueText, model, symbols, cancellationToken);
            case AssignmentExpressionSyntax assignment when assignment.Left == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return Use.Neutral; // the client is (re)stored here.
            case UsingStatementSyntax:
                return Use.Neutral;
            case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.EqualsExpression) || comparison.IsKind(SyntaxKind.NotEqualsExpression):
                return Use.Neutral; // if (_client != null)
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax or UnaryPatternSyntax { Pattern: ConstantPatternSyntax } }:
                return Use.Neutral; // if (_client is null), is not null
            case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } }:
                return Use.Neutral;
            case ArgumentSyntax argument when model is not null:
                return ClassifyArgument(argument, model, symbols, cancellationToken);
            default:
                return Use.Escapes;
        }
    }

    private static Use ClassifyMember(ExpressionSyntax memberSyntax, string name, SemanticModel? model, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (name == RegisterMethod)
        {
            return Use.Registered;
        }

        if (s_neutralMembers.Contains(name))
        {
            return Use.Neutral;
        }

        if (model?.GetSymbolInfo(memberSyntax, cancellationToken).Symbol is IMethodSymbol { ReducedFrom: { } extension })
        {
            // client.AttachStatusLog(): an extension method is a helper that receives the client.
            return ClassifyHelper(extension, extension.Parameters.FirstOrDefault(), cancellationToken);
        }

        var isClientMember = symbols.DeviceClient?.GetMembers(name).Length > 0 || symbols.ModuleClient?.GetMembers(name).Length > 0;
        return isClientMember ? Use.Used : Use.Escapes;
    }

    /// <summary>
    /// The client passed to a method: a method of this compilation that only calls members on its parameter (and never
    /// registers a handler nor passes the client on) merely uses it. Anything else may register the handler.
    /// </summary>
    private static Use ClassifyArgument(ArgumentSyntax argument, SemanticModel model, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        if (model.GetOperation(argument, cancellationToken) is not IArgumentOperation { Parameter: { } parameter }
            || parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return Use.Escapes;
        }

        if (method.DeclaringSyntaxReferences.IsEmpty && symbols.IsDeviceOrModuleClient(method.ContainingType))
        {
            return Use.Neutral; // the userContext of an SDK handler registration: the client stays here
        }

        return ClassifyHelper(method.PartialImplementationPart ?? method, parameter, cancellationToken);
    }

    private static Use ClassifyHelper(IMethodSymbol method, IParameterSymbol? parameter, CancellationToken cancellationToken)
    {
        if (parameter is null || method.DeclaringSyntaxReferences.Length == 0 || method.IsAbstract || method.IsVirtual || method.IsOverride)
        {
            return Use.Escapes; // metadata, or code that another override may replace.
        }

        var used = false;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            if (declaration.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == RegisterMethod))
            {
                return Use.Escapes;
            }

            foreach (var mention in declaration.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (mention.Identifier.ValueText != parameter.Name)
                {
                    continue;
                }

                SyntaxNode node = mention;
                while (node.Parent is ParenthesizedExpressionSyntax)
                {
                    node = node.Parent;
                }

                if (node.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Expression == node
                    || node.Parent is ConditionalAccessExpressionSyntax conditional && conditional.Expression == node)
                {
                    used = true;
                    continue;
                }

                return Use.Escapes;
            }
        }

        return used ? Use.Used : Use.Neutral;
    }
}
