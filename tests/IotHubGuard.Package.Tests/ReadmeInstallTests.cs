using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// README "Install", followed as written by a new user: the pack command (run by the shared fixture, in a clean copy of
/// the repository), the nuget.config, the PackageReferences, a new console app with the README's Program.cs, then
/// `dotnet build` and `dotnet run`. Only the clone path placeholder is replaced.
/// </summary>
public sealed class ReadmeInstallTests : IClassFixture<PackedPackageFixture>
{
    private readonly PackedPackageFixture _package;

    public ReadmeInstallTests(PackedPackageFixture package) => _package = package;

    [Fact]
    public void ReadmeReferences_EveryPackage_WithTheFloatingLocalVersion()
    {
        var references = ReadmeInstall.PackageReferences;
        var floating = Repository.VersionPrefix + "-local.*";
        foreach (var id in new[] { "IotHubGuard.Analyzers", "IotHubGuard.Runtime", "IotHubGuard.Runtime.Hosting", "IotHubGuard.Runtime.Mqtt" })
        {
            Assert.Contains($"<PackageReference Include=\"{id}\" Version=\"{floating}\"", references, StringComparison.Ordinal);
        }

        Assert.Contains("Include=\"IotHubGuard.Analyzers\" Version=\"" + floating + "\" PrivateAssets=\"all\"", references, StringComparison.Ordinal);
        Assert.Contains("-o artifacts/feed", ReadmeInstall.PackBash, StringComparison.Ordinal);
        Assert.Contains(ReadmeInstall.ClonePlaceholder + "/artifacts/feed", ReadmeInstall.NuGetConfig, StringComparison.Ordinal);
    }

    [Fact]
    public void NewConsoleApp_FollowingTheReadme_RestoresTheNewestPack_WarnsAtBuild_AndReportsAtRun()
    {
        Assert.True(_package.PackResult.ExitCode == 0, _package.PackResult.ToString());

        // The user's NuGet cache is left alone: this run restores into its own packages folder, and takes third-party
        // packages (MQTTnet, Microsoft.Extensions.*) from the machine's cache instead of the network when it can.
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = _package.Package.PackagesDirectory,
            ["RestoreAdditionalProjectSources"] = PackedPackage.MachinePackagesDirectory,
        };

        var home = Directory.CreateDirectory(Path.Combine(_package.WorkDirectory, "readme-user")).FullName;
        var created = PackedPackage.RunDocumentedCommand(home, ReadmeInstall.NewConsoleApp, environment);
        Assert.True(created.ExitCode == 0, created.ToString());
        var app = Path.Combine(home, "MyDevice");

        File.WriteAllText(
            Path.Combine(app, "nuget.config"),
            ReadmeInstall.NuGetConfig.Replace(ReadmeInstall.ClonePlaceholder, _package.Package.CloneDirectory, StringComparison.Ordinal));
        var project = Path.Combine(app, "MyDevice.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", ReadmeInstall.PackageReferences + "</Project>", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeInstall.ProgramCs);

        var result = PackedPackage.RunDocumentedCommand(app, ReadmeInstall.BuildAndRun, environment);

        Assert.True(result.ExitCode == 0, result.ToString());
        var assets = File.ReadAllText(Path.Combine(app, "obj", "project.assets.json"));
        foreach (var id in new[] { "IotHubGuard.Analyzers", "IotHubGuard.Runtime", "IotHubGuard.Runtime.Hosting", "IotHubGuard.Runtime.Mqtt" })
        {
            Assert.Contains($"\"{id}/{_package.Version}\"", assets, StringComparison.Ordinal);
        }

        Assert.Contains(BuildOutput.AziotLines(result.Output), l => l.Contains("Program.cs", StringComparison.Ordinal)
            && l.Contains("warning AZIOT302", StringComparison.Ordinal)
            && l.Contains(Repository.Url + "/blob/main/docs/rules/AZIOT302.md", StringComparison.Ordinal));
        // The runtime report, printed by `dotnet run`: "  warning AZIOT302: MqttClientOptions.KeepAlivePeriod is 0, …".
        Assert.True(Regex.IsMatch(result.Output, @"(?m)^\s+warning AZIOT302: MqttClientOptions\.KeepAlivePeriod is 0\b"), result.ToString());
    }
}
