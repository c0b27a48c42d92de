using System;
using System.Linq;

namespace IotHubGuard.Package.Tests;

public partial class PackageTests
{
    [Fact]
    public void Consumer_SeesTheConnectionLifetimeRules_AndAnErrorFailsTheBuild()
    {
        var diagnostics = FamiliesLines("LifetimeMistakes.cs");

        Assert.True(FamiliesBuild().ExitCode != 0, FamiliesBuild().ToString());
        foreach (var id in new[] { "AZIOT201", "AZIOT202", "AZIOT203", "AZIOT204" })
        {
            Assert.Contains(diagnostics, l => l.Contains("warning " + id, StringComparison.Ordinal));
        }

        Assert.Contains(diagnostics, l => l.Contains("error AZIOT205", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("docs/rules/AZIOT203.md", StringComparison.Ordinal));
        Assert.Empty(FamiliesLines("CleanUplink.cs"));
    }
}
