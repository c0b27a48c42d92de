using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// Replaces a reported keep-alive / idle-timeout value with the value the analyzer computed
/// (diagnostic property <c>ReplacementSeconds</c>) in the form the setting takes: seconds or a TimeSpan.
/// <c>WithNoKeepAlive()</c> becomes <c>WithKeepAlivePeriod(…)</c>.
/// </summary>
public abstract class ReplaceValueFixProvider : CodeFixProvider
{
    private readonly string _diagnosticId;
    private readonly string _equivalenceKey;
    private readonly string _titleFormat;

    private protected ReplaceValueFixProvider(string diagnosticId, string equivalenceKey, string titleFormat)
    {
        _diagnosticId = diagnosticId;
        _equivalenceKey = equivalenceKey;
        _titleFormat = titleFormat;
    }

    /// <inheritdoc />
    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(_diagnosticId);

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(KeepAliveSite.ReplacementSecondsKey, out var secondsText)
                || !int.TryParse(secondsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                || !diagnostic.Properties.TryGetValue(KeepAliveSite.ValueFormKey, out var formText)
                || !System.Enum.TryParse<ValueForm>(formText, out var form))
            {
                continue;
            }

            var title = string.Format(CultureInfo.InvariantCulture, _titleFormat, Describe(seconds));
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, diagnostic, seconds, form, ct), _equivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ReplaceAsync(Document document, Diagnostic diagnostic, int seconds, ValueForm form, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var span = diagnostic.Location.SourceSpan;
        if (form == ValueForm.NoKeepAliveCall)
        {
            var invocation = root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation?.Expression is not MemberAccessExpressionSyntax memberAccess)
            {
                return document;
            }

            var replacement = invocation
                .WithExpression(memberAccess.WithName(SyntaxFactory.IdentifierName("WithKeepAlivePeriod").WithTriviaFrom(memberAccess.Name)))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.Argument(TimeSpanExpression(seconds))))
                    .WithTriviaFrom(invocation.ArgumentList));
            return document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement));
        }

        var value = root.FindNode(span, getInnermostNodeForTie: true);
        if (value is ArgumentSyntax argument)
        {
            value = argument.Expression;
        }

        if (value is not ExpressionSyntax expression || value.Span != span)
        {
            return document;
        }

        ExpressionSyntax newValue = form == ValueForm.Seconds
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seconds))
            : TimeSpanExpression(seconds);
        return document.WithSyntaxRoot(root.ReplaceNode(expression, newValue.WithTriviaFrom(expression)));
    }

    /// <summary><c>TimeSpan.FromMinutes(2)</c>, <c>TimeSpan.FromSeconds(1177)</c>: the most readable unit.</summary>
    /// <remarks>Written fully qualified and reduced by the simplifier, so it reads <c>TimeSpan</c> where <c>using System;</c> is in scope.</remarks>
    private static ExpressionSyntax TimeSpanExpression(int seconds)
    {
        var (factory, amount) = seconds % 3600 == 0 ? ("FromHours", seconds / 3600)
            : seconds % 60 == 0 ? ("FromMinutes", seconds / 60)
            : ("FromSeconds", seconds);
        var type = SyntaxFactory.ParseExpression("global::System.TimeSpan").WithAdditionalAnnotations(Simplifier.Annotation);
        return SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, type, SyntaxFactory.IdentifierName(factory)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(amount))))));
    }

    private static string Describe(int seconds)
        => seconds % 3600 == 0 ? (seconds / 3600).ToString(CultureInfo.InvariantCulture) + " h"
        : seconds % 60 == 0 ? (seconds / 60).ToString(CultureInfo.InvariantCulture) + " min"
        : seconds.ToString(CultureInfo.InvariantCulture) + " s";
}
