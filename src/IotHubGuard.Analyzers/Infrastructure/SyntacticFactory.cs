using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotHubGuard.Analyzers;

/// <summary>
/// <see cref="ClientCreation"/>'s judgement of a factory declared in another file, from its syntax alone: every
/// <c>return</c> (or the expression body) is a <c>…Create…(…)</c> call, directly or through a local initialised with
/// one, and it is HTTP when every such call passes <c>TransportType.Http1</c> or only <c>new Http1TransportSettings()</c>.
/// </summary>
internal static class SyntacticFactory
{
    public static (ClientOrigin Origin, bool IsHttp1) Describe(SyntaxNode body, ClientOrigin returnOrigin)
    {
        var returned = body is ArrowExpressionClauseSyntax arrow
            ? new[] { arrow.Expression }
            : body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                .OfType<ReturnStatementSyntax>()
                .Select(r => r.Expression)
                .ToArray();
        if (returned.Length == 0)
        {
            return (ClientOrigin.None, false);
        }

        var allHttp1 = true;
        foreach (var expression in returned)
        {
            if (CreationCall(expression, body) is not { } call)
            {
                return (ClientOrigin.None, false);
            }

            allHttp1 &= IsHttp1(call);
        }

        return (returnOrigin, allHttp1);
    }

    private static InvocationExpressionSyntax? CreationCall(ExpressionSyntax? expression, SyntaxNode body)
    {
        expression = Strip(expression);
        if (expression is IdentifierNameSyntax identifier)
        {
            var declarators = body.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(d => d.Identifier.ValueText == identifier.Identifier.ValueText).ToArray();
            expression = declarators.Length == 1 ? Strip(declarators[0].Initializer?.Value) : null;
        }

        return expression is InvocationExpressionSyntax invocation && NameOf(invocation).StartsWith("Create", StringComparison.Ordinal) ? invocation : null;
    }

    private static ExpressionSyntax? Strip(ExpressionSyntax? expression)
    {
        for (var i = 0; i < 8 && expression is not null; i++)
        {
            switch (expression)
            {
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access }:
                    expression = access.Expression;
                    continue;
            }

            break;
        }

        return expression;
    }

    private static string NameOf(InvocationExpressionSyntax invocation)
        => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => string.Empty,
        };

    private static bool IsHttp1(InvocationExpressionSyntax call)
    {
        foreach (var argument in call.ArgumentList.Arguments)
        {
            switch (argument.Expression)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Http1" }:
                    return true;
                case ArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    return AllHttp1Settings(initializer);
                case ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer }:
                    return AllHttp1Settings(initializer);
            }
        }

        return false;
    }

    private static bool AllHttp1Settings(InitializerExpressionSyntax initializer)
        => initializer.Expressions.Count > 0
        && initializer.Expressions.All(e => e is ObjectCreationExpressionSyntax { Type: var type }
            && (type is IdentifierNameSyntax { Identifier.ValueText: "Http1TransportSettings" }
                || type is QualifiedNameSyntax { Right.Identifier.ValueText: "Http1TransportSettings" }));
}
