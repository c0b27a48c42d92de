using System;
using System.Linq;

namespace IotHubGuard.Package.Tests;

public partial class PackageTests
{
    [Fact]
    public void Consumer_SeesTheAuthenticationWarnings_OnlyInTheFiringFile()
    {
        var diagnostics = FamiliesLines("FixedTokens.cs");

        Assert.Equal(2, diagnostics.Count(l => l.Contains("warning AZIOT101", StringComparison.Ordinal)));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT102", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT103", StringComparison.Ordinal));
        Assert.Empty(FamiliesLines("RenewingTokens.cs"));
        Assert.Contains(diagnostics, l => l.Contains(Repository.Url + "/blob/main/docs/rules/AZIOT101.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_SasLifetimeOption_AndSeverity_ReachTheAnalyzers()
    {
        var diagnostics = FamiliesLines("FixedTokensOption.cs");

        Assert.True(FamiliesBuild().ExitCode != 0, FamiliesBuild().ToString());
        Assert.Contains(diagnostics, l => l.Contains("error AZIOT101", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, l => l.Contains("AZIOT102", StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT103", StringComparison.Ordinal));
    }
}
