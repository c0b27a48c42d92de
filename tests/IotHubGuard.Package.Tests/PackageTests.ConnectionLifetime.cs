using System.Linq;

namespace IotHubGuard.Package.Tests;

public partial class PackageTests
{
    [Fact]
    public void Consumer_SeesTheConnectionLifetimeRules_AndAnErrorFailsTheBuild()
    {
        var build = new ConsumerProject(_package, "LifetimeConsumer")
            .WithSource("LifetimeMistakes.cs", ConsumerSourcesConnectionLifetime.Firing)
            .WithSource("CleanUplink.cs", ConsumerSourcesConnectionLifetime.Clean)
            .WithEditorConfig("dotnet_diagnostic.AZIOT205.severity = error\n")
            .Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var diagnostics = AziotLines(build.Output);
        foreach (var id in new[] { "AZIOT201", "AZIOT202", "AZIOT203", "AZIOT204" })
        {
            Assert.Contains(diagnostics, l => l.Contains("warning " + id, System.StringComparison.Ordinal));
        }

        Assert.Contains(diagnostics, l => l.Contains("error AZIOT205", System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("docs/rules/AZIOT203.md", System.StringComparison.Ordinal));
        Assert.All(
            diagnostics.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"AZIOT2\d\d")),
            l => Assert.Contains("LifetimeMistakes.cs", l, System.StringComparison.Ordinal));
    }
}
