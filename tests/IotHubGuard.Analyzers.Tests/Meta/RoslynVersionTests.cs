using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers.Tests.Meta;

/// <summary>The tests run on the Roslyn they claim to: the shipping floor (4.8) here, the newest in the RoslynLatest twin.</summary>
public class RoslynVersionTests
{
    [Fact]
    public void TestsRunOnTheIntendedCompiler()
    {
        var compiler = typeof(Compilation).Assembly.GetName().Version!;
#if ROSLYN_LATEST
        Assert.True(compiler.Major >= 5, $"expected Roslyn 5.x or later, got {compiler}");
#else
        Assert.Equal(new System.Version(4, 8), new System.Version(compiler.Major, compiler.Minor));
#endif
    }

    [Fact]
    public void ShippedAnalyzers_AreBuiltAgainstRoslyn48()
    {
        var referenced = System.Linq.Enumerable.Single(
            typeof(IotHubGuardAnalyzer).Assembly.GetReferencedAssemblies(),
            a => a.Name == "Microsoft.CodeAnalysis");
        Assert.Equal(new System.Version(4, 8, 0, 0), referenced.Version);
    }
}
