using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using IotHubGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace IotHubGuard.Analyzers.Tests;

/// <summary>Which libraries a test snippet compiles against, on top of the .NET reference assemblies.</summary>
[Flags]
public enum Libraries
{
    /// <summary>Only .NET: the analyzers must register nothing.</summary>
    None = 0,

    /// <summary>The device SDK stand-in (Microsoft.Azure.Devices.Client 1.42.3 surface).</summary>
    DeviceSdk = 1,

    /// <summary>The real MQTTnet 5.x package.</summary>
    MqttNet = 2,

    /// <summary>Both.</summary>
    All = DeviceSdk | MqttNet,
}

/// <summary>
/// Hermetic references for the Roslyn test harness: the .NET reference pack that ships with the SDK
/// running the tests (no download at test time), the SDK stand-in, and MQTTnet from the test's own package.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> NetReferences = new(LoadNetReferences);

    /// <summary>An empty reference set: the references come from <see cref="For"/>.</summary>
    public static ReferenceAssemblies NoPackage { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> For(Libraries libraries, string sdkVersion = "1.42.3.0", string? sdkInformationalVersion = null)
    {
        var builder = NetReferences.Value.ToBuilder();
        if (libraries.HasFlag(Libraries.DeviceSdk))
        {
            builder.Add(SdkSurface.GetReference(sdkVersion, sdkInformationalVersion));
        }

        if (libraries.HasFlag(Libraries.MqttNet))
        {
            builder.Add(MetadataReference.CreateFromFile(typeof(MQTTnet.MqttClientOptionsBuilder).Assembly.Location));
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<MetadataReference> LoadNetReferences()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<v>/System.Private.CoreLib.dll -> <dotnet>/packs/Microsoft.NETCore.App.Ref/<v>/ref/net<major>.0
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var moniker = "net" + Environment.Version.Major + ".0";
        var refDirectory = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(d => Path.Combine(d, "ref", moniker))
                .Where(Directory.Exists)
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;

        var files = refDirectory is not null
            ? Directory.GetFiles(refDirectory, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                .Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                    || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll")
                .ToArray();

        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
    }
}
