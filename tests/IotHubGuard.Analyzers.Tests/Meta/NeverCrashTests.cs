using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.Analyzers.Tests.Meta;

/// <summary>
/// Half-typed code is what an IDE analyzes most of the time. Every analyzer and every fix runs over
/// seeded, deterministic breakages of the samples and the corpus and must never throw (no AD0001). The set of
/// variants is fixed (seed and count), so what is covered does not depend on the machine's speed; the fixes run on
/// the diagnostics of the broken file, the one that differs between variants.
/// </summary>
public class NeverCrashTests
{
    private const int Seed = 20261127;
    private const int VariantsPerFile = 12;

    public static IEnumerable<object[]> Corpora() => new[]
    {
        new object[] { "samples/FiringDevice" },
        new object[] { "samples/CleanDevice" },
        new object[] { "tests/ValidCode" },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task AnalyzersAndFixes_NeverThrow_OnBrokenCode(string directory)
    {
        var sources = AnalyzerRunner.SourcesUnder(directory).ToArray();
        var random = new Random(Seed);
        var failures = new List<string>();
        var variants = 0;

        foreach (var (path, text) in sources)
        {
            for (var i = 0; i < VariantsPerFile; i++)
            {
                var (mutation, broken) = Mutate(text, random);
                var libraries = random.Next(4) switch { 0 => Libraries.DeviceSdk, 1 => Libraries.MqttNet, _ => Libraries.All };
                var mutatedSources = sources.Select(s => s.Path == path ? (s.Path, broken) : s).ToArray();
                var compilation = AnalyzerRunner.Compile(mutatedSources, libraries, OutputKind.ConsoleApplication);
                var run = AnalyzerRunner.Analyze(compilation);
                variants++;

                foreach (var exception in run.AnalyzerExceptions)
                {
                    failures.Add($"{path} [{mutation}, {libraries}]: {exception}");
                }

                failures.AddRange(run.Diagnostics.Where(d => d.Id == "AD0001").Select(d => $"{path} [{mutation}]: {d}"));
                failures.AddRange(await ApplyEveryFixAsync(run, path, mutation));
            }
        }

        Assert.Equal(sources.Length * VariantsPerFile, variants);
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    private static (string Mutation, string Text) Mutate(string text, Random random)
    {
        var position = random.Next(Math.Max(1, text.Length));
        switch (random.Next(5))
        {
            case 0:
                return ($"cut at {position}", text.Substring(0, position));
            case 1:
                var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToArray();
                var token = tokens[random.Next(tokens.Length)];
                return ($"token '{token.Text}' deleted", text.Remove(token.SpanStart, token.Span.Length));
            case 2:
                var closers = Enumerable.Range(0, text.Length).Where(i => text[i] is '}' or ')' or ']').ToArray();
                if (closers.Length == 0)
                {
                    goto case 0;
                }

                var closer = closers[random.Next(closers.Length)];
                return ($"'{text[closer]}' at {closer} deleted", text.Remove(closer, 1));
            case 3:
                var garbage = new[] { "= ;", "(", "{", "new ", ".With", "TimeSpan.From", "\"", "await using" }[random.Next(8)];
                return ($"'{garbage}' inserted at {position}", text.Insert(position, garbage));
            default:
                var lines = text.Split('\n').ToList();
                var line = random.Next(lines.Count);
                lines.RemoveAt(line);
                return ($"line {line} deleted", string.Join('\n', lines));
        }
    }

    private static async Task<IEnumerable<string>> ApplyEveryFixAsync(AnalyzerRunner.Run run, string path, string mutation)
    {
        var failures = new List<string>();
        var diagnostics = run.Diagnostics
            .Where(d => d.Id.StartsWith("AZIOT", StringComparison.Ordinal) && d.Location.IsInSource && d.Location.SourceTree!.FilePath == path)
            .ToArray();
        if (diagnostics.Length == 0)
        {
            return failures;
        }

        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Broken", "Broken", LanguageNames.CSharp,
            compilationOptions: run.Compilation.Options,
            parseOptions: run.Compilation.SyntaxTrees.First().Options,
            metadataReferences: run.Compilation.References));
        var documents = new Dictionary<SyntaxTree, Document>();
        foreach (var tree in run.Compilation.SyntaxTrees)
        {
            var document = workspace.AddDocument(project.Id, tree.FilePath, SourceText.From(tree.ToString()));
            documents[tree] = document;
        }

        foreach (var diagnostic in diagnostics)
        {
            var document = workspace.CurrentSolution.GetDocument(documents[diagnostic.Location.SourceTree!].Id)!;
            foreach (var fixer in Catalogue.Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                try
                {
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
                    await fixer.RegisterCodeFixesAsync(context);
                    foreach (var action in actions)
                    {
                        await action.GetOperationsAsync(CancellationToken.None);
                    }
                }
                catch (Exception exception)
                {
                    failures.Add($"{path} [{mutation}] {fixer.GetType().Name} on {diagnostic}: {exception}");
                }
            }
        }

        return failures;
    }
}
