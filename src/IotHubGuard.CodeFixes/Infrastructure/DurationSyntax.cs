using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace IotHubGuard.CodeFixes;

/// <summary>How fixes write a duration: one place, so every fix reads the same.</summary>
internal static class DurationSyntax
{
    /// <summary><c>TimeSpan.FromMinutes(2)</c>, <c>TimeSpan.FromSeconds(1177)</c>: the most readable unit.</summary>
    /// <remarks>Written fully qualified and reduced by the simplifier, so it reads <c>TimeSpan</c> where <c>using System;</c> is in scope.</remarks>
    public static ExpressionSyntax TimeSpan(int seconds)
    {
        var (factory, amount) = seconds % 3600 == 0 ? ("FromHours", seconds / 3600)
            : seconds % 60 == 0 ? ("FromMinutes", seconds / 60)
            : ("FromSeconds", seconds);
        var type = SyntaxFactory.ParseExpression("global::System.TimeSpan").WithAdditionalAnnotations(Simplifier.Annotation);
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, SyntaxFactory.IdentifierName(factory)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Number(amount)))));
    }

    /// <summary>An integer literal.</summary>
    public static LiteralExpressionSyntax Number(int value)
        => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));

    /// <summary>"5 min", "1 h", "1177 s": for code action titles.</summary>
    public static string Describe(int seconds)
        => seconds % 3600 == 0 ? (seconds / 3600).ToString(CultureInfo.InvariantCulture) + " h"
        : seconds % 60 == 0 ? (seconds / 60).ToString(CultureInfo.InvariantCulture) + " min"
        : seconds.ToString(CultureInfo.InvariantCulture) + " s";
}
