using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Testing;

/// <summary>
/// The .NET reference assemblies (ref pack) that ship with the SDK running the tests: hermetic (no download at
/// test time) and the same contract assemblies a real build compiles against, so images built from them
/// (the SDK surface) bind like real packages do.
/// </summary>
public static class ReferencePack
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_net = new(Load);

    /// <summary>Metadata references to every assembly of the newest <c>Microsoft.NETCore.App.Ref</c> pack for this runtime.</summary>
    public static ImmutableArray<MetadataReference> Net => s_net.Value;

    private static ImmutableArray<MetadataReference> Load()
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
        if (refDirectory is null)
        {
            throw new InvalidOperationException($"No Microsoft.NETCore.App.Ref/*/ref/{moniker} under {packs}: is the .NET SDK installed next to the runtime?");
        }

        return Directory.GetFiles(refDirectory, "*.dll")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    }
}
