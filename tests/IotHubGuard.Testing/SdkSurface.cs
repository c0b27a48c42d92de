// Compiles the SDK surface stand-in (sdk-surface/Microsoft.Azure.Devices.Client, STAND-IN for the
// Microsoft.Azure.Devices.Client 1.42.3 public API; never shipped) in memory, at whatever assembly version a test needs.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
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
/// The SDK surface stand-in as an in-memory assembly named <c>Microsoft.Azure.Devices.Client</c>, compiled with Roslyn
/// from the surface sources embedded in this assembly. Every (version, informational version) is compiled once and cached.
/// </summary>
public static class SdkSurface
{
    /// <summary>Name of the surface assembly, as the real SDK's.</summary>
    public const string AssemblyName = "Microsoft.Azure.Devices.Client";

    /// <summary>Latest 1.x GA of the SDK, the version the surface mirrors.</summary>
    public const string DefaultAssemblyVersion = "1.42.3.0";

    private const string ResourcePrefix = "SdkSurface/";

    // Public half of Microsoft's 35MSSharedLib1024 key, which signs the real SDK: public key token 31bf3856ad364e35.
    private const string PublicKeyHex =
        "0024000004800000940000000602000000240000525341310004000001000100B5FC90E7027F67871E773A8FDE8938C81DD402BA65B9201D"
        + "60593E96C492651E889CC13F1415EBB53FAC1131AE0BD333C5EE6021672D9718EA31A8AEBD0DA0072F25D87DBA6FC90FFD598ED4DA35E44C"
        + "398C454307E8E33B8426143DAEC9F596836F97C8F74750E5975C64E2189F45DEF46B2A2B1247ADC3652BF5C308055DA9";

    // Assemblies that the surface plays or that would clash with it; never taken from the runtime's list.
    private static readonly HashSet<string> s_excludedRuntimeAssemblies = new(StringComparer.OrdinalIgnoreCase)
    {
        AssemblyName,
        "Microsoft.Azure.Devices.Shared",
        "DotNetty.Codecs.Mqtt",
    };

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> s_runtimeReferences = new(LoadRuntimeReferences);
    private static readonly Lazy<ImmutableArray<SyntaxTree>> s_sources = new(ParseSources);

    // Keyed by (assembly version, informational version, reference set); the reference set is "" for RuntimeReferences.
    private static readonly ConcurrentDictionary<(Version Version, string Informational, string ReferenceSet), Lazy<byte[]>> s_images = new();
    private static readonly ConcurrentDictionary<(Version Version, string Informational, string ReferenceSet), Lazy<MetadataReference>> s_references = new();
    private static readonly ConcurrentDictionary<(Version Version, string Informational), Lazy<Assembly>> s_assemblies = new();

    /// <summary>
    /// The running runtime's trusted platform assemblies (<c>AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")</c>) as
    /// metadata references, without any assembly named like the surface's (or its Shared/DotNetty companions). Built once;
    /// every call returns the same list.
    /// </summary>
    public static IEnumerable<MetadataReference> RuntimeReferences => s_runtimeReferences.Value;

    /// <summary>The surface's source files (logical names relative to the surface folder, '/' separated).</summary>
    public static IReadOnlyList<string> SourceFiles => s_sources.Value.Select(t => t.FilePath).ToArray();

    /// <summary>
    /// Compiles the surface into a PE image, against <see cref="RuntimeReferences"/>. <paramref name="assemblyVersion"/> is
    /// the AssemblyVersion and AssemblyFileVersion ("1.42.3" or "1.42.3.0"); <paramref name="informationalVersion"/>
    /// defaults to its first three parts ("1.42.3"), which is what the real SDK's build produces for a GA version.
    /// </summary>
    /// <exception cref="ArgumentException">The version is not a valid assembly version.</exception>
    /// <exception cref="InvalidOperationException">The surface does not compile; the message lists the errors.</exception>
    public static byte[] CompileImage(string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null) =>
        Image(Key(assemblyVersion, informationalVersion), string.Empty, s_runtimeReferences.Value);

