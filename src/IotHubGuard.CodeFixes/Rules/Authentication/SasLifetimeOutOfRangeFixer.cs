using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
/// AZIOT102: replace an out-of-range SAS lifetime or renewal buffer with the SDK default (1 h, 15 %), kept inside
/// the configured range, written in the setting's form: <c>TimeSpan.FromHours(1)</c>, <c>3600</c> or <c>15</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SasLifetimeOutOfRangeFixer))]
[Shared]
public sealed class SasLifetimeOutOfRangeFixer : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.SasLifetimeOutOfRange);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => BestFixAllProvider.Instance;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SasLifetimeSite.ReplacementKey, out var replacementText)
                || !int.TryParse(replacementText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var replacement)
                || !diagnostic.Properties.TryGetValue(SasLifetimeSite.FormKey, out var formText)
                || !System.Enum.TryParse<SasValueForm>(formText, out var form))
            {
                continue;
            }

            var title = form == SasValueForm.Percent
                ? string.Format(CultureInfo.InvariantCulture, "Set the renewal buffer to {0} %", replacement)
                : string.Format(CultureInfo.InvariantCulture, "Set the token lifetime to {0}", DurationSyntax.Describe(replacement));
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, diagnostic, replacement, form, ct), EquivalenceKeys.SetSdkDefaultSasLifetime),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> ReplaceAsync(Document document, Diagnostic diagnostic, int replacement, SasValueForm form, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var span = diagnostic.Location.SourceSpan;
        var node = root?.FindNode(span, getInnermostNodeForTie: true);
        if (node is ArgumentSyntax argument)
        {
            node = argument.Expression;
        }

        if (root is null || node is not ExpressionSyntax expression || expression.Span != span)
        {
            return document;
        }

        var newValue = form == SasValueForm.TimeSpan
            ? DurationSyntax.TimeSpan(replacement)
            : DurationSyntax.Number(replacement);
        return document.WithSyntaxRoot(root.ReplaceNode(expression, newValue.WithTriviaFrom(expression)));
    }
}
