using System.IO;
using System.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// Fixes work from the command line too: `dotnet format analyzers` with the packed package applies the
/// IotHubGuard code fixes (Fix All over the project), the result builds, and the fixed diagnostics are gone.
/// </summary>
public partial class PackageTests
{
    [Fact]
    public void DotnetFormat_AppliesTheFixes_AndTheResultBuildsClean()
    {
        var consumer = new ConsumerProject(_package, "FormatConsumer")
            .WithSource("FiringDevice.cs", ConsumerSources.Firing)
            .WithSource("CleanDevice.cs", ConsumerSources.Clean);
        // Consumer_SeesTheWarnings_OnlyInTheFiringFile proves these fire on the same sources; no build "before" here.
        var fixable = new[] { "AZIOT301", "AZIOT302", "AZIOT303" };

        var format = consumer.Format(fixable);
        Assert.True(format.ExitCode == 0, format.ToString());

        var fixedSource = File.ReadAllText(Path.Combine(consumer.Directory, "FiringDevice.cs"));
        Assert.Contains("KeepAliveInSeconds = 300", fixedSource, System.StringComparison.Ordinal);
        Assert.Contains("IdleTimeout = TimeSpan.FromMinutes(2)", fixedSource, System.StringComparison.Ordinal);
        Assert.Contains(".WithKeepAlivePeriod(TimeSpan.FromMinutes(5))", fixedSource, System.StringComparison.Ordinal);
        Assert.Equal(ConsumerSources.Clean, File.ReadAllText(Path.Combine(consumer.Directory, "CleanDevice.cs")));

        var after = consumer.Build();
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.DoesNotContain(AziotLines(after.Output), l => fixable.Any(id => l.Contains(id, System.StringComparison.Ordinal)));
    }
}
