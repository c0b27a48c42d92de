// The MQTTnet 4.3 stand-in (sdk-surface/MQTTnet, STAND-IN for the MQTTnet 4.3.x public API; never shipped), compiled in
// memory by StandInCompiler, once per reference set. The registry serves only MQTTnet 5, so tests of the 4.x shapes
// compile against this.
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace IotHubGuard.Testing;

/// <summary>
/// The MQTTnet 4.3 stand-in as an in-memory assembly named <c>MQTTnet</c>, version <see cref="AssemblyVersion"/>,
/// compiled with Roslyn from the stand-in sources embedded in this assembly.
/// </summary>
public static class MqttNet4Surface
{
    /// <summary>Name of the stand-in assembly, as the real package's.</summary>
    public const string AssemblyName = "MQTTnet";

    /// <summary>The MQTTnet release the stand-in mirrors (the last 4.3.x).</summary>
    public const string AssemblyVersion = "4.3.7.1207";

    // MQTTnet's informational version is its full four-part version, not the GA default of three parts.
    private const string InformationalVersion = AssemblyVersion;

    private static readonly StandInCompiler s_compiler = new(new StandInDescriptor(
        name: "MqttNet4Surface",
        assemblyName: AssemblyName,
        defaultAssemblyVersion: AssemblyVersion,
        title: "IotHubGuard MQTTnet 4.3 stand-in (never shipped)"));

    /// <summary>The stand-in's source files (logical names, '/' separated).</summary>
    public static IReadOnlyList<string> SourceFiles => s_compiler.SourceFiles;

    /// <summary>
    /// A metadata reference to the stand-in compiled against <paramref name="compileAgainst"/> (the framework references of
    /// the compilation it will be used in). Cached per reference set: every test shares one compilation.
    /// </summary>
    /// <exception cref="System.InvalidOperationException">The stand-in does not compile; the message lists the errors.</exception>
    public static MetadataReference GetReference(IEnumerable<MetadataReference> compileAgainst) =>
        s_compiler.GetReference(compileAgainst, AssemblyVersion, InformationalVersion);
}
