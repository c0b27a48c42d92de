using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.CodeFixes;

/// <summary>A value the generated class receives through its constructor and keeps in a field.</summary>
internal sealed class Capture
{
    public Capture(string name, ITypeSymbol type, ExpressionSyntax argument)
    {
        Name = name;
        Type = type;
        Argument = argument;
    }

    /// <summary>The constructor parameter name; the field is <c>_</c> + name.</summary>
    public string Name { get; }

    public ITypeSymbol Type { get; }

    /// <summary>What the construction site passes: the local, the parameter or <c>this</c>.</summary>
    public ExpressionSyntax Argument { get; }

    public string FieldName => "_" + Name.TrimStart('@');
}

/// <summary>A call rewritten so that a generated class can make it again: captured state reads fields.</summary>
internal sealed class LiftedCall
{
    public LiftedCall(ExpressionSyntax expression, ImmutableArray<Capture> captures, string methodName)
    {
        Expression = expression;
        Captures = captures;
        MethodName = methodName;
    }

    public ExpressionSyntax Expression { get; }

    public ImmutableArray<Capture> Captures { get; }

    /// <summary>The called method's name, which names the generated class.</summary>
    public string MethodName { get; }
}

/// <summary>
/// Lifts a token-producing call out of its method so that a generated class (nested in the same type, or after
/// the top-level statements) can re-invoke it on every renewal. Locals and parameters the call reads become
/// constructor parameters and fields; <c>this</c> becomes an <c>_owner</c> field; static members are written
/// type-qualified (and simplified back where the name still binds the same). A call that reads <c>ref</c>/<c>out</c>
/// state, awaits, calls a local function, uses <c>base.</c> or a method type parameter, captures a struct's
/// <c>this</c>, or reads a variable that changes before the construction site cannot be lifted: no fix is offered.
/// </summary>
internal static class CallLifter
{
    public static LiftedCall? TryLift(
        IInvocationOperation call,
        SemanticModel model,
        SyntaxGenerator generator,
        TextSpan target,
        IReadOnlyDictionary<ISymbol, ExpressionSyntax> inheritedValues,
        ICollection<string> reservedNames,
        CancellationToken cancellationToken)
    {
        var callSyntax = call.Syntax as ExpressionSyntax;
        var enclosingType = model.GetEnclosingSymbol(call.Syntax.SpanStart, cancellationToken)?.ContainingType;
        if (callSyntax is null || enclosingType is null)
        {
            return null;
        }

        var captures = new List<Capture>();
        var captureBySymbol = new Dictionary<ISymbol, Capture>(SymbolEqualityComparer.Default);
        Capture? owner = null;
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        var usedNames = new HashSet<string>(reservedNames);
        var callSpan = callSyntax.Span;

        foreach (var operation in DescendantsAndSelfSkippingNameOf(call))
        {
            if (UsesMethodTypeParameter(operation.Type))
            {
                return null;
            }

            switch (operation)
            {
                case IAwaitOperation:
                case IDeclarationExpressionOperation:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction }:
                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction }:
                    return null;
                case IInvocationOperation invocation when invocation.TargetMethod.TypeArguments.Any(UsesMethodTypeParameter):
                    return null;

                // The caller's token (a connect-time or request token) must not live as long as the client: once it is
                // cancelled, every renewal would fail and bring 404104 back. Renewals run with CancellationToken.None.
                case ILocalReferenceOperation { Local: var tokenLocal } when IsCancellationToken(tokenLocal.Type) && !callSpan.Contains(DeclarationSpan(tokenLocal)):
                case IParameterReferenceOperation { Parameter: var tokenParameter } when IsCancellationToken(tokenParameter.Type) && !callSpan.Contains(DeclarationSpan(tokenParameter)):
                    replacements[operation.Syntax] = SyntaxFactory.ParseExpression("global::System.Threading.CancellationToken.None")
                        .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)
                        .WithTriviaFrom(operation.Syntax);
                    continue;

                case ILocalReferenceOperation { Local: var local } reference when !callSpan.Contains(DeclarationSpan(local)):
                    if (local.IsRef || !CanCapture(local.Type) || !IsCapturable(local, reference, model, target, callSpan, cancellationToken))
                    {
                        return null;
                    }

