using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// The AZIOT206 fix for code that runs until it is stopped: before the client's creation, a cancellation source
/// cancelled from <c>Console.CancelKeyPress</c> and, on .NET 6+, <c>PosixSignalRegistration</c> for SIGTERM (otherwise
/// <c>AppDomain.ProcessExit</c>); the endless loop that uses the client runs while the source is not cancelled; the
/// client is closed after the loop. Both handlers cancel the default termination so the close gets to run.
/// </summary>
internal static class CloseOnShutdown
{
    private const string PosixSignalRegistration = "System.Runtime.InteropServices.PosixSignalRegistration";

    public static SyntaxNode? TryApply(SyntaxNode root, SemanticModel model, StatementSyntax creation, string client, StatementSyntax close, CancellationToken cancellationToken)
    {
        if (!ScopedStatements.IsInStatementList(creation) || FindEndlessLoop(creation, client) is not { } loop)
        {
            return null;
        }

        var scope = ScopedStatements.Scope(creation);
        var taken = new HashSet<string>(scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        string Unique(string name)
        {
            var candidate = name;
            for (var i = 2; taken.Contains(candidate) || model.LookupSymbols(creation.SpanStart, name: candidate).Length > 0; i++)
            {
                candidate = name + i;
            }

            taken.Add(candidate);
            return candidate;
        }

        var stopping = Unique("stopping");
        var args = Unique("e");
        var hasPosixSignals = model.Compilation.GetTypeByMetadataName(PosixSignalRegistration) is not null;
        var setup = new List<StatementSyntax>
        {
            ParseStatement($"var {stopping} = new CancellationTokenSource();\n"),
            ParseStatement($"Console.CancelKeyPress += (_, {args}) => {{ {args}.Cancel = true; {stopping}.Cancel(); }};\n"),
        };
        if (hasPosixSignals)
        {
            var context = Unique("context");
            setup.Add(ParseStatement($"using var {Unique("sigterm")} = PosixSignalRegistration.Create(PosixSignal.SIGTERM, {context} => {{ {context}.Cancel = true; {stopping}.Cancel(); }});\n"));
        }
        else
        {
            setup.Add(ParseStatement($"AppDomain.CurrentDomain.ProcessExit += (_, {Unique("exitArgs")}) => {stopping}.Cancel();\n"));
        }

        var closesAfter = Following(loop).Any(s => Mentions(s, client, close));
        var keepRunning = ParseExpression($"!{stopping}.IsCancellationRequested");

        var eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: (int)SyntaxKind.EndOfLineTrivia } found ? found : CarriageReturnLineFeed;
        var tracked = root.TrackNodes(creation, loop);
        var currentLoop = tracked.GetCurrentNode(loop)!;
        StatementSyntax newLoop = currentLoop switch
        {
            WhileStatementSyntax whileLoop => whileLoop.WithCondition(keepRunning),
            ForStatementSyntax forLoop => forLoop.WithCondition(keepRunning.WithLeadingTrivia(Space)),
            _ => currentLoop,
        };
        tracked = tracked.ReplaceNode(currentLoop, newLoop);
        if (!closesAfter)
        {
            var loopNow = tracked.GetCurrentNode(loop)!;
            // A blank line between the loop and the close; the line ends as the loop's did (no newline at the end of a file).
            var loopEndsLine = loopNow.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var closeAfter = close
                .WithLeadingTrivia(loopEndsLine ? TriviaList(eol) : TriviaList(eol, eol))
                .WithTrailingTrivia(loopEndsLine ? TriviaList(eol) : TriviaList());
            tracked = ScopedStatements.InsertAfter(tracked, loopNow, new[] { closeAfter });
        }

        // The creation's leading trivia (a blank line, a comment) now goes before the setup.
        var creationNow = tracked.GetCurrentNode(creation)!;
        setup[0] = setup[0].WithLeadingTrivia(creationNow.GetLeadingTrivia());
        var bareCreation = creationNow.WithLeadingTrivia(creationNow.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
        tracked = tracked.ReplaceNode(creationNow, bareCreation);
        tracked = ScopedStatements.InsertBefore(tracked, tracked.GetCurrentNode(creation)!, setup);

        var position = creation.SpanStart;
        var namespaces = new List<string>();
        AddIfMissing(model, position, "CancellationTokenSource", "System.Threading", namespaces);
        AddIfMissing(model, position, "Console", "System", namespaces);
        AddIfMissing(model, position, hasPosixSignals ? "PosixSignalRegistration" : "AppDomain", hasPosixSignals ? "System.Runtime.InteropServices" : "System", namespaces);
        return AddUsings(tracked, namespaces, eol);
    }

    /// <summary>A <c>while (true)</c> / <c>for (;;)</c> after the creation, in the same function and statement list family, that uses the client.</summary>
    private static StatementSyntax? FindEndlessLoop(StatementSyntax creation, string client)
    {
        var scope = ScopedStatements.Scope(creation);
        foreach (var node in scope.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax) || n is GlobalStatementSyntax))
        {
            if (node.SpanStart < creation.Span.End
                || node is not StatementSyntax loop
                || !IsEndless(loop)
                || !(loop.Parent is BlockSyntax || loop.Parent is GlobalStatementSyntax)
                || !loop.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == client))
            {
                continue;
            }

            return loop;
        }

        return null;
    }

    private static bool IsEndless(StatementSyntax statement)
        => statement is WhileStatementSyntax { Condition: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.TrueLiteralExpression } }
            or ForStatementSyntax { Condition: null };

    private static IEnumerable<StatementSyntax> Following(StatementSyntax statement)
        => statement.Parent switch
        {
            BlockSyntax block => block.Statements.Skip(block.Statements.IndexOf(statement) + 1),
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global =>
                unit.Members.Skip(unit.Members.IndexOf(global) + 1).OfType<GlobalStatementSyntax>().Select(g => g.Statement),
            _ => Enumerable.Empty<StatementSyntax>(),
        };

    private static bool Mentions(StatementSyntax statement, string client, StatementSyntax close)
    {
        var closeName = close.DescendantNodes().OfType<MemberAccessExpressionSyntax>().First().Name.Identifier.ValueText;
        return statement.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>()
            .Any(m => m.Expression is IdentifierNameSyntax { Identifier.ValueText: var name } && name == client
                && m.Name.Identifier.ValueText is var method && (method == closeName || method is "DisposeAsync" or "Dispose"));
    }

    private static void AddIfMissing(SemanticModel model, int position, string typeName, string ns, List<string> namespaces)
    {
        if (model.LookupNamespacesAndTypes(position, name: typeName).IsEmpty && !namespaces.Contains(ns))
        {
            namespaces.Add(ns);
        }
    }

    private static SyntaxNode AddUsings(SyntaxNode root, List<string> namespaces, SyntaxTrivia eol)
    {
        if (namespaces.Count == 0 || root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        var usings = unit.Usings;
        foreach (var ns in namespaces)
        {
            var directive = UsingDirective(ParseName(ns)).NormalizeWhitespace().WithTrailingTrivia(eol);
            var index = 0;
            while (index < usings.Count && usings[index].StaticKeyword.IsKind(SyntaxKind.None) && usings[index].Alias is null
                   && string.CompareOrdinal(usings[index].Name?.ToString(), ns) < 0)
            {
                index++;
            }

            usings = usings.Insert(index, directive.WithAdditionalAnnotations(Formatter.Annotation));
        }

        return unit.WithUsings(usings);
    }
}
