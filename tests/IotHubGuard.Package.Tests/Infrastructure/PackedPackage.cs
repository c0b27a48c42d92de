using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using IotHubGuard.Testing;

namespace IotHubGuard.Package.Tests;

/// <summary>
/// The IotHubGuard packages, packed ONCE per test run by running the README's pack command (Install, step 1) in a
/// clean copy of the repository, plus what consumer projects share: one packages folder (so every consumer after the
/// first restores from disk) and the SDK stand-in DLLs, compiled once per version. Everything lives under one
/// temporary directory that is deleted when the test process exits. Tests reach it through <see cref="PackedPackageFixture"/>.
/// </summary>
public sealed class PackedPackage
{
    /// <summary>The bound of one consumer build or format run.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The bound of the one pack (a cold Release build of five projects; slow on a loaded 2-core machine).</summary>
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private static readonly Lazy<PackedPackage> s_shared = new(() => new PackedPackage(), LazyThreadSafetyMode.ExecutionAndPublication);

    private const string WorkDirectoryPrefix = "iothubguard-package-";
    private const string OwnerFile = "owner.pid";

    private static readonly string[] s_notCopied = { ".git", "bin", "obj", "artifacts", "TestResults", ".vs", "BenchmarkDotNet.Artifacts" };

    private readonly ConcurrentDictionary<string, Lazy<string>> _sdkStandIns = new(StringComparer.Ordinal);

    private PackedPackage()
    {
        DeleteAbandonedWorkDirectories();
        WorkDirectory = Directory.CreateTempSubdirectory(WorkDirectoryPrefix).FullName;
        File.WriteAllText(Path.Combine(WorkDirectory, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteWorkDirectory(WorkDirectory);
        PackagesDirectory = Directory.CreateDirectory(Path.Combine(WorkDirectory, "packages")).FullName;
        CloneDirectory = Path.Combine(WorkDirectory, "clone");

        Progress.Report("copying the repository (a fresh clone, without bin/obj) to pack it as the README says");
        CopyRepository(Repository.Root, CloneDirectory);

        PackResult = RunDocumentedCommand(
            CloneDirectory,
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ReadmeInstall.PackPowerShell : ReadmeInstall.PackBash,
            timeout: PackTimeout);
        FeedDirectory = Path.Combine(CloneDirectory, "artifacts", "feed");
        PackagePath = Directory.Exists(FeedDirectory)
            ? Directory.GetFiles(FeedDirectory, "IotHubGuard.Analyzers.*.nupkg").SingleOrDefault()
            : null;
        Version = PackagePath is null
            ? "(pack failed)"
            : Path.GetFileNameWithoutExtension(PackagePath)["IotHubGuard.Analyzers.".Length..];
    }

    /// <summary>The one instance of this test run.</summary>
    public static PackedPackage Shared => s_shared.Value;

    public string RepositoryRoot => Repository.Root;

    public string WorkDirectory { get; }

    /// <summary>The copy of the repository the packages were packed from.</summary>
    public string CloneDirectory { get; }

    /// <summary>The local folder feed (the README's artifacts/feed, in the copy).</summary>
    public string FeedDirectory { get; }

    /// <summary>The restore target of every consumer project (NuGet's global packages folder for these tests).</summary>
    public string PackagesDirectory { get; }

    /// <summary>The packed version, 0.1.0-local.&lt;UTC time&gt;.</summary>
    public string Version { get; }

    public DotNetCli.Result PackResult { get; }

    /// <summary>The IotHubGuard.Analyzers nupkg, or null when the pack failed (see <see cref="PackResult"/>).</summary>
    public string? PackagePath { get; }

    /// <summary>The machine's NuGet global packages folder; consumers use it as a read-only source, to restore offline.</summary>
    public static string MachinePackagesDirectory =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The nupkg of one package id from the feed, or null.</summary>
    public string? Nupkg(string packageId) => Directory.Exists(FeedDirectory)
        ? Directory.GetFiles(FeedDirectory, packageId + "." + Version + ".nupkg").SingleOrDefault()
        : null;

    /// <summary>
    /// The SDK surface stand-in (Microsoft.Azure.Devices.Client) at this version, compiled in memory once per version
    /// against the .NET reference pack and written to the work folder: a HintPath for consumer projects.
    /// </summary>
    public string SdkStandIn(string assemblyVersion, string? informationalVersion = null)
    {
        var key = assemblyVersion + "|" + informationalVersion;
        return _sdkStandIns.GetOrAdd(key, _ => new Lazy<string>(() =>
        {
            Progress.Report($"compiling the SDK stand-in {informationalVersion ?? assemblyVersion} (once per run)");
            var directory = Directory.CreateDirectory(Path.Combine(WorkDirectory, "sdk", informationalVersion ?? assemblyVersion)).FullName;
            var path = Path.Combine(directory, SdkSurface.AssemblyName + ".dll");
            File.WriteAllBytes(path, SdkSurface.CompileImage(ReferencePack.Net, assemblyVersion, informationalVersion));
            return path;
        })).Value;
    }

    /// <summary>Runs a command block of the README as written: bash on Linux and macOS, PowerShell on Windows.</summary>
    public static DotNetCli.Result RunDocumentedCommand(string workingDirectory, string script, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
        => RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
            ? DotNetCli.RunProcess("powershell", workingDirectory, timeout ?? CommandTimeout, environment, "-NoProfile", "-NonInteractive", "-Command", "$ErrorActionPreference = 'Stop'\n" + script)
            : DotNetCli.RunProcess("bash", workingDirectory, timeout ?? CommandTimeout, environment, "-euo", "pipefail", "-c", script);

    private static void CopyRepository(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source).Where(f => !s_notCopied.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (!s_notCopied.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                CopyRepository(directory, Path.Combine(target, name));
            }
        }
    }

    /// <summary>
    /// The test host may be stopped before ProcessExit runs; a later run deletes the work folders whose owner process
    /// is gone, so they never pile up in the temp folder.
    /// </summary>
    private static void DeleteAbandonedWorkDirectories()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), WorkDirectoryPrefix + "*"))
        {
            var owner = Path.Combine(directory, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), out var pid) && !IsRunning(pid))
            {
                DeleteWorkDirectory(directory);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void DeleteWorkDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the OS cleans temp eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
