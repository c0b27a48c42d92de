using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// A throwaway consumer project that references the packed analyzer package from the local feed. It restores into the
/// run's shared packages folder (only the first consumer extracts anything) and compiles against the SDK stand-in:
/// 1.42.3 by default, or any version through <see cref="WithSdkStandIn"/>.
/// </summary>
public sealed class ConsumerProject
{
    private readonly PackedPackage _package;
    private readonly SortedDictionary<string, string> _properties = new(StringComparer.Ordinal);
    private string _sdkStandIn = Path.Combine(AppContext.BaseDirectory, "Microsoft.Azure.Devices.Client.dll");

    public ConsumerProject(PackedPackageFixture package, string name)
        : this(package.Package, name)
    {
    }

    public ConsumerProject(PackedPackage package, string name)
    {
        _package = package;
        ProjectName = name;
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(package.WorkDirectory, "consumers", name)).FullName;
        if (System.IO.Directory.EnumerateFileSystemEntries(Directory).Any())
        {
            throw new InvalidOperationException($"Consumer name '{name}' is used twice in this test run; give every consumer its own name.");
        }

        // Stop MSBuild from walking up into anything that is not this project.
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(Directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local-feed" value="{package.FeedDirectory}" />
                <add key="machine-cache" value="{PackedPackage.MachinePackagesDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        WriteProjectFile();
    }

    public string Directory { get; }

    public string ProjectName { get; }

    public string ProjectPath => Path.Combine(Directory, ProjectName + ".csproj");

    public ConsumerProject WithSource(string fileName, string source)
    {
        File.WriteAllText(Path.Combine(Directory, fileName), source);
        return this;
    }

    /// <summary>Writes <c>root = true</c> and a <c>[*.cs]</c> section with these lines.</summary>
    public ConsumerProject WithEditorConfig(string content)
    {
        File.WriteAllText(Path.Combine(Directory, ".editorconfig"), "root = true\n\n[*.cs]\n" + content);
        return this;
    }

    /// <summary>Sets an MSBuild property in the project file (where users set e.g. IotHubGuardAnalysisMode).</summary>
    public ConsumerProject WithProperty(string name, string value)
    {
        _properties[name] = value;
        WriteProjectFile();
        return this;
    }

    /// <summary>Compiles against the SDK stand-in at another version (e.g. "1.34.0.0", or "2.0.0.0" + "2.0.0-preview007").</summary>
    public ConsumerProject WithSdkStandIn(string assemblyVersion, string? informationalVersion = null)
    {
        _sdkStandIn = _package.SdkStandIn(assemblyVersion, informationalVersion);
        WriteProjectFile();
        return this;
    }

    /// <summary>Runs <c>dotnet format analyzers</c> for the given rule IDs over the whole project (Fix All).</summary>
    public DotNetCli.Result Format(params string[] diagnosticIds)
    {
        var arguments = new List<string> { "format", "analyzers", ProjectPath, "--severity", "info", "--diagnostics" };
        arguments.AddRange(diagnosticIds);
        return DotNetCli.Run(Directory, PackedPackage.CommandTimeout, arguments.ToArray());
    }

    /// <summary><c>dotnet build</c> (restore included) with no build servers; extra arguments go last (e.g. "-p:ErrorLog=…").</summary>
    public DotNetCli.Result Build(params string[] extraArguments)
        => DotNetCli.Run(
            Directory,
            PackedPackage.CommandTimeout,
            new[] { "build", ProjectPath, "--no-incremental", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false" }
                .Concat(extraArguments)
                .ToArray());

    private void WriteProjectFile()
    {
        var properties = string.Concat(_properties.Select(p => $"\n    <{p.Key}>{p.Value}</{p.Key}>"));
        File.WriteAllText(ProjectPath, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>disable</Nullable>
                <NoWarn>CS0618</NoWarn>
                <RestorePackagesPath>{_package.PackagesDirectory}</RestorePackagesPath>{properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="IotHubGuard.Analyzers" Version="{_package.Version}" PrivateAssets="all" />
                <PackageReference Include="MQTTnet" Version="5.2.0.1603" />
                <Reference Include="Microsoft.Azure.Devices.Client" HintPath="{_sdkStandIn}" />
              </ItemGroup>
            </Project>
            """);
    }
}
