using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;

namespace IotHubGuard.Package.Tests;

/// <summary>Runs the dotnet CLI with a hard time limit and no build servers left behind.</summary>
public static class DotNetCli
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    /// <summary>Runs <c>dotnet</c> with these arguments; reports start and end to <see cref="Progress"/>.</summary>
    public static Result Run(string workingDirectory, TimeSpan timeout, params string[] arguments)
        => RunProcess("dotnet", workingDirectory, timeout, environment: null, arguments);

    /// <summary>
    /// Runs any program (e.g. <c>bash -c</c> for a documented command line) with the same clean build environment,
    /// extra environment variables and a hard time limit.
    /// </summary>
    public static Result RunProcess(string fileName, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host sets MSBuild variables for its own build; a child build must not inherit them.
        foreach (var key in start.Environment.Keys.Where(IsInheritedBuildVariable).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var what = Describe(fileName, workingDirectory, arguments);
        Progress.Report("start  " + what);
        var clock = Stopwatch.StartNew();

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Progress.Report($"TIMEOUT after {clock.Elapsed.TotalSeconds:0} s: {what}");
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {timeout}:\n{output}");
        }

        process.WaitForExit();
        Progress.Report($"done   {what} (exit {process.ExitCode}, {clock.Elapsed.TotalSeconds:0.0} s)");
        return new Result(process.ExitCode, output.ToString());
    }

    private static string Describe(string fileName, string workingDirectory, string[] arguments)
    {
        // "dotnet build" in WarnConsumer; a long bash script is named by its first line only.
        var first = (fileName == "dotnet" ? arguments.FirstOrDefault(a => !a.StartsWith('-')) : arguments.LastOrDefault()) ?? string.Empty;
        first = first.Split('\n').FirstOrDefault(l => l.Trim().Length > 0 && !l.StartsWith('$'))?.Trim() ?? string.Empty;
        if (first.Length > 60)
        {
            first = first[..57] + "...";
        }

        return $"{System.IO.Path.GetFileName(fileName)} {first} in {System.IO.Path.GetFileName(workingDirectory.TrimEnd('/', '\\'))}";
    }

    private static bool IsInheritedBuildVariable(string key)
        => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("MSBUILD", StringComparison.Ordinal)
        || key is "DOTNET_HOST_PATH" or "VSTEST_HOST_DEBUG";

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
