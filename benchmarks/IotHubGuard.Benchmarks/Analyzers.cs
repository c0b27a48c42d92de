using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Benchmarks;

/// <summary>The analyzer sets the scenarios run.</summary>
public static class Analyzers
{
    /// <summary>The rule CA2000 reports.</summary>
    public const string Ca2000 = "CA2000";

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_aziot = new(DiscoverAziot);
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_netAnalyzers = new(LoadNetAnalyzers);
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_ca2000 = new(() => FindCa2000(s_netAnalyzers.Value));
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> s_sdkDefaultsAndAziot = new(() => s_netAnalyzers.Value.AddRange(s_aziot.Value));

    /// <summary>
    /// Every concrete <see cref="DiagnosticAnalyzer"/> with a <see cref="DiagnosticAnalyzerAttribute"/> for C# in the
    /// IotHubGuard.Analyzers assembly, found by reflection: rules merged later are picked up without touching this file.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> Aziot => s_aziot.Value;

    /// <summary>The analyzer(s) in Microsoft.CodeAnalysis.NetAnalyzers that report CA2000, loaded from the package.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Ca2000Analyzers => s_ca2000.Value;

    /// <summary>
    /// Every C# analyzer in Microsoft.CodeAnalysis.NetAnalyzers at its default severity: roughly what an SDK-style project
    /// runs in every build (EnableNETAnalyzers and AnalysisMode=Default), the setting AZIOT is added to in practice.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> SdkDefaults => s_netAnalyzers.Value;

    /// <summary><see cref="SdkDefaults"/> plus every AZIOT analyzer.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> SdkDefaultsAndAziot => s_sdkDefaultsAndAziot.Value;

    /// <summary>
    /// Registers empty operation actions for the operation kinds the AZIOT rules use: what asking for IOperation trees costs
    /// by itself (the driver binds every method body again for its semantic model and builds the operation trees), before
    /// any rule logic runs.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> OperationBaseline { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyOperationAnalyzer());

    /// <summary>
    /// Registers empty syntax-node actions on invocations and simple assignments: the price of a syntax-first pre-filter
    /// (what the AZIOT rules would pay if they checked member names before asking for operations).
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> SyntaxBaseline { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptySyntaxAnalyzer());

    /// <summary>Registers nothing: the analyzer-driver baseline (roslyn-analyzers' PerformanceTests use the same).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Empty { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());

    /// <summary>The AZIOT analyzers of another build of IotHubGuard.Analyzers.dll (<c>--before PATH</c>), loaded in a context of their own.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AziotBefore { get; private set; } = ImmutableArray<DiagnosticAnalyzer>.Empty;

    /// <summary><see cref="SdkDefaults"/> plus <see cref="AziotBefore"/>.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> SdkDefaultsAndAziotBefore => SdkDefaults.AddRange(AziotBefore);

    /// <summary>Where <see cref="AziotBefore"/> came from, or null.</summary>
    public static string? BeforePath { get; private set; }

    /// <summary>Loads the "before" analyzers from <paramref name="path"/> (an IotHubGuard.Analyzers.dll built from another commit).</summary>
    public static void UseBefore(string path)
    {
        BeforePath = Path.GetFullPath(path);
        var reference = new AnalyzerFileReference(BeforePath, new IsolatedLoader());
        AziotBefore = reference.GetAnalyzers(LanguageNames.CSharp);
        if (AziotBefore.IsEmpty)
        {
            throw new InvalidOperationException($"No C# analyzer in {BeforePath}.");
        }
    }

    /// <summary>The IotHubGuard.Analyzers assembly.</summary>
    public static Assembly AziotAssembly => typeof(IotHubGuardAnalyzer).Assembly;

    /// <summary>Where the NetAnalyzers DLLs were found.</summary>
    public static string NetAnalyzersDirectory => FindNetAnalyzersDirectory();

