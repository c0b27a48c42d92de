using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace IotHubGuard.Analyzers.Tests.Rules.SdkVersion;

/// <summary>
/// AZIOT401/402 read the referenced SDK assembly, so their tests compile the same device code against SDK surface
/// stand-ins built at the version (and informational version) under test.
/// </summary>
internal static class SdkVersionTestHarness
{
    public const string DeviceCode = """
        using Microsoft.Azure.Devices.Client;

        class Device
        {
            DeviceClient Connect(string connectionString) => DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
        }
        """;

    /// <summary>Runs the verifier against the SDK stand-in at <paramref name="version"/>.</summary>
    public static Task VerifyAsync<TAnalyzer>(
        string version,
        string? informationalVersion = null,
        string? editorConfig = null,
        string? globalConfig = null,
        string[]? extraSources = null,
        params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test(Libraries.None, editorConfig) { TestCode = DeviceCode };
        test.TestState.AdditionalReferences.AddRange(SdkOnly(version, informationalVersion));
        foreach (var source in extraSources ?? System.Array.Empty<string>())
        {
            test.TestState.Sources.Add(source);
        }

        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Only the SDK stand-in at a version, compiled by <see cref="TestReferences.For"/> for the framework references the verifier already has.</summary>
    private static IEnumerable<MetadataReference> SdkOnly(string version, string? informationalVersion)
        => TestReferences.For(Libraries.DeviceSdk, version, informationalVersion).Except(TestReferences.For(Libraries.None));

    /// <summary>The diagnostics of one analyzer on <see cref="DeviceCode"/>, with default options, against the SDK at a version.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string version, string? informationalVersion = null)
    {
        var compilation = CSharpCompilation.Create(
            "Device",
            new[] { CSharpSyntaxTree.ParseText(DeviceCode, path: "/Device.cs") },
            TestReferences.For(Libraries.DeviceSdk, version, informationalVersion),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
