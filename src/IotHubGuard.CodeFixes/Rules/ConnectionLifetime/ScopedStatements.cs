using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// The statement list a statement sits in — a block, or the top-level statements of a program (each wrapped in a
/// <c>GlobalStatementSyntax</c>) — and the edits the AZIOT206 fix makes to it: insert before or after a statement,
/// and move the statements after a declaration into <c>try</c> with a cleanup in <c>finally</c>.
/// </summary>
internal static class ScopedStatements
{
    public static bool IsInStatementList(StatementSyntax statement)
        => statement.Parent is BlockSyntax or GlobalStatementSyntax { Parent: CompilationUnitSyntax };

    /// <summary>The node whose descendants are the statement's scope: its block, or the compilation unit.</summary>
    public static SyntaxNode Scope(StatementSyntax statement)
        => statement.Parent is GlobalStatementSyntax global ? global.Parent! : statement.Parent!;

    /// <summary>The node to insert next to: the statement itself, or its <c>GlobalStatementSyntax</c>.</summary>
    public static SyntaxNode Anchor(StatementSyntax statement)
        => statement.Parent is GlobalStatementSyntax global ? global : statement;

    /// <summary>Inserts <paramref name="statements"/> before <paramref name="statement"/> in its list.</summary>
    public static SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax statement, IReadOnlyList<StatementSyntax> statements)
        => root.InsertNodesBefore(Anchor(statement), Wrap(statement, statements));

    /// <summary>Inserts <paramref name="statements"/> after <paramref name="statement"/> in its list.</summary>
    public static SyntaxNode InsertAfter(SyntaxNode root, StatementSyntax statement, IReadOnlyList<StatementSyntax> statements)
        => root.InsertNodesAfter(Anchor(statement), Wrap(statement, statements));

    /// <summary>
    /// <c>var c = …; rest</c> becomes <c>var c = …; try { rest } finally { cleanup }</c>, in a block or in top-level
    /// statements. Null when the rest holds local functions or labels (moving them would change their scope) or, at top
    /// level, when nothing but declarations follows.
    /// </summary>
    public static SyntaxNode? WrapRestInTryFinally(SyntaxNode root, StatementSyntax declaration, StatementSyntax cleanup)
    {
        var annotatedCleanup = cleanup.WithAdditionalAnnotations(Formatter.Annotation);
        switch (declaration.Parent)
        {
            case BlockSyntax block:
                var index = block.Statements.IndexOf(declaration);
                var rest = block.Statements.Skip(index + 1).ToList();
                if (rest.Count == 0 || rest.Any(s => s is LocalFunctionStatementSyntax or LabeledStatementSyntax))
                {
                    return rest.Count == 0 ? root.InsertNodesAfter(declaration, new[] { annotatedCleanup }) : null;
                }

                var tryStatement = TryFinally(rest, annotatedCleanup);
                return root.ReplaceNode(block, block.WithStatements(List(block.Statements.Take(index + 1).Append(tryStatement))));
            case GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global:
                var members = unit.Members;
                var start = members.IndexOf(global) + 1;
                var following = new List<GlobalStatementSyntax>();
                for (var i = start; i < members.Count && members[i] is GlobalStatementSyntax next; i++)
                {
                    following.Add(next);
                }

                if (following.Count == 0 || following.Any(g => g.Statement is LocalFunctionStatementSyntax or LabeledStatementSyntax))
                {
                    return null;
                }

                var wrapped = GlobalStatement(TryFinally(following.Select(g => g.Statement), annotatedCleanup))
                    .WithLeadingTrivia(following[0].GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
                var newMembers = members.Take(start).Append(wrapped).Concat(members.Skip(start + following.Count));
                return root.ReplaceNode(unit, unit.WithMembers(List(newMembers)));
            default:
                return null;
        }
    }

    private static IEnumerable<SyntaxNode> Wrap(StatementSyntax anchor, IReadOnlyList<StatementSyntax> statements)
    {
        var annotated = statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation));
        return anchor.Parent is GlobalStatementSyntax
            ? annotated.Select(s => (SyntaxNode)GlobalStatement(s).WithAdditionalAnnotations(Formatter.Annotation))
            : annotated;
    }

    private static StatementSyntax TryFinally(IEnumerable<StatementSyntax> body, StatementSyntax cleanup)
        => TryStatement(Block(body), default, FinallyClause(Block(cleanup)))
            .WithAdditionalAnnotations(Formatter.Annotation);
}
