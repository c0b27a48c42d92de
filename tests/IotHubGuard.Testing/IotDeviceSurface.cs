// Compiles the Microsoft.Azure.Iot.Device stand-in (sdk-surface/Microsoft.Azure.Iot.Device, STAND-IN for the public API
// of the new-generation device SDK; never shipped) in memory, at whatever assembly/informational version a test needs.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

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

    private const string ResourcePrefix = "IotDeviceSurface/";

    // The real package is public-signed with Microsoft's shared key; the stand-in uses the same public half as SdkSurface.
    private const string PublicKeyHex =
        "0024000004800000940000000602000000240000525341310004000001000100B5FC90E7027F67871E773A8FDE8938C81DD402BA65B9201D"
        + "60593E96C492651E889CC13F1415EBB53FAC1131AE0BD333C5EE6021672D9718EA31A8AEBD0DA0072F25D87DBA6FC90FFD598ED4DA35E44C"
        + "398C454307E8E33B8426143DAEC9F596836F97C8F74750E5975C64E2189F45DEF46B2A2B1247ADC3652BF5C308055DA9";

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);
    private static readonly Lazy<ImmutableArray<SyntaxTree>> s_sources = new(ParseSources);
    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_runtimeReferences = new(LoadRuntimeReferences);
    private static readonly ConcurrentDictionary<(Version Version, string Informational, string ReferenceSet), Lazy<MetadataReference>> s_references = new();
    private static readonly ConcurrentDictionary<(Version Version, string Informational), Lazy<Assembly>> s_assemblies = new();

    /// <summary>The surface's source files (logical names, '/' separated).</summary>
    public static IReadOnlyList<string> SourceFiles => s_sources.Value.Select(t => t.FilePath).ToArray();

    /// <summary>
    /// A metadata reference to the surface at this version, compiled against <paramref name="compileAgainst"/> (the
    /// framework references of the compilation it will be used in). <paramref name="informationalVersion"/> defaults to
    /// the version's first three parts, as a GA build.
    /// </summary>
    public static MetadataReference GetReference(IEnumerable<MetadataReference> compileAgainst, string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null)
    {
        if (compileAgainst == null)
        {
            throw new ArgumentNullException(nameof(compileAgainst));
        }

        MetadataReference[] references = compileAgainst
            .Where(r => !string.Equals(Path.GetFileNameWithoutExtension(r.Display ?? string.Empty), AssemblyName, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var key = Key(assemblyVersion, informationalVersion);
        string referenceSet = string.Join("|", references.Select(r => r.Display ?? "?").OrderBy(d => d, StringComparer.Ordinal));
        return s_references.GetOrAdd(
            (key.Version, key.Informational, referenceSet),
            k => new Lazy<MetadataReference>(() => MetadataReference.CreateFromImage(
                Compile(k.Version, k.Informational, references),
                filePath: $"{AssemblyName}.{k.Version}.dll"))).Value;
    }

    /// <summary>
    /// The surface compiled at this version against the running runtime, loaded into its own named, collectible
    /// <see cref="AssemblyLoadContext"/> ("IotDeviceSurface {version} ({informational})"); created once per version.
    /// </summary>
    public static Assembly Load(string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null)
    {
        var key = Key(assemblyVersion, informationalVersion);
        return s_assemblies.GetOrAdd(
            key,
            k => new Lazy<Assembly>(() =>
            {
                var context = new AssemblyLoadContext($"IotDeviceSurface {k.Version} ({k.Informational})", isCollectible: true);
                using var image = new MemoryStream(Compile(k.Version, k.Informational, s_runtimeReferences.Value), writable: false);
                return context.LoadFromStream(image);
            })).Value;
    }

    private static (Version Version, string Informational) Key(string assemblyVersion, string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(assemblyVersion) || !Version.TryParse(assemblyVersion, out Version? parsed))
        {
            throw new ArgumentException($"'{assemblyVersion}' is not an assembly version (major.minor[.build[.revision]]).", nameof(assemblyVersion));
        }

        var version = new Version(parsed.Major, parsed.Minor, Math.Max(parsed.Build, 0), Math.Max(parsed.Revision, 0));
        return (version, informationalVersion ?? version.ToString(3));
    }

    private static byte[] Compile(Version version, string informationalVersion, IReadOnlyList<MetadataReference> references)
    {
        string versionText = version.ToString(4);
        string attributes =
            "// Generated by IotHubGuard.Testing.IotDeviceSurface\n"
            + $"[assembly: System.Reflection.AssemblyVersion({Literal(versionText)})]\n"
            + $"[assembly: System.Reflection.AssemblyFileVersion({Literal(versionText)})]\n"
            + $"[assembly: System.Reflection.AssemblyInformationalVersion({Literal(informationalVersion)})]\n"
            + "[assembly: System.Reflection.AssemblyTitle(\"IotHubGuard Microsoft.Azure.Iot.Device stand-in (never shipped)\")]\n";
        SyntaxTree attributeTree = CSharpSyntaxTree.ParseText(SourceText.From(attributes, Encoding.UTF8), s_parseOptions, path: ResourcePrefix + "AssemblyInfo.g.cs");

        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true)
            .WithCryptoPublicKey(ImmutableArray.Create(Convert.FromHexString(PublicKeyHex)))
            .WithPublicSign(true);

        CSharpCompilation compilation = CSharpCompilation.Create(AssemblyName, s_sources.Value.Add(attributeTree), references, options);
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        if (!result.Success)
        {
            string errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            throw new InvalidOperationException($"The Microsoft.Azure.Iot.Device stand-in did not compile ({versionText}, '{informationalVersion}'):{Environment.NewLine}{errors}");
        }

        return pe.ToArray();
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static ImmutableArray<SyntaxTree> ParseSources()
    {
        Assembly self = typeof(IotDeviceSurface).Assembly;
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        foreach (string name in self.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal))
                     .OrderBy(n => n, StringComparer.Ordinal))
        {
            using Stream stream = self.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource '{name}' vanished.");
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(stream, Encoding.UTF8, canBeEmbedded: true), s_parseOptions, name.Replace('\\', '/')));
        }

        return trees.Count == 0
            ? throw new InvalidOperationException($"No Microsoft.Azure.Iot.Device stand-in sources are embedded (expected '{ResourcePrefix}*.cs').")
            : trees.ToImmutable();
    }

    private static IReadOnlyList<MetadataReference> LoadRuntimeReferences()
    {
        string tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The runtime did not provide TRUSTED_PLATFORM_ASSEMBLIES.");
        return tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(path => !string.Equals(Path.GetFileNameWithoutExtension(path), AssemblyName, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }
}
