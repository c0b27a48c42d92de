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
/// Compiles one public-API stand-in (see <see cref="StandInDescriptor"/>) with Roslyn from its embedded sources, at
/// whatever assembly and informational version a test needs. Every image, metadata reference and loaded assembly is
/// built once per (version, informational version, reference set) and cached, thread-safely, for the life of the
/// instance; <see cref="SdkSurface"/>, <see cref="MqttNet4Surface"/> and <see cref="IotDeviceSurface"/> each hold one
/// instance, so each stand-in version is compiled once per test process.
/// </summary>
public sealed class StandInCompiler
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp12);

    // The running runtime's assemblies, shared by every stand-in so their metadata is read once.
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_trustedPlatformAssemblies = new(LoadTrustedPlatformAssemblies);

    // The reference-set key of compilations against RuntimeReferences.
    private const string RuntimeReferenceSet = "";

    private readonly HashSet<string> _excludedAssemblyNames;
    private readonly Lazy<IReadOnlyList<MetadataReference>> _runtimeReferences;
    private readonly Lazy<ImmutableArray<SyntaxTree>> _sources;
    private readonly ConcurrentDictionary<(Version Version, string Informational, string ReferenceSet), Lazy<byte[]>> _images = new();
    private readonly ConcurrentDictionary<(Version Version, string Informational, string ReferenceSet), Lazy<MetadataReference>> _references = new();
    private readonly ConcurrentDictionary<(Version Version, string Informational), Lazy<Assembly>> _assemblies = new();

    /// <summary>Creates a compiler (and its caches) for one stand-in.</summary>
    public StandInCompiler(StandInDescriptor descriptor)
    {
        Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
        _excludedAssemblyNames = new HashSet<string>(descriptor.CompanionAssemblyNames.Add(descriptor.AssemblyName), StringComparer.OrdinalIgnoreCase);
        _runtimeReferences = new Lazy<IReadOnlyList<MetadataReference>>(
            () => s_trustedPlatformAssemblies.Value.Where(r => !IsExcluded(r.Display)).ToArray());
        _sources = new Lazy<ImmutableArray<SyntaxTree>>(ParseSources);
    }

    /// <summary>The stand-in this compiler builds.</summary>
    public StandInDescriptor Descriptor { get; }

    /// <summary>
    /// The running runtime's trusted platform assemblies (<c>AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")</c>) as
    /// metadata references, without any assembly named like the stand-in or its companions. Built once; every call
    /// returns the same list.
    /// </summary>
    public IReadOnlyList<MetadataReference> RuntimeReferences => _runtimeReferences.Value;

    /// <summary>The stand-in's source files (their resource names, <c>{Name}/…</c>, '/' separated).</summary>
    public IReadOnlyList<string> SourceFiles => _sources.Value.Select(t => t.FilePath).ToArray();

    /// <summary>
    /// The stand-in compiled into a PE image against <see cref="RuntimeReferences"/>. <paramref name="assemblyVersion"/>
    /// (default <see cref="StandInDescriptor.DefaultAssemblyVersion"/>) is the AssemblyVersion and AssemblyFileVersion
    /// ("1.42.3" and "1.42.3.0" are the same); <paramref name="informationalVersion"/> defaults to its first three parts,
    /// as a GA build of a real package.
    /// </summary>
    /// <exception cref="ArgumentException">The version is not a valid assembly version.</exception>
    /// <exception cref="InvalidOperationException">The stand-in does not compile; the message names it and lists the errors.</exception>
    public byte[] CompileImage(string? assemblyVersion = null, string? informationalVersion = null) =>
        Image(Key(assemblyVersion, informationalVersion), RuntimeReferenceSet, RuntimeReferences);

    /// <summary>
    /// Like <see cref="CompileImage(string?, string?)"/>, but compiled against <paramref name="compileAgainst"/> (the
    /// framework references of the compilation the image will be used in, e.g. reference assemblies, which cannot see
    /// the System.Private.CoreLib a runtime-compiled image refers to). Cached per reference set too (by display names).
    /// </summary>
    public byte[] CompileImage(IEnumerable<MetadataReference> compileAgainst, string? assemblyVersion = null, string? informationalVersion = null)
    {
        IReadOnlyList<MetadataReference> references = Framework(compileAgainst);
        return Image(Key(assemblyVersion, informationalVersion), ReferenceSetKey(references), references);
    }

    /// <summary>A metadata reference to the stand-in compiled against <see cref="RuntimeReferences"/>; use it together with those.</summary>
    public MetadataReference GetReference(string? assemblyVersion = null, string? informationalVersion = null) =>
        Reference(Key(assemblyVersion, informationalVersion), RuntimeReferenceSet, RuntimeReferences);

    /// <summary>A metadata reference to the stand-in compiled against <paramref name="compileAgainst"/> (see <see cref="CompileImage(IEnumerable{MetadataReference}, string?, string?)"/>).</summary>
    public MetadataReference GetReference(IEnumerable<MetadataReference> compileAgainst, string? assemblyVersion = null, string? informationalVersion = null)
    {
        IReadOnlyList<MetadataReference> references = Framework(compileAgainst);
        return Reference(Key(assemblyVersion, informationalVersion), ReferenceSetKey(references), references);
    }

    /// <summary>
    /// The stand-in compiled at this version against <see cref="RuntimeReferences"/>, loaded into its own named,
    /// collectible <see cref="AssemblyLoadContext"/> ("{Name} {version} ({informational})"), created once per version.
    /// </summary>
    public Assembly Load(string? assemblyVersion = null, string? informationalVersion = null) =>
        _assemblies.GetOrAdd(
            Key(assemblyVersion, informationalVersion),
            key => new Lazy<Assembly>(() =>
            {
                var context = new AssemblyLoadContext($"{Descriptor.Name} {key.Version} ({key.Informational})", isCollectible: true);
                using var image = new MemoryStream(Image(key, RuntimeReferenceSet, RuntimeReferences), writable: false);
                return context.LoadFromStream(image);
            })).Value;

    private byte[] Image((Version Version, string Informational) key, string referenceSet, IReadOnlyList<MetadataReference> references) =>
        _images.GetOrAdd(
            (key.Version, key.Informational, referenceSet),
            k => new Lazy<byte[]>(() => Compile(k.Version, k.Informational, references))).Value;

    private MetadataReference Reference((Version Version, string Informational) key, string referenceSet, IReadOnlyList<MetadataReference> references) =>
        _references.GetOrAdd(
            (key.Version, key.Informational, referenceSet),
            k => new Lazy<MetadataReference>(() => MetadataReference.CreateFromImage(
                Image(key, referenceSet, references),
                filePath: $"{Descriptor.AssemblyName}.{k.Version}.dll"))).Value;

    private IReadOnlyList<MetadataReference> Framework(IEnumerable<MetadataReference> compileAgainst)
    {
        if (compileAgainst == null)
        {
            throw new ArgumentNullException(nameof(compileAgainst));
        }

        // Never compile the stand-in against a copy of what it plays (the real package or another stand-in image).
        MetadataReference[] references = compileAgainst.Where(r => !IsExcluded(r.Display)).ToArray();
        if (references.Length == 0)
        {
            throw new ArgumentException($"No references to compile the {Descriptor.Name} stand-in against.", nameof(compileAgainst));
        }

        return references;
    }

    private bool IsExcluded(string? display) => _excludedAssemblyNames.Contains(Path.GetFileNameWithoutExtension(display ?? string.Empty));

    private static string ReferenceSetKey(IReadOnlyList<MetadataReference> references) =>
        string.Join("|", references.Select(r => r.Display ?? "?").OrderBy(d => d, StringComparer.Ordinal));

    private (Version Version, string Informational) Key(string? assemblyVersion, string? informationalVersion)
    {
        assemblyVersion ??= Descriptor.DefaultAssemblyVersion;
        if (string.IsNullOrWhiteSpace(assemblyVersion) || !Version.TryParse(assemblyVersion, out Version? parsed))
        {
            throw new ArgumentException($"'{assemblyVersion}' is not an assembly version (major.minor[.build[.revision]]).", nameof(assemblyVersion));
        }

        // Normalise to four parts, as the compiler writes it: "1.42.3" and "1.42.3.0" are the same assembly.
        var version = new Version(parsed.Major, parsed.Minor, Math.Max(parsed.Build, 0), Math.Max(parsed.Revision, 0));
        return (version, informationalVersion ?? version.ToString(3));
    }

    private byte[] Compile(Version version, string informationalVersion, IReadOnlyList<MetadataReference> references)
    {
        string versionText = version.ToString(4);
        var attributes = new StringBuilder()
            .Append("// Generated by IotHubGuard.Testing.StandInCompiler for ").Append(Descriptor.Name).Append('\n')
            .Append("[assembly: System.Reflection.AssemblyVersion(").Append(Literal(versionText)).Append(")]\n")
            .Append("[assembly: System.Reflection.AssemblyFileVersion(").Append(Literal(versionText)).Append(")]\n")
            .Append("[assembly: System.Reflection.AssemblyInformationalVersion(").Append(Literal(informationalVersion)).Append(")]\n")
            .Append("[assembly: System.Reflection.AssemblyTitle(").Append(Literal(Descriptor.Title)).Append(")]\n");
        if (Descriptor.Product != null)
        {
            attributes.Append("[assembly: System.Reflection.AssemblyProduct(").Append(Literal(Descriptor.Product)).Append(")]\n");
        }

        SyntaxTree attributeTree = CSharpSyntaxTree.ParseText(
            SourceText.From(attributes.ToString(), Encoding.UTF8),
            s_parseOptions,
            path: Descriptor.ResourcePrefix + "AssemblyInfo.g.cs");

        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: Descriptor.NullableContext,
            deterministic: true);
        if (!Descriptor.PublicKey.IsDefaultOrEmpty)
        {
            options = options.WithCryptoPublicKey(Descriptor.PublicKey).WithPublicSign(true);
        }

        CSharpCompilation compilation = CSharpCompilation.Create(Descriptor.AssemblyName, _sources.Value.Add(attributeTree), references, options);
        using var pe = new MemoryStream();
        var result = compilation.Emit(pe);
        if (!result.Success)
        {
            string errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            throw new InvalidOperationException(
                $"The {Descriptor.Name} stand-in ({Descriptor.AssemblyName} {versionText}, informational '{informationalVersion}') did not compile:"
                + Environment.NewLine + errors);
        }

        return pe.ToArray();
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private ImmutableArray<SyntaxTree> ParseSources()
    {
        Assembly owner = Descriptor.SourceAssembly;
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        foreach (string name in owner.GetManifestResourceNames()
                     .Where(n => n.StartsWith(Descriptor.ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".cs", StringComparison.Ordinal))
                     .OrderBy(n => n, StringComparer.Ordinal))
        {
            using Stream stream = owner.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource '{name}' vanished.");
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(stream, Encoding.UTF8, canBeEmbedded: true), s_parseOptions, name.Replace('\\', '/')));
        }

        return trees.Count == 0
            ? throw new InvalidOperationException(
                $"No {Descriptor.Name} stand-in sources are embedded in {owner.GetName().Name} (expected resources named '{Descriptor.ResourcePrefix}*.cs').")
            : trees.ToImmutable();
    }

    private static ImmutableArray<MetadataReference> LoadTrustedPlatformAssemblies()
    {
        string tpa = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The runtime did not provide TRUSTED_PLATFORM_ASSEMBLIES.");
        return tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
