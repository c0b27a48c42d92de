using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using IotHubGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// "The samples show every rule": the packed analyzers run in memory over each sample's sources, compiled against the
/// SDK stand-in version its project pins. Every rule with a page in docs/rules/ must fire somewhere, so a new rule
/// fails here until a sample shows it; and every Info rule must be raised in FiringDevice's .editorconfig, so that
/// `dotnet build` prints it.
/// </summary>
public sealed class SamplesTests : IClassFixture<PackedPackageFixture>
{
    private static readonly string[] s_implicitUsings =
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    private readonly PackedPackageFixture _package;

    public SamplesTests(PackedPackageFixture package) => _package = package;

    [Fact]
    public void Samples_TogetherFireEveryDocumentedRule()
    {
        var documented = Directory.GetFiles(Path.Combine(Repository.Root, "docs", "rules"), "AZIOT*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .ToHashSet(StringComparer.Ordinal);

        var fired = new[] { "FiringDevice", "OldSdkDevice", "PreviewSdkDevice" }
            .SelectMany(sample => Analyze(sample).Select(d => d.Id))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Empty(documented.Except(fired).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("OldSdkDevice", "AZIOT401")]
    [InlineData("PreviewSdkDevice", "AZIOT402")]
    public void SdkVersionSample_ShowsItsRule_AndNothingElse(string sample, string rule)
    {
        var diagnostics = Analyze(sample);

        Assert.Equal(new[] { rule }, diagnostics.Select(d => d.Id).Distinct());
        Assert.All(diagnostics, d => Assert.Equal(Location.None, d.Location));
    }

    [Fact]
    public void CleanDevice_HasNoDiagnostic()
    {
        Assert.Empty(Analyze("CleanDevice"));
    }

    [Fact]
    public void FiringDevice_EditorConfig_RaisesEveryInfoRule_SoTheCommandLineShowsIt()
    {
        var infoRules = Analyzers().SelectMany(a => a.SupportedDiagnostics)
            .Where(d => d.Id.StartsWith("AZIOT", StringComparison.Ordinal) && d.DefaultSeverity < DiagnosticSeverity.Warning)
            .Select(d => d.Id)
            .Distinct()
            .ToArray();
        var editorConfig = File.ReadAllText(Path.Combine(Repository.Root, "samples", "FiringDevice", ".editorconfig"));

        Assert.Contains("AZIOT502", infoRules);
        Assert.All(infoRules, id => Assert.Matches(@"(?m)^dotnet_diagnostic\." + id + @"\.severity\s*=\s*(warning|error)\s*$", editorConfig));
    }

    /// <summary>The AZIOT diagnostics of the packed analyzers over one sample, at every severity (Info included).</summary>
    private ImmutableArray<Diagnostic> Analyze(string sample)
    {
        var directory = Path.Combine(Repository.Root, "samples", sample);
        var pinned = Regex.Match(File.ReadAllText(Path.Combine(directory, sample + ".csproj")), "<SdkStandInVersion>([^<]+)</SdkStandInVersion>");
        var sdk = pinned.Success
            ? SdkSurface.GetReference(ReferencePack.Net, Regex.Match(pinned.Groups[1].Value, @"^\d+\.\d+\.\d+").Value + ".0", pinned.Groups[1].Value)
            : SdkSurface.GetReference(ReferencePack.Net);

        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f))
            .Append(CSharpSyntaxTree.ParseText(string.Concat(s_implicitUsings.Select(u => $"global using global::{u};\n")), parse, "GlobalUsings.g.cs"))
            .ToArray();
        var compilation = CSharpCompilation.Create(
            sample,
            trees,
            ReferencePack.Net.Add(sdk).Add(MetadataReference.CreateFromFile(typeof(MQTTnet.MqttClientOptionsBuilder).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = compilation.WithAnalyzers(Analyzers()).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001"); // no analyzer crashed
        return diagnostics.Where(d => d.Id.StartsWith("AZIOT", StringComparison.Ordinal)).ToImmutableArray();
    }

    private ImmutableArray<DiagnosticAnalyzer> Analyzers()
    {
        var nupkg = _package.PackagePath;
        Assert.True(nupkg is not null, _package.PackResult.ToString());
        var dll = Path.Combine(_package.WorkDirectory, "analyzers-from-nupkg", "IotHubGuard.Analyzers.dll");
        lock (typeof(SamplesTests))
        {
            if (!File.Exists(dll))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
                using var zip = ZipFile.OpenRead(nupkg!);
                zip.GetEntry("analyzers/dotnet/cs/IotHubGuard.Analyzers.dll")!.ExtractToFile(dll);
            }
        }

        return new AnalyzerFileReference(dll, AnalyzerLoader.Instance).GetAnalyzers(LanguageNames.CSharp);
    }

    private sealed class AnalyzerLoader : IAnalyzerAssemblyLoader
    {
        public static readonly AnalyzerLoader Instance = new();

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
