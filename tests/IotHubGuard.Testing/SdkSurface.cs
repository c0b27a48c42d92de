// The SDK surface stand-in (sdk-surface/Microsoft.Azure.Devices.Client, STAND-IN for the Microsoft.Azure.Devices.Client
// 1.42.3 public API; never shipped), compiled in memory by StandInCompiler at whatever assembly version a test needs.
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Testing;

/// <summary>
/// The SDK surface stand-in as an in-memory assembly named <c>Microsoft.Azure.Devices.Client</c>, compiled with Roslyn
/// from the surface sources embedded in this assembly. Every (version, informational version) is compiled once and cached.
/// </summary>
public static class SdkSurface
{
    /// <summary>Name of the surface assembly, as the real SDK's.</summary>
    public const string AssemblyName = "Microsoft.Azure.Devices.Client";

    /// <summary>Latest 1.x GA of the SDK, the version the surface mirrors.</summary>
    public const string DefaultAssemblyVersion = "1.42.3.0";

    private static readonly StandInCompiler s_compiler = new(new StandInDescriptor(
        name: "SdkSurface",
        assemblyName: AssemblyName,
        defaultAssemblyVersion: DefaultAssemblyVersion,
        title: "IotHubGuard SDK surface stand-in (never shipped)")
    {
        Product = "Microsoft.Azure.Devices.Client (IotHubGuard stand-in)",
        PublicKey = StandInDescriptor.MicrosoftSharedPublicKey,
        // The surface also plays the SDK's Shared and DotNetty namespaces.
        CompanionAssemblyNames = ImmutableArray.Create("Microsoft.Azure.Devices.Shared", "DotNetty.Codecs.Mqtt"),
    });

    /// <summary>
    /// The running runtime's trusted platform assemblies (<c>AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")</c>) as
    /// metadata references, without any assembly named like the surface's (or its Shared/DotNetty companions). Built once;
    /// every call returns the same list.
    /// </summary>
    public static IEnumerable<MetadataReference> RuntimeReferences => s_compiler.RuntimeReferences;

    /// <summary>The surface's source files (logical names relative to the surface folder, '/' separated).</summary>
    public static IReadOnlyList<string> SourceFiles => s_compiler.SourceFiles;

    /// <summary>
    /// Compiles the surface into a PE image, against <see cref="RuntimeReferences"/>. <paramref name="assemblyVersion"/> is
    /// the AssemblyVersion and AssemblyFileVersion ("1.42.3" or "1.42.3.0"); <paramref name="informationalVersion"/>
    /// defaults to its first three parts ("1.42.3"), which is what the real SDK's build produces for a GA version.
    /// </summary>
    /// <exception cref="System.ArgumentException">The version is not a valid assembly version.</exception>
    /// <exception cref="System.InvalidOperationException">The surface does not compile; the message lists the errors.</exception>
    public static byte[] CompileImage(string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null) =>
        s_compiler.CompileImage(assemblyVersion, informationalVersion);

    /// <summary>
    /// Like <see cref="CompileImage(string, string?)"/>, but compiled against <paramref name="compileAgainst"/>, for test
    /// compilations that do not use <see cref="RuntimeReferences"/>. A surface compiled against the runtime refers to
    /// System.Private.CoreLib, which a compilation over reference assemblies (e.g. Microsoft.CodeAnalysis.Testing's
    /// <c>ReferenceAssemblies.Net.Net80</c>) cannot see (CS0012): pass that compilation's framework references here.
    /// Cached per version and reference set (by the references' display names).
    /// </summary>
    public static byte[] CompileImage(IEnumerable<MetadataReference> compileAgainst, string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null) =>
        s_compiler.CompileImage(compileAgainst, assemblyVersion, informationalVersion);

    /// <summary>
    /// A metadata reference to the surface compiled at this version against <see cref="RuntimeReferences"/>; use it
    /// together with <see cref="RuntimeReferences"/>.
    /// </summary>
    public static MetadataReference GetReference(string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null) =>
        s_compiler.GetReference(assemblyVersion, informationalVersion);

    /// <summary>
    /// A metadata reference to the surface compiled at this version against <paramref name="compileAgainst"/> (the
    /// framework references of the compilation it will be used in; see <see cref="CompileImage(IEnumerable{MetadataReference}, string, string?)"/>).
    /// </summary>
    public static MetadataReference GetReference(IEnumerable<MetadataReference> compileAgainst, string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null) =>
        s_compiler.GetReference(compileAgainst, assemblyVersion, informationalVersion);

    /// <summary>
    /// The surface compiled at this version, loaded into its own named, collectible <see cref="AssemblyLoadContext"/>
    /// ("SdkSurface {version} ({informational})"). Each version gets one context, created once.
    /// </summary>
    public static Assembly Load(string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null) =>
        s_compiler.Load(assemblyVersion, informationalVersion);
}
