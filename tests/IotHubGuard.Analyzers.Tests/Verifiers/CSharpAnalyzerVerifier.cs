using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace IotHubGuard.Analyzers.Tests;

/// <summary>
/// Runs one analyzer over a snippet and compares the diagnostics with the <c>{|AZIOT301:…|}</c> markup.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        => VerifyAnalyzerAsync(source, Libraries.All, editorConfig: null, expected);

    public static Task VerifyAnalyzerAsync(string source, Libraries libraries, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new Test(libraries, editorConfig) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The harness with hermetic references and an optional .editorconfig.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(Libraries libraries = Libraries.All, string? editorConfig = null)
        {
            TestSetup.Configure(TestState, libraries, editorConfig);
            ReferenceAssemblies = TestReferences.NoPackage;
        }
    }
}

/// <summary>Runs the one rule <typeparamref name="TRule"/> of a multi-rule analyzer: its other rules are disabled.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer, TRule>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TRule : IRuleUnderTest
{
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        => VerifyAnalyzerAsync(source, Libraries.All, editorConfig: null, expected);

    public static Task VerifyAnalyzerAsync(string source, Libraries libraries, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new Test(libraries, editorConfig) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The harness with hermetic references, an optional .editorconfig, and only <typeparamref name="TRule"/> enabled.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(Libraries libraries = Libraries.All, string? editorConfig = null)
        {
            TestSetup.Configure(TestState, libraries, editorConfig);
            ReferenceAssemblies = TestReferences.NoPackage;
            DisabledDiagnostics.AddRange(RuleUnderTest.OtherIds<TAnalyzer, TRule>());
        }
    }
}
