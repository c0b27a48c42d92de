using System.Linq;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers.Tests.Meta;

/// <summary>
/// samples/IotDeviceSdkDevice, as the sample project builds it (both SDK stand-ins and MQTTnet referenced): every
/// analyzer is silent on the recommended Program.cs, and Firing.cs gets exactly the rules that apply to the new SDK, one per member.
/// </summary>
public class IotDeviceSampleTests
{
    [Fact]
    public void RecommendedShapeIsSilent_AndFiringFileGetsExactly201_501_301_302()
    {
        var sources = AnalyzerRunner.SourcesUnder("samples/IotDeviceSdkDevice").ToArray();
        Assert.Equal(2, sources.Length);
        var compilation = AnalyzerRunner.Compile(sources, Libraries.All | Libraries.IotDevice, OutputKind.ConsoleApplication);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var run = AnalyzerRunner.Analyze(compilation);

        Assert.Empty(run.AnalyzerExceptions);
        var found = run.Diagnostics
            .Where(d => d.Id.StartsWith("AZIOT", System.StringComparison.Ordinal) || d.Id == "AD0001")
            .Select(d => $"{System.IO.Path.GetFileName(d.Location.SourceTree?.FilePath)}:{d.Location.GetLineSpan().StartLinePosition.Line + 1} {d.Id}")
            .OrderBy(s => s, System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(
            new[] { "Firing.cs:15 AZIOT501", "Firing.cs:21 AZIOT501", "Firing.cs:25 AZIOT301", "Firing.cs:28 AZIOT302", "Firing.cs:33 AZIOT201" },
            found);
    }
}
