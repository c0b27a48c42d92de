using Microsoft.CodeAnalysis.Testing;

namespace IotHubGuard.Analyzers.Tests;

internal static class TestSetup
{
    public static void Configure(SolutionState state, Libraries libraries, string? editorConfig)
    {
        state.AdditionalReferences.AddRange(TestReferences.For(libraries));
        if (editorConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }
    }
}