    /// <summary>
    /// Like <see cref="CompileImage(string, string?)"/>, but compiled against <paramref name="compileAgainst"/>, for test
    /// compilations that do not use <see cref="RuntimeReferences"/>. A surface compiled against the runtime refers to
    /// System.Private.CoreLib, which a compilation over reference assemblies (e.g. Microsoft.CodeAnalysis.Testing's
    /// <c>ReferenceAssemblies.Net.Net80</c>) cannot see (CS0012): pass that compilation's framework references here.
    /// Cached per version and reference set (by the references' display names).
    /// </summary>
    public static byte[] CompileImage(IEnumerable<MetadataReference> compileAgainst, string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null)
    {
        IReadOnlyList<MetadataReference> references = Framework(compileAgainst);
        return Image(Key(assemblyVersion, informationalVersion), ReferenceSetKey(references), references);
    }

    /// <summary>
    /// A metadata reference to the surface compiled at this version against <see cref="RuntimeReferences"/>; use it
    /// together with <see cref="RuntimeReferences"/>.
    /// </summary>
    public static MetadataReference GetReference(string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null) =>
        Reference(Key(assemblyVersion, informationalVersion), string.Empty, s_runtimeReferences.Value);

    /// <summary>
    /// A metadata reference to the surface compiled at this version against <paramref name="compileAgainst"/> (the
    /// framework references of the compilation it will be used in; see <see cref="CompileImage(IEnumerable{MetadataReference}, string, string?)"/>).
    /// </summary>
    public static MetadataReference GetReference(IEnumerable<MetadataReference> compileAgainst, string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null)
    {
        IReadOnlyList<MetadataReference> references = Framework(compileAgainst);
        return Reference(Key(assemblyVersion, informationalVersion), ReferenceSetKey(references), references);
    }

    /// <summary>
    /// The surface compiled at this version, loaded into its own named, collectible <see cref="AssemblyLoadContext"/>
    /// ("SdkSurface {version} ({informational})"). Each version gets one context, created once.
    /// </summary>
    public static Assembly Load(string assemblyVersion = DefaultAssemblyVersion, string? informationalVersion = null)
    {
        var key = Key(assemblyVersion, informationalVersion);
        return s_assemblies.GetOrAdd(
            key,
            k => new Lazy<Assembly>(() =>
            {
                var context = new AssemblyLoadContext($"SdkSurface {k.Version} ({k.Informational})", isCollectible: true);
                using var image = new MemoryStream(Image(k, string.Empty, s_runtimeReferences.Value), writable: false);
                return context.LoadFromStream(image);
            })).Value;
    }

    private static byte[] Image((Version Version, string Informational) key, string referenceSet, IReadOnlyList<MetadataReference> references) =>
        s_images.GetOrAdd(
            (key.Version, key.Informational, referenceSet),
            k => new Lazy<byte[]>(() => Compile(k.Version, k.Informational, references))).Value;

    private static MetadataReference Reference((Version Version, string Informational) key, string referenceSet, IReadOnlyList<MetadataReference> references) =>
        s_references.GetOrAdd(
            (key.Version, key.Informational, referenceSet),
            k => new Lazy<MetadataReference>(() => MetadataReference.CreateFromImage(
                Image(key, referenceSet, references),
                filePath: $"{AssemblyName}.{k.Version}.dll"))).Value;

    private static IReadOnlyList<MetadataReference> Framework(IEnumerable<MetadataReference> compileAgainst)
    {
        if (compileAgainst == null)
        {
            throw new ArgumentNullException(nameof(compileAgainst));
        }

        // Never compile the surface against another copy of itself.
        MetadataReference[] references = compileAgainst
            .Where(r => !s_excludedRuntimeAssemblies.Contains(Path.GetFileNameWithoutExtension(r.Display ?? string.Empty)))
            .ToArray();
        if (references.Length == 0)
        {
            throw new ArgumentException("No references to compile the SDK surface against.", nameof(compileAgainst));
        }

        return references;
    }

