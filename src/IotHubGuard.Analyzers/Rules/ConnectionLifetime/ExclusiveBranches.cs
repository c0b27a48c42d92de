using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Two assignments that can never both run in one pass through their method: the two arms of an
/// <c>if</c>/<c>else</c> (an <c>else if</c> chain included), two sections of a <c>switch</c> statement, two arms of a
/// <c>switch</c> expression or of <c>?:</c>. One is not an overwrite of the other (AZIOT205). A loop around them
/// is judged by the caller (<see cref="CreationSites.IsInLoop"/>).
/// </summary>
internal static class ExclusiveBranches
{
    public static bool AreMutuallyExclusive(SyntaxNode first, SyntaxNode second)
    {
        if (first.SyntaxTree != second.SyntaxTree || first.Span.IntersectsWith(second.Span))
        {
            return false;
        }

        var ancestors = new HashSet<SyntaxNode>(first.Ancestors());
        SyntaxNode? secondChild = second;
        SyntaxNode? common = second.Parent;
        while (common is not null && !ancestors.Contains(common))
        {
            if (common is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return false; // different functions: nothing orders them
            }

            secondChild = common;
            common = common.Parent;
        }

        if (common is null || secondChild is null)
        {
            return false;
        }

        var firstChild = ChildOn(first, common);
        return common switch
        {
            IfStatementSyntax ifStatement => (firstChild == ifStatement.Statement && secondChild == ifStatement.Else)
                || (firstChild == ifStatement.Else && secondChild == ifStatement.Statement),
            SwitchStatementSyntax => firstChild is SwitchSectionSyntax && secondChild is SwitchSectionSyntax && firstChild != secondChild,
            SwitchExpressionSyntax => firstChild is SwitchExpressionArmSyntax && secondChild is SwitchExpressionArmSyntax && firstChild != secondChild,
            ConditionalExpressionSyntax conditional => (firstChild == conditional.WhenTrue && secondChild == conditional.WhenFalse)
                || (firstChild == conditional.WhenFalse && secondChild == conditional.WhenTrue),
            _ => false,
        };
    }

    private static SyntaxNode ChildOn(SyntaxNode node, SyntaxNode ancestor)
    {
        var child = node;
        while (child.Parent is not null && child.Parent != ancestor)
        {
            child = child.Parent;
        }

        return child;
    }
}
