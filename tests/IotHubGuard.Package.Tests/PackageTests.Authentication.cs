using System.Linq;

namespace IotHubGuard.Package.Tests;

public partial class PackageTests
{
    [Fact]
    public void Consumer_SeesTheAuthenticationWarnings_OnlyInTheFiringFile()
    {
        var build = new ConsumerProject(_package, "AuthenticationConsumer")
            .WithSource("FixedTokens.cs", ConsumerSourcesAuthentication.Firing)
            .WithSource("RenewingTokens.cs", ConsumerSourcesAuthentication.Clean)
            .Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        var diagnostics = AziotLines(build.Output);
        Assert.Equal(2, diagnostics.Count(l => l.Contains("warning AZIOT101", System.StringComparison.Ordinal)));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT102", System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT103", System.StringComparison.Ordinal));
        Assert.All(diagnostics, l => Assert.Contains("FixedTokens.cs", l, System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("docs/rules/AZIOT101.md", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_SasLifetimeOption_AndSeverity_ReachTheAnalyzers()
    {
        var build = new ConsumerProject(_package, "AuthenticationOptionConsumer")
            .WithSource("FixedTokens.cs", ConsumerSourcesAuthentication.Firing)
            .WithEditorConfig("azure_iot.sas_ttl_min_seconds = 60\ndotnet_diagnostic.AZIOT101.severity = error\n")
            .Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var diagnostics = AziotLines(build.Output);
        Assert.Contains(diagnostics, l => l.Contains("error AZIOT101", System.StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, l => l.Contains("AZIOT102", System.StringComparison.Ordinal));
        Assert.Contains(diagnostics, l => l.Contains("warning AZIOT103", System.StringComparison.Ordinal));
    }
}
