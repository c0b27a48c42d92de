using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace IotHubGuard.Analyzers.Tests;

/// <summary>
/// Applies a fix and compares the result. The harness checks the single fix, then Fix All in document,
/// project and solution scope, and that the fixed code compiles with no remaining diagnostic.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    public static Task VerifyCodeFixAsync(string source, string fixedSource, Libraries libraries = Libraries.All, string? editorConfig = null)
        => new Test(libraries, editorConfig) { TestCode = source, FixedCode = fixedSource }.RunAsync(CancellationToken.None);

    /// <summary>The harness with hermetic references and an optional .editorconfig.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(Libraries libraries = Libraries.All, string? editorConfig = null)
        {
            TestSetup.Configure(TestState, libraries, editorConfig);
            ReferenceAssemblies = TestReferences.NoPackage;
        }
    }
}

/// <summary>Applies a fix for the one rule <typeparamref name="TRule"/> of a multi-rule analyzer: its other rules are disabled.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TRule, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TRule : IRuleUnderTest
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    public static Task VerifyCodeFixAsync(string source, string fixedSource, Libraries libraries = Libraries.All, string? editorConfig = null)
        => new Test(libraries, editorConfig) { TestCode = source, FixedCode = fixedSource }.RunAsync(CancellationToken.None);

    /// <summary>The harness with hermetic references, an optional .editorconfig, and only <typeparamref name="TRule"/> enabled.</summary>
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(Libraries libraries = Libraries.All, string? editorConfig = null)
        {
            TestSetup.Configure(TestState, libraries, editorConfig);
            ReferenceAssemblies = TestReferences.NoPackage;
            DisabledDiagnostics.AddRange(RuleUnderTest.OtherIds<TAnalyzer, TRule>());
        }
    }
}
