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

    public GeneratedClass(SyntaxNode container, ImmutableArray<string> names, Func<string, MemberDeclarationSyntax> build)
    {
        Container = container;
        Names = names;
        Build = build;
    }

    /// <summary>A <see cref="TypeDeclarationSyntax"/> or the <see cref="CompilationUnitSyntax"/>, in the original tree.</summary>
    public SyntaxNode Container { get; }

    /// <summary>The names to try, best first (see <see cref="GeneratedClassNames"/>); the first gets a number when all are taken.</summary>
    public ImmutableArray<string> Names { get; }

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
        var stillNamed = new HashSet<string>(System.StringComparer.Ordinal);

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

            var replacement = plan.Replacement(name);
            editor.ReplaceNode(plan.Target, replacement);
            stillNamed.UnionWith(replacement.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText));
        }

        if (model is not null)
        {
            RemoveDeadLocals(editor, model, replaced, stillNamed, cancellationToken);
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

    /// <summary>
    /// Removes what the fix made dead: the <c>var token = await tokens.GetSasAsync(…);</c> the generated class now makes
    /// on every renewal (an extra network call), the <c>SharedAccessSignatureBuilder</c> block the key-based
    /// authentication replaces (which would still raise AZIOT102), and so on: a local of a single-variable declaration
    /// whose every read was in a replaced or removed node, and that no replacement names. Comment lines above stay.
    /// </summary>
    private static void RemoveDeadLocals(DocumentEditor editor, SemanticModel model, HashSet<SyntaxNode> replaced, HashSet<string> stillNamed, CancellationToken cancellationToken)
    {
        var gone = new List<SyntaxNode>(replaced);
        var removed = new HashSet<SyntaxNode>();
        var pending = new Queue<SyntaxNode>(replaced);
        while (pending.Count > 0)
        {
            var node = pending.Dequeue();
            foreach (var name in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (stillNamed.Contains(name.Identifier.ValueText)
                    || model.GetSymbolInfo(name, cancellationToken).Symbol is not ILocalSymbol { IsConst: false, IsRef: false } local
                    || local.DeclaringSyntaxReferences.Length != 1
                    || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax
                    {
                        Initializer: not null,
                        Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, AwaitKeyword.RawKind: 0 } statement },
                    }
                    || statement.Parent is not BlockSyntax scope
                    || gone.Contains(statement))
                {
                    continue;
                }

                var reads = scope.DescendantNodes().OfType<IdentifierNameSyntax>()
                    .Where(n => n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, local));
                if (reads.All(r => gone.Any(g => g.Span.Contains(r.Span))))
                {
                    var hasComment = statement.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
                    editor.RemoveNode(statement, hasComment ? SyntaxRemoveOptions.KeepLeadingTrivia | SyntaxRemoveOptions.AddElasticMarker : SyntaxRemoveOptions.KeepNoTrivia);
                    gone.Add(statement);
                    removed.Add(statement);
                    pending.Enqueue(statement);
                }
            }
        }

        // A block that now starts with what was a blank line between the removed statements and the rest: no blank line after '{'.
        foreach (var block in removed.Select(r => r.Parent).OfType<BlockSyntax>().Distinct())
        {
            var first = block.Statements.FirstOrDefault(st => !removed.Contains(st));
            if (first is not null
                && block.Statements.TakeWhile(st => st != first).All(removed.Contains)
                && first.GetLeadingTrivia().FirstOrDefault().IsKind(SyntaxKind.EndOfLineTrivia))
            {
                editor.ReplaceNode(first, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia))));
            }
        }
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
        foreach (var name in generated.Names)
        {
            if (IsFree(name))
            {
                return name;
            }
        }

        for (var i = 2; ; i++)
        {
            var candidate = generated.Names[0] + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsFree(candidate))
            {
                return candidate;
            }
        }

        bool IsFree(string candidate)
            => !taken.Contains((generated.Container, candidate))
            && (model is null || model.LookupSymbols(position, name: candidate).IsEmpty);
    }
}

/// <summary>Something that can turn a diagnostic into a <see cref="FixPlan"/> for a given code action.</summary>
internal interface IFixPlanner
{
    Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, string? equivalenceKey, CancellationToken cancellationToken);
}

/// <summary>
/// Fix All for fixes that add generated classes: all plans of a document are made against the same snapshot and
/// applied in one edit (one after the other would add a second, renamed copy of a class the first already added).
/// Each diagnostic gets the first of the keys (the preferred one first) that has a plan for it.
/// </summary>
internal static class PlanBatch
{
    public static async Task<Document> FixAllAsync(
        IFixPlanner planner,
        IReadOnlyList<string> keys,
        Document document,
        ImmutableArray<Diagnostic> diagnostics,
        string? preferredKey,
        CancellationToken cancellationToken)
    {
        var order = preferredKey is null ? keys : new[] { preferredKey }.Concat(keys.Where(k => k != preferredKey)).ToList();
        var plans = new List<FixPlan>();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var key in order)
            {
                if (await planner.PlanAsync(document, diagnostic, key, cancellationToken).ConfigureAwait(false) is { } plan)
                {
                    plans.Add(plan);
                    break;
                }
            }
        }

        return plans.Count == 0 ? document : await FixPlan.ApplyAsync(document, plans, cancellationToken).ConfigureAwait(false);
    }
}
