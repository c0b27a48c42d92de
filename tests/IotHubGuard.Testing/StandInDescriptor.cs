using System;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Testing;

/// <summary>
/// What sets one public-API stand-in apart: where its sources are embedded, the identity it compiles to, and how.
/// <see cref="StandInCompiler"/> does the rest, the same way for every stand-in.
/// </summary>
public sealed class StandInDescriptor
{
    /// <summary>
    /// Public half of Microsoft's 35MSSharedLib1024 key (public key token 31bf3856ad364e35), which signs the real
    /// Azure IoT device SDKs; stand-ins of those carry it so that their identity matches the real one.
    /// </summary>
    public static readonly ImmutableArray<byte> MicrosoftSharedPublicKey = ImmutableArray.Create(Convert.FromHexString(
        "0024000004800000940000000602000000240000525341310004000001000100B5FC90E7027F67871E773A8FDE8938C81DD402BA65B9201D"
        + "60593E96C492651E889CC13F1415EBB53FAC1131AE0BD333C5EE6021672D9718EA31A8AEBD0DA0072F25D87DBA6FC90FFD598ED4DA35E44C"
        + "398C454307E8E33B8426143DAEC9F596836F97C8F74750E5975C64E2189F45DEF46B2A2B1247ADC3652BF5C308055DA9"));

    /// <param name="name">
    /// The stand-in's name (e.g. <c>SdkSurface</c>): its sources are the embedded resources named <c>{name}/…cs</c>, and
    /// it names the stand-in in errors and in the load contexts <see cref="StandInCompiler.Load"/> creates.
    /// </param>
    /// <param name="assemblyName">The assembly the stand-in plays, as the real package names it.</param>
    /// <param name="defaultAssemblyVersion">The version compiled when a caller names none.</param>
    /// <param name="title">The AssemblyTitle, which says the image is a stand-in that is never shipped.</param>
    public StandInDescriptor(string name, string assemblyName, string defaultAssemblyVersion, string title)
    {
        Name = Required(name, nameof(name));
        AssemblyName = Required(assemblyName, nameof(assemblyName));
        DefaultAssemblyVersion = Required(defaultAssemblyVersion, nameof(defaultAssemblyVersion));
        Title = Required(title, nameof(title));
    }

    /// <summary>The stand-in's name, which is also the folder of its embedded sources.</summary>
    public string Name { get; }

    /// <summary>The prefix of the stand-in's embedded resources: <c>{Name}/</c>.</summary>
    public string ResourcePrefix => Name + "/";

    /// <summary>The name of the compiled assembly.</summary>
    public string AssemblyName { get; }

    /// <summary>The assembly version compiled when a caller names none.</summary>
    public string DefaultAssemblyVersion { get; }

    /// <summary>The AssemblyTitle of the compiled image.</summary>
    public string Title { get; }

    /// <summary>The AssemblyProduct of the compiled image, or null for none.</summary>
    public string? Product { get; init; }

    /// <summary>The assembly whose manifest resources hold the sources; IotHubGuard.Testing unless set.</summary>
    public Assembly SourceAssembly { get; init; } = typeof(StandInDescriptor).Assembly;

    /// <summary>The public key the image is public-signed with; empty (the default) for an unsigned image.</summary>
    public ImmutableArray<byte> PublicKey { get; init; } = ImmutableArray<byte>.Empty;

    /// <summary>The nullable context the sources are written for.</summary>
    public NullableContextOptions NullableContext { get; init; } = NullableContextOptions.Disable;

    /// <summary>
    /// Other assemblies the stand-in plays besides <see cref="AssemblyName"/> (namespaces the real package spreads over
    /// companion assemblies). Like the stand-in's own name, they are never compiled against.
    /// </summary>
    public ImmutableArray<string> CompanionAssemblyNames { get; init; } = ImmutableArray<string>.Empty;

    private static string Required(string value, string parameter) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("A stand-in needs this set.", parameter) : value;
}