    private static string ReferenceSetKey(IReadOnlyList<MetadataReference> references) =>
        string.Join("|", references.Select(r => r.Display ?? "?").OrderBy(d => d, StringComparer.Ordinal));

    private static (Version Version, string Informational) Key(string assemblyVersion, string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(assemblyVersion) || !Version.TryParse(assemblyVersion, out Version? parsed))
        {
            throw new ArgumentException($"'{assemblyVersion}' is not an assembly version (major.minor[.build[.revision]]).", nameof(assemblyVersion));
        }

        // Normalise to four parts, as the compiler writes it: "1.42.3" and "1.42.3.0" are the same assembly.
        var version = new Version(parsed.Major, parsed.Minor, Math.Max(parsed.Build, 0), Math.Max(parsed.Revision, 0));
        string informational = informationalVersion ?? version.ToString(3);
        return (version, informational);
    }

    private static byte[] Compile(Version version, string informationalVersion, IReadOnlyList<MetadataReference> references)
    {
        string versionText = version.ToString(4);
        string attributes =
            "// Generated by IotHubGuard.Testing.SdkSurface\n"
            + $"[assembly: System.Reflection.AssemblyVersion({Literal(versionText)})]\n"
            + $"[assembly: System.Reflection.AssemblyFileVersion({Literal(versionText)})]\n"
            + $"[assembly: System.Reflection.AssemblyInformationalVersion({Literal(informationalVersion)})]\n"
            + "[assembly: System.Reflection.AssemblyTitle(\"IotHubGuard SDK surface stand-in (never shipped)\")]\n"
            + "[assembly: System.Reflection.AssemblyProduct(\"Microsoft.Azure.Devices.Client (IotHubGuard stand-in)\")]\n";
        SyntaxTree attributeTree = CSharpSyntaxTree.ParseText(
            SourceText.From(attributes, Encoding.UTF8),
            s_parseOptions,
            path: "SdkSurface/AssemblyInfo.g.cs");

        var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Disable,
                deterministic: true)
            .WithCryptoPublicKey(ImmutableArray.Create(Convert.FromHexString(PublicKeyHex)))
            .WithPublicSign(true);

        CSharpCompilation compilation = CSharpCompilation.Create(
            AssemblyName,
            s_sources.Value.Add(attributeTree),
            references,
            options);

        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        if (!result.Success)
        {
            string errors = string.Join(
                Environment.NewLine,
                result.Diagnostics
                    .Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Select(d => d.ToString()));
            throw new InvalidOperationException(
                $"The SDK surface did not compile (version {versionText}, informational '{informationalVersion}'):{Environment.NewLine}{errors}");
        }

        return pe.ToArray();
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static ImmutableArray<SyntaxTree> ParseSources()
    {
        Assembly self = typeof(SdkSurface).Assembly;
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        foreach (string name in self.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal))
                     .OrderBy(n => n, StringComparer.Ordinal))
        {
            using Stream stream = self.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource '{name}' vanished.");
            SourceText text = SourceText.From(stream, Encoding.UTF8, canBeEmbedded: true);
            string path = name.Replace('\\', '/');
            trees.Add(CSharpSyntaxTree.ParseText(text, s_parseOptions, path));
        }

        if (trees.Count == 0)
        {
            throw new InvalidOperationException(
                $"No SDK surface sources are embedded in {self.GetName().Name} (expected resources named '{ResourcePrefix}*.cs').");
        }

        return trees.ToImmutable();
    }

    private static IReadOnlyList<MetadataReference> LoadRuntimeReferences()
    {
        string tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The runtime did not provide TRUSTED_PLATFORM_ASSEMBLIES.");
        return tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(path => !s_excludedRuntimeAssemblies.Contains(Path.GetFileNameWithoutExtension(path)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }
}
