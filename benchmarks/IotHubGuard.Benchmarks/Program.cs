using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using IotHubGuard.Benchmarks;
using IotHubGuard.Benchmarks.Generation;

// dotnet run -c Release --project benchmarks/IotHubGuard.Benchmarks -- --quick        Stopwatch table in ~2 minutes
// dotnet run -c Release --project benchmarks/IotHubGuard.Benchmarks -- --filter '*'   BenchmarkDotNet (long)
// dotnet run -c Release --project benchmarks/IotHubGuard.Benchmarks -- --dump DIR [--kind device] [--files 100]
//                                                                                    write a generated codebase to disk
if (args.Contains("--quick"))
{
    return await QuickRunner.RunAsync(args);
}

if (args.Length > 0 && args[0] == "--dump")
{
    var directory = args.Length > 1 ? args[1] : "generated";
    var kind = Enum.Parse<CodebaseKind>(Option("--kind") ?? "device", ignoreCase: true);
    var files = int.Parse(Option("--files") ?? "100", System.Globalization.CultureInfo.InvariantCulture);
    var codebase = CodebaseGenerator.Generate(kind, files);
    foreach (var file in codebase.Files)
    {
        var path = Path.Combine(directory, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, file.Text);
    }

    Console.WriteLine($"{codebase.Files.Count} files, {codebase.Lines:N0} lines written to {Path.GetFullPath(directory)}");
    Console.WriteLine("templates: " + string.Join(", ", codebase.TemplateCounts.Select(p => $"{p.Key} {p.Value}")));
    Console.WriteLine("planted: " + string.Join(", ", codebase.Planted.Select(p => $"{p.Key} {p.Value}")));
    return 0;
}

BenchmarkSwitcher.FromTypes(new[] { typeof(AnalyzerCostBenchmarks) }).Run(args);
return 0;

string? Option(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
