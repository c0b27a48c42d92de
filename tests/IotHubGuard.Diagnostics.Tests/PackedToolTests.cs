using System;
using System.IO;
using System.Text.Json;

namespace IotHubGuard.Diagnostics.Tests;

/// <summary>
/// End to end, as the README tells users: pack the tool, install it from the package into a tool path, and run
/// `iothubguard diagnose` on the shipped samples. Everything lives in one temporary folder, deleted at the end.
/// </summary>
public sealed class PackedToolTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private readonly string work = Directory.CreateTempSubdirectory("iothubguard-tool-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run.
        }
    }

    [Fact]
    public void The_packed_tool_installs_and_diagnoses_the_sample_logs()
    {
        string root = ShippedSampleTests.RepositoryRoot();
        string feed = Path.Combine(work, "feed");
        string tools = Path.Combine(work, "tools");
        string version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

        // The test project's build already built the tool in this configuration: pack that build (fast) rather than build again.
        var pack = ProcessRunner.Run("dotnet", root, Limit, "pack", Path.Combine("src", "IotHubGuard.Tool", "IotHubGuard.Tool.csproj"),
            "-c", Configuration, "--no-build", "-o", feed, "-p:PackageVersion=" + version, "--disable-build-servers", "-nodeReuse:false");
        Assert.True(pack.Exit == 0, pack.Stdout + pack.Stderr);
        Assert.True(File.Exists(Path.Combine(feed, "IotHubGuard.Tool." + version + ".nupkg")));

        var install = ProcessRunner.Run("dotnet", work, Limit, "tool", "install", "IotHubGuard.Tool", "--version", version,
            "--tool-path", tools, "--add-source", feed);
        Assert.True(install.Exit == 0, install.Stdout + install.Stderr);

        string command = Path.Combine(tools, OperatingSystem.IsWindows() ? "iothubguard.exe" : "iothubguard");
        var versionRun = ProcessRunner.Run(command, work, Limit, "--version");
        Assert.Equal(typeof(IotHubGuard.Tool.ExitCodes).Assembly.GetName().Version!.ToString(3), versionRun.Stdout.Trim());

        string html = Path.Combine(work, "report.html");
        var diagnose = ProcessRunner.Run(command, work, Limit, "diagnose", Path.Combine(root, "samples", "diagnose", "loganalytics"), "--format", "json", "--html", html);

        Assert.True(diagnose.Exit == 1, diagnose.Stdout + diagnose.Stderr);
        using JsonDocument report = JsonDocument.Parse(diagnose.Stdout);
        JsonElement top = report.RootElement.GetProperty("causes")[0];
        Assert.Equal("SasTokenExpired", top.GetProperty("cause").GetString());
        Assert.Equal("AZIOT101", top.GetProperty("rules")[0].GetString());
        Assert.Contains("<svg", File.ReadAllText(html));
    }
}
