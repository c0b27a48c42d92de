using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using IotHubGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers.Tests.Meta;

/// <summary>Everything the package ships, found by reflection so a new rule cannot dodge the meta tests.</summary>
internal static class Catalogue
{
    public static IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; } = typeof(IotHubGuardAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToArray();

    public static IReadOnlyList<CodeFixProvider> Fixers { get; } = typeof(ReplaceValueFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToArray();

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = typeof(IotHubGuardAnalyzer).Assembly
        .GetType("IotHubGuard.Analyzers.Descriptors", throwOnError: true)!
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToArray();

    public static string RepositoryRoot { get; } = FindRoot();

    public static IEnumerable<object[]> DescriptorIds() => Descriptors.Select(d => new object[] { d.Id });

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