    /// <summary>The version of Microsoft.CodeAnalysis.NetAnalyzers, from the package folder or the DLL.</summary>
    public static string NetAnalyzersVersion
    {
        get
        {
            var assembly = Ca2000Analyzers.FirstOrDefault()?.GetType().Assembly;
            var informational = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            return informational is null ? "?" : informational.Split('+')[0];
        }
    }

    /// <summary>The Roslyn (Microsoft.CodeAnalysis) version NetAnalyzers was compiled against.</summary>
    public static string NetAnalyzersRoslynReference =>
        Ca2000Analyzers.FirstOrDefault()?.GetType().Assembly.GetReferencedAssemblies()
            .FirstOrDefault(a => a.Name == "Microsoft.CodeAnalysis")?.Version?.ToString() ?? "?";

    private static ImmutableArray<DiagnosticAnalyzer> DiscoverAziot()
    {
        Type[] types;
        try
        {
            types = AziotAssembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types.Where(t => t is not null).ToArray()!;
        }

        var analyzers = types
            .Where(t => t.IsClass && !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"No C# DiagnosticAnalyzer found in {AziotAssembly.Location}.");
        }

        return analyzers;
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadNetAnalyzers()
    {
        var directory = FindNetAnalyzersDirectory();
        var loader = new LoadFromLoader();
        var analyzers = Directory.GetFiles(directory, "*.dll")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(path => new AnalyzerFileReference(path, loader))
            .SelectMany(reference => reference.GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"No C# analyzer in {directory}.");
        }

        return analyzers;
    }

    private static ImmutableArray<DiagnosticAnalyzer> FindCa2000(ImmutableArray<DiagnosticAnalyzer> netAnalyzers)
    {
        var analyzers = netAnalyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == Ca2000)).ToImmutableArray();
        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"No analyzer reporting {Ca2000} in {FindNetAnalyzersDirectory()}.");
        }

        return analyzers;
    }

    private static string FindNetAnalyzersDirectory()
    {
        // Copied next to the benchmark by the project file; BenchmarkDotNet's host build gets the same copy. As a fallback,
        // the package folder recorded at build time.
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "NetAnalyzers") };
        var local = Path.GetDirectoryName(typeof(Analyzers).Assembly.Location);
        if (!string.IsNullOrEmpty(local))
        {
            candidates.Add(Path.Combine(local, "NetAnalyzers"));
        }

        var package = typeof(Analyzers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NetAnalyzersPackage")?.Value;
        if (!string.IsNullOrEmpty(package))
        {
            candidates.Add(Path.Combine(package, "analyzers", "dotnet", "cs"));
        }

        return candidates.FirstOrDefault(d => Directory.Exists(d) && Directory.GetFiles(d, "*.dll").Length > 0)
            ?? throw new DirectoryNotFoundException("Microsoft.CodeAnalysis.NetAnalyzers not found in: " + string.Join(", ", candidates));
    }

    private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        // The default load context: NetAnalyzers binds to the Roslyn already loaded (newer than the one it was built against).
        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}

/// <summary>
/// Loads an assembly that has the same name as one already loaded (IotHubGuard.Analyzers of another commit) into a
/// load context of its own; Roslyn itself still comes from the default context.
/// </summary>
internal sealed class IsolatedLoader : IAnalyzerAssemblyLoader
{
    private readonly System.Runtime.Loader.AssemblyLoadContext _context = new("IotHubGuard.Before");

    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);
}

/// <summary>An analyzer that registers no action: what the analyzer driver costs by itself.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_never = new(
        "EMPTY0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}

/// <summary>Empty operation actions on the kinds the AZIOT rules register (invocations and simple assignments).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_never = new(
        "EMPTY0002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.SimpleAssignment);
    }
}

/// <summary>Empty syntax-node actions on invocations and simple assignments.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptySyntaxAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_never = new(
        "EMPTY0003", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            static _ => { },
            Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression,
            Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression);
    }
}
