using System.Linq;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers.Tests.Meta;

/// <summary>
/// The false-positive gate (IDisposableAnalyzers' ValidCode pattern): correct device code must get zero
/// AZIOT diagnostics from every analyzer, and no analyzer may throw on it.
/// </summary>
public class ValidCodeCorpusTests
{
    [Theory]
    [InlineData("tests/ValidCode", OutputKind.DynamicallyLinkedLibrary)]
    [InlineData("samples/CleanDevice", OutputKind.ConsoleApplication)]
    public void EveryAnalyzer_IsSilent_OnValidCode(string directory, OutputKind kind)
    {
        var sources = AnalyzerRunner.SourcesUnder(directory).Where(s => !IsMqttNet4(s.Path)).ToArray();
        Assert.NotEmpty(sources);
        var compilation = AnalyzerRunner.Compile(sources, Libraries.All, kind);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var run = AnalyzerRunner.Analyze(compilation);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.Diagnostics.Where(d => d.Id.StartsWith("AZIOT", System.StringComparison.Ordinal) || d.Id == "AD0001"));
    }

    [Fact]
    public void EveryAnalyzer_IsSilent_OnValidMqttNet4Code()
    {
        var sources = AnalyzerRunner.SourcesUnder("tests/ValidCode/MqttNet4").ToArray();
        Assert.NotEmpty(sources);
        var compilation = AnalyzerRunner.Compile(sources, Libraries.AllWithMqttNet4, OutputKind.DynamicallyLinkedLibrary);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var run = AnalyzerRunner.Analyze(compilation);

        Assert.Empty(run.AnalyzerExceptions);
        Assert.Empty(run.Diagnostics.Where(d => d.Id.StartsWith("AZIOT", System.StringComparison.Ordinal) || d.Id == "AD0001"));
    }

    private static bool IsMqttNet4(string path)
        => path.Replace('\\', '/').Contains("/ValidCode/MqttNet4/", System.StringComparison.Ordinal);

    [Fact]
    public void EveryRuleWithAnAnalyzer_Fires_OnTheFiringSample()
    {
        var sources = AnalyzerRunner.SourcesUnder("samples/FiringDevice").ToArray();
        var compilation = AnalyzerRunner.Compile(sources, Libraries.All, OutputKind.ConsoleApplication);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var run = AnalyzerRunner.Analyze(compilation);

        Assert.Empty(run.AnalyzerExceptions);
        var fired = run.Diagnostics.Select(d => d.Id).ToHashSet();
        var sourceLocated = Catalogue.Descriptors.Where(d => !d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        Assert.All(sourceLocated, d => Assert.Contains(d.Id, fired));
    }
}
