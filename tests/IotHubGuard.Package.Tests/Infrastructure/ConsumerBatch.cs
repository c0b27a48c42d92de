using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// Builds several consumer projects with ONE `dotnet build` of a generated solution: one MSBuild start, one restore,
/// the projects compiled in parallel. Each consumer's result holds the output lines that name its project, and its
/// exit code is 1 when any of them is an error. Use it when one test class needs several consumers anyway.
/// </summary>
public sealed class ConsumerBatch
{
    private readonly PackedPackage _package;
    private readonly string _name;
    private readonly List<ConsumerProject> _consumers = new();

    public ConsumerBatch(PackedPackage package, string name)
    {
        _package = package;
        _name = name;
    }

    public ConsumerProject Add(ConsumerProject consumer)
    {
        _consumers.Add(consumer);
        return consumer;
    }

    /// <summary>Builds every consumer added so far; the results are keyed by project name.</summary>
    public IReadOnlyDictionary<string, DotNetCli.Result> Build()
    {
        var directory = Directory.CreateDirectory(Path.Combine(_package.WorkDirectory, "batches")).FullName;
        var solution = Path.Combine(directory, _name + ".slnx");
        File.WriteAllText(
            solution,
            "<Solution>\n" + string.Concat(_consumers.Select(c => $"  <Project Path=\"{c.ProjectPath}\" />\n")) + "</Solution>\n");

        var build = DotNetCli.Run(
            directory,
            PackedPackage.CommandTimeout,
            "build", solution, "--no-incremental", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false");

        var lines = build.Output.Split('\n');
        if (build.ExitCode != 0 && !lines.Any(l => l.Contains(": error ", StringComparison.Ordinal) && _consumers.Any(c => l.Contains(c.ProjectPath, StringComparison.Ordinal))))
        {
            // The build failed before any project reported (restore, solution): every consumer gets the whole output.
            return _consumers.ToDictionary(c => c.ProjectName, _ => build, StringComparer.Ordinal);
        }

        return _consumers.ToDictionary(
            c => c.ProjectName,
            c =>
            {
                var own = lines.Where(l => l.Contains(c.ProjectPath, StringComparison.Ordinal)).ToArray();
                var failed = own.Any(l => l.Contains(": error ", StringComparison.Ordinal));
                return new DotNetCli.Result(failed ? 1 : 0, string.Join('\n', own) + (failed ? string.Empty : "\n") + $"(batch build exit {build.ExitCode})");
            },
            StringComparer.Ordinal);
    }
}
