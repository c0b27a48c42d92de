using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace IotHubGuard.CodeFixes;

/// <summary>A class a fix adds to the file: nested in <see cref="Container"/> (a type), or after the top-level statements.</summary>
internal sealed class GeneratedClass
{
    private const string FingerprintName = "IotHubGuardGeneratedClass";

    public GeneratedClass(SyntaxNode container, string baseName, Func<string, MemberDeclarationSyntax> build)
    {
        Container = container;
        BaseName = baseName;
        Build = build;
    }

    /// <summary>A <see cref="TypeDeclarationSyntax"/> or the <see cref="CompilationUnitSyntax"/>, in the original tree.</summary>
    public SyntaxNode Container { get; }

    public string BaseName { get; }

    /// <summary>Builds the class with its final name.</summary>
    public Func<string, MemberDeclarationSyntax> Build { get; }

    /// <summary>Two fixes that would generate the same class (same call, same captures) share one.</summary>
    public string Fingerprint => Build(FingerprintName).NormalizeWhitespace().ToFullString();

    /// <summary>
    /// Where a generated class goes: nested in the type that contains <paramref name="site"/> (so it can use that
    /// type's private members), or at the end of the file for top-level statements. Null inside an interface.
    /// </summary>
    public static SyntaxNode? ContainerFor(SyntaxNode site)
    {
        foreach (var ancestor in site.Ancestors())
        {
            switch (ancestor)
            {
                case InterfaceDeclarationSyntax:
                    return null;
                case TypeDeclarationSyntax type:
                    return type;
                case GlobalStatementSyntax { Parent: CompilationUnitSyntax unit }:
                    return unit;
            }
        }

        return null;
    }

    /// <summary><c>private</c> when nested, <c>internal</c> at file level.</summary>
    public static string AccessibilityFor(SyntaxNode container) => container is CompilationUnitSyntax ? "internal" : "private";
}

/// <summary>One fix: replace <see cref="Target"/>, and possibly add a generated class the replacement constructs.</summary>
internal sealed class FixPlan
{
    public FixPlan(string title, SyntaxNode target, Func<string?, SyntaxNode> replacement, GeneratedClass? generated = null)
    {
        Title = title;
        Target = target;
        Replacement = replacement;
        Generated = generated;
    }

    /// <summary>The code action's title.</summary>
    public string Title { get; }

    public SyntaxNode Target { get; }

    /// <summary>The replacement node, given the generated class's final name (null when there is none).</summary>
    public Func<string?, SyntaxNode> Replacement { get; }

    public GeneratedClass? Generated { get; }

    /// <summary>
    /// Applies plans made against the same document in one edit, so Fix All can add several classes to one type:
    /// identical generated classes are shared, and names never clash with each other or with what is in scope.
    /// </summary>
    public static async Task<Document> ApplyAsync(Document document, IEnumerable<FixPlan> plans, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var shared = new Dictionary<(SyntaxNode Container, string Fingerprint), string>();
        var taken = new HashSet<(SyntaxNode Container, string Name)>();
        var added = new List<(SyntaxNode Container, MemberDeclarationSyntax Member)>();
        var replaced = new HashSet<SyntaxNode>();

        foreach (var plan in plans.OrderBy(p => p.Target.SpanStart))
        {
            if (!replaced.Add(plan.Target))
            {
                continue; // two diagnostics, one edit (a connection string local used by two clients).
            }

            string? name = null;
            if (plan.Generated is { } generated)
            {
                var key = (generated.Container, generated.Fingerprint);
                if (!shared.TryGetValue(key, out name))
                {
                    name = UniqueName(generated, model, plan.Target.SpanStart, taken);
                    shared[key] = name;
                    taken.Add((generated.Container, name));
                    added.Add((generated.Container, generated.Build(name)));
                }
            }

            editor.ReplaceNode(plan.Target, plan.Replacement(name));
        }

        var endOfLine = EndOfLine(editor.OriginalRoot);
        var fileEndsWithNewLine = editor.OriginalRoot.GetLastToken(includeZeroWidth: true, includeSkipped: true).GetPreviousToken().TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        foreach (var (container, member) in added)
        {
            // One blank line before the class, in the file's own line endings. At the end of a file, the class
            // ends the way the file did (with or without a final newline).
            var separated = member.WithLeadingTrivia(member.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(endOfLine)));
            if (container is CompilationUnitSyntax && !fileEndsWithNewLine)
            {
                separated = separated
                    .WithLeadingTrivia(separated.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(endOfLine)))
                    .WithTrailingTrivia(separated.GetTrailingTrivia().Where(t => !t.IsKind(SyntaxKind.EndOfLineTrivia)));
            }

            editor.AddMember(container, separated.WithAdditionalAnnotations(Formatter.Annotation));
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The file's line ending (<c>\n</c> when it has none yet).</summary>
    public static string EndOfLine(SyntaxNode node)
    {
        foreach (var trivia in node.SyntaxTree.GetRoot().DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString();
            }
        }

        return "\n";
    }

    private static string UniqueName(GeneratedClass generated, SemanticModel? model, int position, HashSet<(SyntaxNode, string)> taken)
    {
        // The lookup at the construction site sees the containing type's members (all partial parts, inherited ones)
        // and every type in scope, so the new name neither clashes nor shadows.
        var candidate = generated.BaseName;
        for (var i = 2; ; i++)
        {
            if (!taken.Contains((generated.Container, candidate))
                && (model is null || model.LookupSymbols(position, name: candidate).IsEmpty))
            {
                return candidate;
            }

            candidate = generated.BaseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

/// <summary>Something that can turn a diagnostic into a <see cref="FixPlan"/> for a given code action.</summary>
internal interface IFixPlanner
{
    Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, string? equivalenceKey, CancellationToken cancellationToken);
}

/// <summary>
/// Fix All for fixes that add generated classes: all plans of a document are made against the same snapshot and
/// applied in one edit (a batch merge of independent edits would add clashing classes to the same type).
/// </summary>
internal sealed class PlanFixAllProvider : DocumentBasedFixAllProvider
{
    private readonly IFixPlanner _planner;

    public PlanFixAllProvider(IFixPlanner planner) => _planner = planner;

    protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var plans = new List<FixPlan>();
        foreach (var diagnostic in diagnostics)
        {
            var plan = await _planner.PlanAsync(document, diagnostic, fixAllContext.CodeActionEquivalenceKey, fixAllContext.CancellationToken).ConfigureAwait(false);
            if (plan is not null)
            {
                plans.Add(plan);
            }
        }

        return plans.Count == 0 ? document : await FixPlan.ApplyAsync(document, plans, fixAllContext.CancellationToken).ConfigureAwait(false);
    }
}
