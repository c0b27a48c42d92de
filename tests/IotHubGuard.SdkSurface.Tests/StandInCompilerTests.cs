using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using IotHubGuard.Testing;

namespace IotHubGuard.SdkSurface.Tests;

/// <summary>
/// The compiler every stand-in shares, tested on the tiny stand-ins embedded from StandIns/ (a fresh compiler per test,
/// so no cache is shared with another test).
/// </summary>
public class StandInCompilerTests
{
    private static readonly Assembly Self = typeof(StandInCompilerTests).Assembly;

    [Fact]
    public void CompileImage_SameVersion_ReturnsTheCachedImage()
    {
        StandInCompiler compiler = Tiny();

        byte[] first = compiler.CompileImage("2.5.1");

        Assert.Same(first, compiler.CompileImage("2.5.1.0"));
        Assert.Same(first, compiler.CompileImage());
        Assert.Same(compiler.GetReference("2.5.1"), compiler.GetReference("2.5.1.0"));
        Assert.Same(compiler.Load("2.5.1"), compiler.Load());
    }

    [Fact]
    public void CompileImage_ConcurrentCallers_AllGetOneImage()
    {
        StandInCompiler compiler = Tiny();
        var images = new ConcurrentBag<byte[]>();

        Parallel.For(0, 8, _ => images.Add(compiler.CompileImage("3.0.0")));

        Assert.Single(images.Distinct());
    }

    [Fact]
    public void Load_DifferentVersions_GiveDifferentAssemblyVersions()
    {
        StandInCompiler compiler = Tiny();

        Assembly older = compiler.Load("1.0.0");
        Assembly newer = compiler.Load("2.5.1.7");

        Assert.Equal(new Version(1, 0, 0, 0), older.GetName().Version);
        Assert.Equal(new Version(2, 5, 1, 7), newer.GetName().Version);
        Assert.Equal("2.5.1.7", newer.GetCustomAttribute<AssemblyFileVersionAttribute>()!.Version);
        Assert.NotSame(compiler.CompileImage("1.0.0"), compiler.CompileImage("2.5.1.7"));
        Assert.Equal("TinyStandIn 1.0.0.0 (1.0.0)", System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(older)!.Name);
    }

    [Theory]
    [InlineData("2.5.1.7", null, "2.5.1")]
    [InlineData("2.5.1", "2.5.1-preview3+abc", "2.5.1-preview3+abc")]
    public void Load_SetsTheInformationalVersion_ByDefaultTheFirstThreeParts(string version, string? informational, string expected)
    {
        Assembly assembly = Tiny().Load(version, informational);

        Assert.Equal(expected, assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
        Assert.Equal("Tiny (test stand-in)", assembly.GetCustomAttribute<AssemblyTitleAttribute>()!.Title);
    }

    [Fact]
    public void Load_AppliesTheDescriptorsIdentity()
    {
        var unsigned = Tiny().Load().GetName();
        var signed = new StandInCompiler(
            new StandInDescriptor("TinyStandIn", "Tiny", "2.5.1.0", "Tiny (test stand-in)") { SourceAssembly = Self, PublicKey = StandInDescriptor.MicrosoftSharedPublicKey })
            .Load().GetName();

        Assert.Equal("Tiny", unsigned.Name);
        Assert.Empty(unsigned.GetPublicKeyToken()!);
        Assert.Equal("31bf3856ad364e35", Convert.ToHexString(signed.GetPublicKeyToken()!).ToLowerInvariant());
    }

    [Fact]
    public void CompileImage_StandInWithAnError_ThrowsNamingTheStandInAndTheError()
    {
        var compiler = new StandInCompiler(new StandInDescriptor("BrokenStandIn", "Broken", "1.0.0.0", "Broken (test stand-in)") { SourceAssembly = Self });

        var error = Assert.Throws<InvalidOperationException>(() => compiler.CompileImage("1.2.3"));

        Assert.Contains("The BrokenStandIn stand-in (Broken 1.2.3.0, informational '1.2.3') did not compile", error.Message, StringComparison.Ordinal);
        Assert.Contains("BrokenStandIn/Broken.cs", error.Message, StringComparison.Ordinal);
        Assert.Contains("CS0029", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompileImage_NoEmbeddedSources_ThrowsNamingTheExpectedResources()
    {
        var compiler = new StandInCompiler(new StandInDescriptor("MissingStandIn", "Missing", "1.0.0.0", "Missing") { SourceAssembly = Self });

        var error = Assert.Throws<InvalidOperationException>(() => compiler.CompileImage());

        Assert.Contains("'MissingStandIn/*.cs'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetReference_NeverCompilesAgainstAnAssemblyNamedLikeTheStandIn()
    {
        StandInCompiler compiler = Tiny();
        var lookalike = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(compiler.CompileImage("9.0.0"), filePath: "Tiny.dll");

        Assert.Same(compiler.GetReference(ReferencePack.Net), compiler.GetReference(ReferencePack.Net.Add(lookalike)));
        Assert.Throws<ArgumentException>(() => compiler.GetReference(new[] { lookalike }));
    }

    private static StandInCompiler Tiny() => new(TinyDescriptor());

    private static StandInDescriptor TinyDescriptor() =>
        new("TinyStandIn", "Tiny", "2.5.1.0", "Tiny (test stand-in)") { SourceAssembly = Self };
}
