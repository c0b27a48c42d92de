using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IotHubGuard.CodeFixes;

/// <summary>Syntax the lifetime fixes share: where <c>await</c> may go, close/dispose statements, inserting and wrapping.</summary>
internal static class LifetimeSyntax
{
    /// <summary>
    /// Whether an <c>await</c> can be written at <paramref name="node"/> without changing a signature: inside an
    /// <c>async</c> method, local function or lambda, or in top-level statements; never inside <c>lock</c>.
    /// A synchronous method is never made <c>async</c> (that could mean <c>async void</c>).
    /// </summary>
    public static bool CanAwait(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case LockStatementSyntax:
                case QueryExpressionSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax function:
                    return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case MethodDeclarationSyntax method:
                    return method.Modifiers.Any(SyntaxKind.AsyncKeyword);
                case GlobalStatementSyntax:
                    return true;
                case MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>C# 8 or later (<c>await using</c>).</summary>
    public static bool SupportsAwaitUsing(SyntaxNode node)
        => node.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 };

    /// <summary><c>await receiver.CloseAsync();</c></summary>
    public static StatementSyntax AwaitCall(ExpressionSyntax receiver, string method, params ArgumentSyntax[] arguments)
        => ExpressionStatement(AwaitExpression(Call(receiver, method, arguments)));

    /// <summary><c>receiver.Dispose();</c></summary>
    public static StatementSyntax CallStatement(ExpressionSyntax receiver, string method)
        => ExpressionStatement(Call(receiver, method));

