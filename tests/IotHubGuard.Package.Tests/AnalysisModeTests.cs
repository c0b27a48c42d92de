using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// Analysis modes (<c>IotHubGuardAnalysisMode</c> = Default | Strict | None, mapped by the package's build/ props to
/// the .globalconfig presets in config/) and the SARIF error log, proven on the packed nupkg. The consumer compiles
/// against an SDK stand-in of version 1.34.0, so the compilation-level AZIOT401 is part of every build.
/// </summary>
public partial class PackageTests
{
    private const string OldSdkVersion = "1.34.0";
    private static readonly object s_oldSdkLock = new();

    [Fact]
    public void DefaultMode_KeepsTheCatalogueSeverities()
    {
        var build = ModeConsumer("DefaultModeConsumer", "Default").Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        var lines = AziotLines(build.Output);
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
        var build = ModeConsumer("StrictModeConsumer", "Strict").Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var lines = AziotLines(build.Output);
        foreach (var id in new[] { "AZIOT301", "AZIOT302", "AZIOT303", "AZIOT401", "AZIOT501", "AZIOT502" })
        {
            Assert.Contains(lines, l => l.Contains("error " + id, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(lines, l => l.Contains("warning AZIOT", StringComparison.Ordinal));
    }

    [Fact]
    public void NoneMode_IsSilent()
    {
        var build = ModeConsumer("NoneModeConsumer", "None").Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(AziotLines(build.Output));
    }

    [Fact]
    public void UserSeverity_WinsOverTheMode()
    {
        // .editorconfig sections reach the source-located rules; AZIOT401 has no source file, so its severity is set
        // in a .globalconfig (global_level 100 by default, above the presets' -100).
        var build = ModeConsumer("UserWinsConsumer", "Strict")
            .WithEditorConfig("dotnet_diagnostic.AZIOT301.severity = warning\ndotnet_diagnostic.AZIOT502.severity = none\n")
            .WithSource(".globalconfig", "is_global = true\ndotnet_diagnostic.AZIOT401.severity = warning\n")
            .Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var lines = AziotLines(build.Output);
        Assert.Contains(lines, l => l.Contains("warning AZIOT301", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("warning AZIOT401", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("AZIOT502", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error AZIOT302", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("error AZIOT501", StringComparison.Ordinal));
    }

    [Fact]
    public void UserSeverity_TurnsARuleBackOn_InNoneMode()
    {
        var build = ModeConsumer("NoneButOneConsumer", "None")
            .WithEditorConfig("dotnet_diagnostic.AZIOT501.severity = error\n")
            .Build();

        Assert.True(build.ExitCode != 0, build.ToString());
        var lines = AziotLines(build.Output);
        Assert.Contains(lines, l => l.Contains("error AZIOT501", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains("AZIOT501", l, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownMode_Warns_AndKeepsTheCatalogueSeverities()
    {
        var build = ModeConsumer("TypoModeConsumer", "Strikt").Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning IOTHUBGUARD001", build.Output, StringComparison.Ordinal);
        Assert.Contains(AziotLines(build.Output), l => l.Contains("warning AZIOT301", StringComparison.Ordinal));
    }

    [Fact]
    public void ErrorLog_WritesSarif_WithTheAziotResultsAndTheirHelpLinks()
    {
        var consumer = ModeConsumer("SarifConsumer", "Default");
        var sarifPath = Path.Combine(consumer.Directory, "build.sarif");

        // The comma of "path,version=2.1" is escaped (%2C): on the command line MSBuild splits -p values at commas.
        var build = DotNetCli.Run(
            consumer.Directory,
            PackedPackageFixture.CommandTimeout,
            "build", "--no-incremental", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            "-p:ErrorLog=" + sarifPath + "%2Cversion=2.1");

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
            Assert.Equal($"https://github.com/iothubguard/iothubguard/blob/main/docs/rules/{id}.md", rules[id]);
        }
    }

    /// <summary>
    /// A consumer with the keep-alive and recovery firing sources, <c>IotHubGuardAnalysisMode</c> set in its project
    /// file (where users set it), and an SDK stand-in of an old version instead of 1.42.3.
    /// </summary>
    private ConsumerProject ModeConsumer(string name, string mode)
    {
        var consumer = new ConsumerProject(_package, name)
            .WithSource("FiringDevice.cs", ConsumerSources.Firing)
            .WithSource("RecoveryDevice.cs", ConsumerSourcesRecovery.Firing)
            .WithSource("CleanDevice.cs", ConsumerSources.Clean);

        var project = Path.Combine(consumer.Directory, name + ".csproj");
        var text = File.ReadAllText(project);
        File.WriteAllText(project, text.Replace(
            "</PropertyGroup>",
            $"  <IotHubGuardAnalysisMode>{mode}</IotHubGuardAnalysisMode>\n  </PropertyGroup>",
            StringComparison.Ordinal));

        var oldSdk = OldSdk();
        return consumer.WithSource("Directory.Build.targets", $"""
            <Project>
              <ItemGroup>
                <Reference Remove="Microsoft.Azure.Devices.Client" />
                <Reference Include="Microsoft.Azure.Devices.Client" HintPath="{oldSdk}" />
              </ItemGroup>
            </Project>
            """);
    }

    /// <summary>
    /// The SDK surface stand-in built as version 1.34.0 (<c>-p:SdkSurfaceVersion</c>, as its README says), once per run,
    /// from a copy of its sources in the work folder, so the repository's own build of the surface is left alone.
    /// </summary>
    private string OldSdk()
    {
        lock (s_oldSdkLock)
        {
            var output = Path.Combine(_package.WorkDirectory, "sdk-" + OldSdkVersion);
            var dll = Path.Combine(output, "Microsoft.Azure.Devices.Client.dll");
            if (File.Exists(dll))
            {
                return dll;
            }

            var source = Path.Combine(_package.RepositoryRoot, "sdk-surface", "Microsoft.Azure.Devices.Client");
            var copy = Path.Combine(_package.WorkDirectory, "sdk-surface-" + OldSdkVersion);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                var top = relative.Split(Path.DirectorySeparatorChar)[0];
                if (top is "bin" or "obj")
                {
                    continue;
                }

                var target = Path.Combine(copy, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var build = DotNetCli.Run(
                copy,
                PackedPackageFixture.CommandTimeout,
                "build", "Microsoft.Azure.Devices.Client.Surface.csproj", "-c", "Release", "-o", output,
                "-p:SdkSurfaceVersion=" + OldSdkVersion, "--disable-build-servers", "-nodeReuse:false");
            Assert.True(build.ExitCode == 0 && File.Exists(dll), build.ToString());
            return dll;
        }
    }
}
