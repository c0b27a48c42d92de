// The Microsoft.Azure.Iot.Device stand-in (sdk-surface/Microsoft.Azure.Iot.Device, STAND-IN for the public API of the
// new-generation device SDK; never shipped), compiled in memory by StandInCompiler at whatever assembly/informational
// version a test needs.
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Testing;

/// <summary>
/// The <c>Microsoft.Azure.Iot.Device</c> stand-in as an in-memory assembly, compiled with Roslyn from the sources
/// embedded in this assembly. Each (version, informational version, reference set) is compiled once and cached, as
/// <see cref="SdkSurface"/> does for the v1 SDK.
/// </summary>
public static class IotDeviceSurface
{
    /// <summary>Name of the surface assembly, as the real package's.</summary>
    public const string AssemblyName = "Microsoft.Azure.Iot.Device";

    /// <summary>Latest GA release of the package (nuget.org), the default version of the stand-in.</summary>
    public const string DefaultAssemblyVersion = "1.2.0.0";

    private static readonly StandInCompiler s_compiler = new(new StandInDescriptor(
        name: "IotDeviceSurface",
        assemblyName: AssemblyName,
        defaultAssemblyVersion: DefaultAssemblyVersion,
        title: "IotHubGuard Microsoft.Azure.Iot.Device stand-in (never shipped)")
    {
        // The real package is public-signed with Microsoft's shared key, as the v1 SDK is.
        PublicKey = StandInDescriptor.MicrosoftSharedPublicKey,
        NullableContext = NullableContextOptions.Enable,
    });

    /// <summary>The surface's source files (logical names, '/' separated).</summary>
    public static IReadOnlyList<string> SourceFiles => s_compiler.SourceFiles;

    /// <summary>
    /// A metadata reference to the surface at this version, compiled against <paramref name="compileAgainst"/> (the
    /// framework references of the compilation it will be used in). <paramref name="informationalVersion"/> defaults to
    /// the version's first three parts, as a GA build.
    /// </summary>
    public static MetadataReference GetReference(IEnumerable<MetadataReference> compileAgainst, string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null) =>
        s_compiler.GetReference(compileAgainst, assemblyVersion, informationalVersion);

    /// <summary>
    /// The surface compiled at this version against the running runtime, loaded into its own named, collectible
    /// <see cref="AssemblyLoadContext"/> ("IotDeviceSurface {version} ({informational})"); created once per version.
    /// </summary>
    public static Assembly Load(string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null) =>
        s_compiler.Load(assemblyVersion, informationalVersion);
}