                    replacements[reference.Syntax] = ReadCaptured(local, reference.Syntax);
                    continue;

                case IParameterReferenceOperation { Parameter: var parameter } reference when !callSpan.Contains(DeclarationSpan(parameter)):
                    if (parameter.RefKind == RefKind.Out || !CanCapture(parameter.Type) || !IsCapturable(parameter, reference, model, target, callSpan, cancellationToken))
                    {
                        return null;
                    }

                    replacements[reference.Syntax] = ReadCaptured(parameter, reference.Syntax);
                    continue;

                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } instance:
                    if (instance.Syntax is BaseExpressionSyntax || enclosingType.IsValueType || !HasThisAt(model, target.Start, cancellationToken))
                    {
                        return null;
                    }

                    owner ??= AddCapture(new Capture(UniqueName("owner", usedNames), enclosingType, SyntaxFactory.ThisExpression()), null);
                    if (instance.IsImplicit)
                    {
                        var name = ImplicitMemberName(instance);
                        if (name is null)
                        {
                            return null;
                        }

                        replacements[name] = SyntaxFactory.MemberAccessExpression(
                            SyntaxKind.SimpleMemberAccessExpression,
                            SyntaxFactory.IdentifierName(owner.FieldName),
                            (SimpleNameSyntax)name.WithoutTrivia()).WithTriviaFrom(name);
                    }
                    else
                    {
                        replacements[instance.Syntax] = SyntaxFactory.IdentifierName(owner.FieldName).WithTriviaFrom(instance.Syntax);
                    }

                    continue;
            }

            // Static members named without their type: write the type so the name cannot bind to a member of the
            // generated class (DeviceId, Dispose…); the simplifier removes it again where that is safe.
            if (StaticMemberName(operation) is { } staticName && operation is IMemberReferenceOperation or IInvocationOperation)
            {
                var member = operation is IInvocationOperation invoked ? invoked.TargetMethod : ((IMemberReferenceOperation)operation).Member;
                replacements[staticName] = SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        (ExpressionSyntax)generator.TypeExpression(member.ContainingType),
                        (SimpleNameSyntax)staticName.WithoutTrivia())
                    .WithAdditionalAnnotations(Simplifier.Annotation)
                    .WithTriviaFrom(staticName);
            }
        }

        var expression = callSyntax.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]).WithoutTrivia();
        return new LiftedCall(expression, captures.ToImmutableArray(), call.TargetMethod.Name);

        Capture AddCapture(Capture capture, ISymbol? symbol)
        {
            captures.Add(capture);
            if (symbol is not null)
            {
                captureBySymbol[symbol] = capture;
            }

            return capture;
        }

        SyntaxNode ReadCaptured(ISymbol symbol, SyntaxNode reference)
        {
            if (inheritedValues.TryGetValue(symbol, out var inherited))
            {
                return inherited.WithTriviaFrom(reference);
            }

            if (!captureBySymbol.TryGetValue(symbol, out var capture))
            {
                var type = symbol is ILocalSymbol l ? l.Type : ((IParameterSymbol)symbol).Type;
                capture = AddCapture(new Capture(UniqueName(Escaped(symbol.Name), usedNames), type, SyntaxFactory.IdentifierName(Escaped(symbol.Name))), symbol);
            }

            return SyntaxFactory.IdentifierName(capture.FieldName).WithTriviaFrom(reference);
        }
    }

    private static bool IsCancellationToken(ITypeSymbol type)
        => type is INamedTypeSymbol { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary><c>this</c> is usable at the construction site: no static member, static lambda or static local function on the way out.</summary>
    private static bool HasThisAt(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        for (var symbol = model.GetEnclosingSymbol(position, cancellationToken); symbol is not null and not INamedTypeSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol.IsStatic)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<IOperation> DescendantsAndSelfSkippingNameOf(IOperation root)
    {
        var stack = new Stack<IOperation>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var operation = stack.Pop();
            yield return operation;
            if (operation is INameOfOperation)
            {
                continue; // nameof(x) is a constant: it must keep naming x.
            }

            foreach (var child in operation.ChildOperations.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    private static TextSpan DeclarationSpan(ISymbol symbol)
        => symbol.DeclaringSyntaxReferences.Length > 0 ? symbol.DeclaringSyntaxReferences[0].Span : default;

    private static bool CanCapture(ITypeSymbol type)
        => !type.IsRefLikeType
        && type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Error)
        && !type.IsAnonymousType
        && !UsesMethodTypeParameter(type);

    /// <summary>In scope at the construction site, and not written between the call and that site.</summary>
    private static bool IsCapturable(ISymbol symbol, IOperation reference, SemanticModel model, TextSpan target, TextSpan call, CancellationToken cancellationToken)
    {
        if (!model.LookupSymbols(target.Start, name: symbol.Name).Contains(symbol, SymbolEqualityComparer.Default))
        {
            return false;
        }

        var scope = reference.Syntax.FirstAncestorOrSelf<SyntaxNode>(n =>
            n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax or CompilationUnitSyntax);
        if (scope is null || call.End >= target.Start)
        {
            return true;
        }

        var between = TextSpan.FromBounds(call.End, target.Start);
        foreach (var identifier in scope.DescendantNodes(between).OfType<IdentifierNameSyntax>())
        {
            if (between.Contains(identifier.Span)
                && identifier.Identifier.ValueText == symbol.Name
                && IsWriteTarget(identifier)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWriteTarget(IdentifierNameSyntax identifier)
    {
        SyntaxNode node = identifier;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == node,
            PrefixUnaryExpressionSyntax prefix => prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression),
            PostfixUnaryExpressionSyntax postfix => postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression),
            ArgumentSyntax { Parent: TupleExpressionSyntax } => true,
            ArgumentSyntax argument => argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword),
            RefExpressionSyntax => true,
            _ => false,
        };
    }

    /// <summary>The simple name an implicit <c>this</c> receiver belongs to: <c>GetToken</c> in <c>GetToken()</c>, <c>_tokens</c>.</summary>
    private static SyntaxNode? ImplicitMemberName(IInstanceReferenceOperation instance)
    {
        var syntax = instance.Parent switch
        {
            IInvocationOperation invocation when invocation.Instance == instance => (invocation.Syntax as InvocationExpressionSyntax)?.Expression,
            IMemberReferenceOperation member when member.Instance == instance => member.Syntax,
            _ => null,
        };

        return syntax is SimpleNameSyntax && !IsQualified(syntax) ? syntax : null;
    }

    /// <summary>The unqualified simple name of a static member reference or call, if it is written unqualified.</summary>
    private static SyntaxNode? StaticMemberName(IOperation operation)
    {
        var (isStatic, syntax) = operation switch
        {
            IInvocationOperation { TargetMethod: { IsStatic: true, MethodKind: MethodKind.Ordinary }, Instance: null } invocation
                => (true, (invocation.Syntax as InvocationExpressionSyntax)?.Expression),
            IMemberReferenceOperation { Member.IsStatic: true, Instance: null } member and not IEventReferenceOperation
                => (member.Member is not IMethodSymbol { MethodKind: not MethodKind.Ordinary }, member.Syntax),
            _ => (false, null),
        };

        return !isStatic || syntax is not SimpleNameSyntax || IsQualified(syntax) ? null : syntax;
    }

    private static bool IsQualified(SyntaxNode name)
        => name.Parent is MemberAccessExpressionSyntax access && access.Name == name
        || name.Parent is MemberBindingExpressionSyntax
        || name.Parent is QualifiedNameSyntax qualified && qualified.Right == name
        || name.Parent is NameColonSyntax or NameEqualsSyntax;

    private static bool UsesMethodTypeParameter(ITypeSymbol? type)
        => type switch
        {
            null => false,
            ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } => true,
            IArrayTypeSymbol array => UsesMethodTypeParameter(array.ElementType),
            INamedTypeSymbol named => named.TypeArguments.Any(UsesMethodTypeParameter),
            _ => false,
        };

    /// <summary>A name usable as an identifier: <c>@class</c> for a keyword.</summary>
    public static string Escaped(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate.TrimStart('@')); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }
}
