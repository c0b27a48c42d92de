using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using IotHubGuard.Analyzers.Tests.Meta;
using IotHubGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.Analyzers.Tests.Rules.Authentication;

/// <summary>
/// The AZIOT1xx fixes on realistic code: every fix offered on samples/FiringDevice is applied, one after the
/// other, and the sample must still compile — with no AZIOT1xx left except where no fix exists by design.
/// </summary>
public class AuthenticationFixesOnSampleTests
{
    private static readonly DiagnosticAnalyzer[] Analyzers =
    {
        new FixedSasTokenAnalyzer(),
        new SasLifetimeOutOfRangeAnalyzer(),
        new MqttFixedPasswordAnalyzer(),
    };

    private static readonly CodeFixProvider[] Fixers =
    {
        new FixedSasTokenFixer(),
        new SasLifetimeOutOfRangeFixer(),
        new MqttFixedPasswordFixer(),
    };

    [Fact]
    public async Task EveryFixOnTheFiringSample_KeepsItCompiling()
    {
        var sources = AnalyzerRunner.SourcesUnder("samples/FiringDevice").ToArray();
        var initial = AnalyzerRunner.Compile(sources, Libraries.All, OutputKind.ConsoleApplication);
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "FiringDevice", "FiringDevice", LanguageNames.CSharp,
            compilationOptions: initial.Options,
            parseOptions: initial.SyntaxTrees.First().Options,
            metadataReferences: initial.References));
        foreach (var tree in initial.SyntaxTrees)
        {
            project = project.AddDocument(tree.FilePath, SourceText.From(tree.ToString()), filePath: tree.FilePath).Project;
        }

        var solution = project.Solution;
        var applied = new List<string>();
        for (var round = 0; round < 50; round++)
        {
            var current = solution.GetProject(project.Id)!;
            var compilation = (await current.GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(Analyzers.ToImmutableArray()).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            CodeAction? action = null;
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var document = current.GetDocument(diagnostic.Location.SourceTree)!;
                var actions = new List<CodeAction>();
                foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                }

                if (actions.Count > 0)
                {
                    action = actions[0];
                    applied.Add(diagnostic.Id + ": " + action.Title);
                    break;
                }
            }

            if (action is null)
            {
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
                Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())) + "\n\nafter:\n" + string.Join("\n", applied));

                // What is left has no fix by design: the literal SAS connection string.
                var left = diagnostics.Where(d => d.Id.StartsWith("AZIOT10", StringComparison.Ordinal)).ToArray();
                Assert.Single(left);
                Assert.Contains("CreateFromConnectionString", left[0].GetMessage(), StringComparison.Ordinal);
                Assert.Equal(8, applied.Count);
                return;
            }

            var operations = await action.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        Assert.Fail("fixes did not converge:\n" + string.Join("\n", applied));
    }
}
