using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using IotHubGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IotHubGuard.SdkSurface.Tests;

/// <summary>Compiles C# snippets against the SDK surface and runs them.</summary>
internal static class SurfaceHarness
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    public static CSharpCompilation CompileSnippet(string code, string assemblyVersion = IotHubGuard.Testing.SdkSurface.DefaultAssemblyVersion)
    {
        var references = IotHubGuard.Testing.SdkSurface.RuntimeReferences
            .Append(IotHubGuard.Testing.SdkSurface.GetReference(assemblyVersion));
        return CSharpCompilation.Create(
            "Snippet_" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(code, s_parseOptions, path: "Snippet.cs") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
    }

    public static IReadOnlyList<Diagnostic> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>
    /// Compiles <paramref name="code"/> (which must declare <c>public static class Probe { public static object Run() }</c>),
    /// loads it with a fresh copy of the surface into a collectible context, and returns what Run returns.
    /// </summary>
    public static object? Run(string code)
    {
        CSharpCompilation compilation = CompileSnippet(code);
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));

        var context = new AssemblyLoadContext("SurfaceHarness " + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            Assembly surface = context.LoadFromStream(new MemoryStream(IotHubGuard.Testing.SdkSurface.CompileImage()));
            context.Resolving += (_, name) => name.Name == IotHubGuard.Testing.SdkSurface.AssemblyName ? surface : null;
            pe.Position = 0;
            Assembly snippet = context.LoadFromStream(pe);
            MethodInfo run = snippet.GetType("Probe", throwOnError: true)!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
            return run.Invoke(null, null);
        }
        finally
        {
            context.Unload();
        }
    }
}
