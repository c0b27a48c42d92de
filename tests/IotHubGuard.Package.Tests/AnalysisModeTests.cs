using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// Analysis modes (<c>IotHubGuardAnalysisMode</c> = Default | Strict | None, mapped by the package's build/ props to
/// the .globalconfig presets in config/) and the SARIF error log, proven on the packed nupkg. The consumer compiles
/// against an SDK stand-in of version 1.34.0, so the compilation-level AZIOT401 is part of every build.
/// </summary>
public sealed class AnalysisModeTests : IClassFixture<PackedPackageFixture>
{
    private const string OldSdkVersion = "1.34.0.0";

    // All consumers of this class are built by ONE `dotnet build` of a generated solution (ConsumerBatch): one MSBuild
    // start and one restore instead of six. The Default-mode consumer also writes the SARIF log.
    private static readonly object s_batchLock = new();
    private static IReadOnlyDictionary<string, DotNetCli.Result>? s_builds;
    private static string? s_sarifPath;

    private readonly PackedPackageFixture _package;

    public AnalysisModeTests(PackedPackageFixture package) => _package = package;

    [Fact]
    public void DefaultMode_KeepsTheCatalogueSeverities()
    {
        var build = Build("DefaultModeConsumer");

        Assert.True(build.ExitCode == 0, build.ToString());
        var lines = BuildOutput.AziotLines(build.Output);
        foreach (var id in new[] { "AZIOT301", "AZIOT302", "AZIOT303", "AZIOT401", "AZIOT501" })
        {
            Assert.Contains(lines, l => l.Contains("warning " + id, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(lines, l => l.Contains("error AZIOT", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("AZIOT502", StringComparison.Ordinal)); // Info: not a build warning.
    }

    [Fact]
    public void StrictMode_MakesEveryRuleAnError_AndFailsTheBuild()
    {
        var build = Build("StrictModeConsumer");

        Assert.True(build.ExitCode != 0, build.ToString());
        var lines = BuildOutput.AziotLines(build.Output);
        foreach (var id in new[] { "AZIOT301", "AZIOT302", "AZIOT303", "AZIOT401", "AZIOT501", "AZIOT502" })
        {
            Assert.Contains(lines, l => l.Contains("error " + id, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(lines, l => l.Contains("warning AZIOT", StringComparison.Ordinal));
    }

    [Fact]
    public void NoneMode_IsSilent()
    {
        var build = Build("NoneModeConsumer");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(BuildOutput.AziotLines(build.Output));
    }

    [Fact]
    public void UserSeverity_WinsOverTheMode()
    {
        // .editorconfig sections reach the source-located rules; AZIOT401 has no source file, so its severity is set
        // in a .globalconfig (global_level 100 by default, above the presets' -100).
        var build = Build("UserWinsConsumer");

        Assert.True(build.ExitCode != 0, build.ToString());
        var lines = BuildOutput.AziotLines(build.Output);
        Assert.Contains(lines, l => l.Contains("warning AZIOT301", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("warning AZIOT401", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("AZIOT502", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error AZIOT302", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error AZIOT501", StringComparison.Ordinal));
    }

    [Fact]
    public void UserSeverity_TurnsARuleBackOn_InNoneMode()
    {
        var build = Build("NoneButOneConsumer");

        Assert.True(build.ExitCode != 0, build.ToString());
        var lines = BuildOutput.AziotLines(build.Output);
        Assert.Contains(lines, l => l.Contains("error AZIOT501", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains("AZIOT501", l, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownMode_Warns_AndKeepsTheCatalogueSeverities()
    {
        var build = Build("TypoModeConsumer");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning IOTHUBGUARD001", build.Output, StringComparison.Ordinal);
        Assert.Contains(BuildOutput.AziotLines(build.Output), l => l.Contains("warning AZIOT301", StringComparison.Ordinal));
    }

    [Fact]
    public void ErrorLog_WritesSarif_WithTheAziotResultsAndTheirHelpLinks()
    {
        var build = Build("DefaultModeConsumer");
        var sarifPath = s_sarifPath!;

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.True(File.Exists(sarifPath), build.ToString());
        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];

        var results = run.GetProperty("results").EnumerateArray()
            .Select(r => (Id: r.GetProperty("ruleId").GetString()!, Level: r.GetProperty("level").GetString()))
            .ToArray();
        foreach (var id in new[] { "AZIOT301", "AZIOT401", "AZIOT501" })
        {
            Assert.Contains((id, "warning"), results);
        }

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.TryGetProperty("helpUri", out var uri) ? uri.GetString() : null);
        foreach (var id in results.Select(r => r.Id).Where(id => id.StartsWith("AZIOT", StringComparison.Ordinal)).Distinct())
        {
            Assert.Equal($"{Repository.Url}/blob/main/docs/rules/{id}.md", rules[id]);
        }
    }

    private DotNetCli.Result Build(string consumer)
    {
        lock (s_batchLock)
        {
            if (s_builds is null)
            {
                var batch = new ConsumerBatch(_package.Package, "AnalysisModes");
                var sarif = batch.Add(ModeConsumer("DefaultModeConsumer", "Default"));
                s_sarifPath = Path.Combine(sarif.Directory, "build.sarif");

                // The project-file form of the README's `-p:ErrorLog=build.sarif%2Cversion=2.1` (no escaping needed there).
                sarif.WithProperty("ErrorLog", s_sarifPath + ",version=2.1");
                batch.Add(ModeConsumer("StrictModeConsumer", "Strict"));
                batch.Add(ModeConsumer("NoneModeConsumer", "None"));
                batch.Add(ModeConsumer("TypoModeConsumer", "Strikt"));

                // .editorconfig sections reach the source-located rules; AZIOT401 has no source file, so its severity is
                // set in a .globalconfig (global_level 100 by default, above the presets' -100).
                batch.Add(ModeConsumer("UserWinsConsumer", "Strict")
                    .WithEditorConfig("dotnet_diagnostic.AZIOT301.severity = warning\ndotnet_diagnostic.AZIOT502.severity = none\n")
                    .WithSource(".globalconfig", "is_global = true\ndotnet_diagnostic.AZIOT401.severity = warning\n"));
                batch.Add(ModeConsumer("NoneButOneConsumer", "None")
                    .WithEditorConfig("dotnet_diagnostic.AZIOT501.severity = error\n"));
                s_builds = batch.Build();
            }

            return s_builds[consumer];
        }
    }

    /// <summary>
    /// A consumer with the keep-alive and recovery firing sources, <c>IotHubGuardAnalysisMode</c> set in its project
    /// file (where users set it), and the SDK stand-in at an old version (compiled once per run) instead of 1.42.3.
    /// </summary>
    private ConsumerProject ModeConsumer(string name, string mode)
        => _package.Consumer(name)
            .WithSource("FiringDevice.cs", ConsumerSources.Firing)
            .WithSource("RecoveryDevice.cs", ConsumerSourcesRecovery.Firing)
            .WithSource("CleanDevice.cs", ConsumerSources.Clean)
            .WithProperty("IotHubGuardAnalysisMode", mode)
            .WithSdkStandIn(OldSdkVersion);
}
