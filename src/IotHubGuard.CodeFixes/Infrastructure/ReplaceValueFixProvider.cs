using System.Collections.Generic;
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
/// <c>WithNoKeepAlive()</c> becomes <c>WithKeepAlivePeriod(…)</c>. Where the value is a constant of the project
/// (<c>KeepAliveInSeconds = Settings.KeepAlive</c>, <c>TimeSpan.FromSeconds(Settings.KeepAlive)</c>), the constant's
/// declaration changes, not the use: the user's name for the setting stays in use.
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
    public sealed override FixAllProvider GetFixAllProvider() => BestFixAllProvider.Instance;

    /// <inheritdoc />
    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(KeepAliveSite.ReplacementSecondsKey, out var secondsText)
                || !int.TryParse(secondsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var replacement)
                || !diagnostic.Properties.TryGetValue(KeepAliveSite.ValueFormKey, out var formText)
                || !System.Enum.TryParse<ValueForm>(formText, out var form))
            {
                continue;
            }

            foreach (var (titleFormat, key, seconds) in Choices(replacement))
            {
                var title = string.Format(CultureInfo.InvariantCulture, titleFormat, DurationSyntax.Describe(seconds));
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ReplaceAsync(context.Document, diagnostic, seconds, form, ct), key),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The actions to offer, best first, given the analyzer's replacement value.</summary>
    private protected virtual IEnumerable<(string TitleFormat, string EquivalenceKey, int Seconds)> Choices(int replacementSeconds)
    {
        yield return (_titleFormat, _equivalenceKey, replacementSeconds);
    }

    private static async Task<Solution> ReplaceAsync(Document document, Diagnostic diagnostic, int seconds, ValueForm form, CancellationToken cancellationToken)
        => await ConstantFix.TryChangeConstantAsync(document, diagnostic.Location.SourceSpan, seconds, form, cancellationToken).ConfigureAwait(false)
            ?? (await ReplaceUseAsync(document, diagnostic, seconds, form, cancellationToken).ConfigureAwait(false)).Project.Solution;

    private static async Task<Document> ReplaceUseAsync(Document document, Diagnostic diagnostic, int seconds, ValueForm form, CancellationToken cancellationToken)
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
                    SyntaxFactory.Argument(DurationSyntax.TimeSpan(seconds))))
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
            ? DurationSyntax.Number(seconds)
            : DurationSyntax.TimeSpan(seconds);
        return document.WithSyntaxRoot(root.ReplaceNode(expression, newValue.WithTriviaFrom(expression)));
    }
}