    public static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string method, params ArgumentSyntax[] arguments)
        => InvocationExpression(
            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(receiver.WithoutTrivia()), IdentifierName(method)),
            ArgumentList(SeparatedList(arguments)));

    /// <summary><c>if (condition) { statements }</c></summary>
    public static StatementSyntax If(ExpressionSyntax condition, params StatementSyntax[] statements)
        => IfStatement(condition, Block(statements));

    /// <summary><c>receiver != null</c></summary>
    public static ExpressionSyntax NotNull(ExpressionSyntax receiver)
        => BinaryExpression(SyntaxKind.NotEqualsExpression, Parenthesize(receiver.WithoutTrivia()), LiteralExpression(SyntaxKind.NullLiteralExpression));

    /// <summary>
    /// Inserts <paramref name="statements"/> before <paramref name="statement"/>: in its block or switch section, or by
    /// turning an embedded statement (<c>if (x) client.Dispose();</c>) into a block. Null when there is no statement list.
    /// </summary>
    public static SyntaxNode? InsertBefore(SyntaxNode root, StatementSyntax statement, IReadOnlyList<StatementSyntax> statements)
    {
        var annotated = statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToArray();
        switch (statement.Parent)
        {
            case BlockSyntax or SwitchSectionSyntax:
                return root.InsertNodesBefore(statement, annotated);
            case GlobalStatementSyntax global:
                // Top-level statements: each statement is a member of the compilation unit.
                return root.InsertNodesBefore(global, annotated.Select(s => GlobalStatement(s)));
            case IfStatementSyntax or ElseClauseSyntax or WhileStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or DoStatementSyntax or UsingStatementSyntax or FixedStatementSyntax or LockStatementSyntax or LabeledStatementSyntax:
                var block = Block(annotated.Append(statement.WithoutLeadingTrivia())).WithTriviaFrom(statement).WithAdditionalAnnotations(Formatter.Annotation);
                return root.ReplaceNode(statement, block);
            default:
                return null;
        }
    }

    /// <summary>
    /// Runs <paramref name="cleanup"/> after the statements that follow <paramref name="declaration"/> in its block, in a
    /// <c>finally</c>: <c>using var c = …; rest</c> becomes <c>using var c = …; try { rest } finally { cleanup }</c>.
    /// Null when the block holds local functions or labels after the declaration (moving them would change scopes).
    /// </summary>
    public static SyntaxNode? WrapRestInTryFinally(SyntaxNode root, LocalDeclarationStatementSyntax declaration, IReadOnlyList<StatementSyntax> cleanup)
    {
        if (declaration.Parent is GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global)
        {
            return WrapRestOfTopLevelInTryFinally(root, unit, global, cleanup);
        }

        if (declaration.Parent is not BlockSyntax block)
        {
            return null;
        }

        var index = block.Statements.IndexOf(declaration);
        var rest = block.Statements.Skip(index + 1).ToList();
        if (rest.Any(s => s is LocalFunctionStatementSyntax or LabeledStatementSyntax))
        {
            return null;
        }

        var annotatedCleanup = cleanup.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToArray();
        if (rest.Count == 0)
        {
            return root.InsertNodesAfter(declaration, annotatedCleanup);
        }

        var tryStatement = TryFinally(rest, annotatedCleanup);
        var newStatements = block.Statements.Take(index + 1).Append(tryStatement);
        return root.ReplaceNode(block, block.WithStatements(List(newStatements)));
    }

    /// <summary>The top-level program's form of <see cref="WrapRestInTryFinally"/>: the following global statements move into the <c>try</c>.</summary>
    private static SyntaxNode? WrapRestOfTopLevelInTryFinally(SyntaxNode root, CompilationUnitSyntax unit, GlobalStatementSyntax declaration, IReadOnlyList<StatementSyntax> cleanup)
    {
        var index = unit.Members.IndexOf(declaration);
        var rest = unit.Members.Skip(index + 1).TakeWhile(m => m is GlobalStatementSyntax).Cast<GlobalStatementSyntax>().ToList();
        if (rest.Any(g => g.Statement is LocalFunctionStatementSyntax or LabeledStatementSyntax))
        {
            return null;
        }

        var annotatedCleanup = cleanup.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToArray();
        if (rest.Count == 0)
        {
            return root.InsertNodesAfter(declaration, annotatedCleanup.Select(s => GlobalStatement(s)));
        }

        var tryStatement = GlobalStatement(TryFinally(rest.Select(g => g.Statement), annotatedCleanup));
        var members = unit.Members.Take(index + 1).Append(tryStatement).Concat(unit.Members.Skip(index + 1 + rest.Count));
        return root.ReplaceNode(unit, unit.WithMembers(List(members)));
    }

    /// <summary><c>using (…) body</c> becomes <c>using (…) { try { body } finally { cleanup } }</c>.</summary>
    public static SyntaxNode WrapUsingBodyInTryFinally(SyntaxNode root, UsingStatementSyntax usingStatement, IReadOnlyList<StatementSyntax> cleanup)
    {
        var annotatedCleanup = cleanup.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation)).ToArray();
        BlockSyntax newBody;
        if (usingStatement.Statement is BlockSyntax body)
        {
            newBody = body.WithStatements(SingletonList(TryFinally(body.Statements, annotatedCleanup)));
        }
        else
        {
            newBody = Block(TryFinally(new[] { usingStatement.Statement }, annotatedCleanup)).WithAdditionalAnnotations(Formatter.Annotation);
        }

        return root.ReplaceNode(usingStatement, usingStatement.WithStatement(newBody));
    }

    /// <summary>Adds <c>await</c> before <c>using</c>, keeping the statement's leading trivia on the new first token.</summary>
    public static SyntaxToken AwaitBefore(SyntaxToken usingKeyword)
        => Token(usingKeyword.LeadingTrivia, SyntaxKind.AwaitKeyword, TriviaList(Space));

    private static StatementSyntax TryFinally(IEnumerable<StatementSyntax> body, IReadOnlyList<StatementSyntax> cleanup)
        => TryStatement(Block(body), default, FinallyClause(Block(cleanup))).WithAdditionalAnnotations(Formatter.Annotation);

    private static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or ThisExpressionSyntax or ParenthesizedExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? expression
            : ParenthesizedExpression(expression);
}
