using System;
using System.IO;

namespace IotHubGuard.Package.Tests;

/// <summary>A throwaway consumer project that references the packed analyzer package from the local feed.</summary>
internal sealed class ConsumerProject
{
    private readonly PackedPackageFixture _package;

    public ConsumerProject(PackedPackageFixture package, string name)
    {
        _package = package;
        ProjectName = name;
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(package.WorkDirectory, name)).FullName;

        // Stop MSBuild from walking up into anything that is not this project.
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(Directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(Directory, "Directory.Packages.props"), "<Project />");

        var globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(Directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local-feed" value="{package.FeedDirectory}" />
                <add key="machine-cache" value="{globalPackages}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        var sdkStandIn = Path.Combine(AppContext.BaseDirectory, "Microsoft.Azure.Devices.Client.dll");
        File.WriteAllText(Path.Combine(Directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>disable</Nullable>
                <NoWarn>CS0618</NoWarn>
                <RestorePackagesPath>{Path.Combine(Directory, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="IotHubGuard.Analyzers" Version="{package.Version}" PrivateAssets="all" />
                <PackageReference Include="MQTTnet" Version="5.2.0.1603" />
                <Reference Include="Microsoft.Azure.Devices.Client" HintPath="{sdkStandIn}" />
              </ItemGroup>
            </Project>
            """);
    }

    public string Directory { get; }

    public string ProjectName { get; }

    public ConsumerProject WithSource(string fileName, string source)
    {
        File.WriteAllText(Path.Combine(Directory, fileName), source);
        return this;
    }

    public ConsumerProject WithEditorConfig(string content)
    {
        File.WriteAllText(Path.Combine(Directory, ".editorconfig"), "root = true\n\n[*.cs]\n" + content);
        return this;
    }

    /// <summary>Runs <c>dotnet format analyzers</c> for the given rule IDs over the whole project (Fix All).</summary>
    public DotNetCli.Result Format(params string[] diagnosticIds)
    {
        var arguments = new System.Collections.Generic.List<string> { "format", "analyzers", Path.Combine(Directory, ProjectName + ".csproj"), "--severity", "info", "--diagnostics" };
        arguments.AddRange(diagnosticIds);
        return DotNetCli.Run(Directory, PackedPackageFixture.CommandTimeout, arguments.ToArray());
    }

    public DotNetCli.Result Build()
        => DotNetCli.Run(Directory, PackedPackageFixture.CommandTimeout, "build", "--no-incremental", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false");
}
