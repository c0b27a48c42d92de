using System;
using System.IO;
using System.Linq;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// Packs IotHubGuard.Analyzers once, with a version unique to this run, into a temporary folder feed.
/// Everything it creates lives under one temporary directory that is deleted at the end.
/// </summary>
public sealed class PackedPackageFixture : IDisposable
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    public PackedPackageFixture()
    {
        RepositoryRoot = FindRoot();
        WorkDirectory = Directory.CreateTempSubdirectory("iothubguard-package-").FullName;
        FeedDirectory = Directory.CreateDirectory(Path.Combine(WorkDirectory, "feed")).FullName;
        Version = "0.0.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");

        var project = Path.Combine(RepositoryRoot, "src", "IotHubGuard.Analyzers.Package", "IotHubGuard.Analyzers.Package.csproj");
        PackResult = DotNetCli.Run(
            RepositoryRoot,
            CommandTimeout,
            "pack", project, "-c", "Release", "-o", FeedDirectory, "-p:Version=" + Version, "--disable-build-servers", "-nodeReuse:false");
        PackagePath = Directory.GetFiles(FeedDirectory, "IotHubGuard.Analyzers.*.nupkg").SingleOrDefault();
    }

    public string RepositoryRoot { get; }

    public string WorkDirectory { get; }

    public string FeedDirectory { get; }

    public string Version { get; }

    public DotNetCli.Result PackResult { get; }

    public string? PackagePath { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the OS cleans temp eventually.
        }
    }

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
