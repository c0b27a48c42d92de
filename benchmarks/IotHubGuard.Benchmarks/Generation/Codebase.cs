using System;
using System.Collections.Generic;
using System.Linq;

namespace IotHubGuard.Benchmarks.Generation;

/// <summary>What a generated project references and contains.</summary>
public enum CodebaseKind
{
    /// <summary>Device code: DeviceClient/ModuleClient against the SDK surface, raw MQTTnet, and plain business code.</summary>
    Device,

    /// <summary>Plain business code only; references neither the device SDK nor MQTTnet.</summary>
    Plain,
}

/// <summary>One generated source file.</summary>
public sealed record GeneratedFile(string Path, string Text, string Template)
{
    /// <summary>Line count of <see cref="Text"/>.</summary>
    public int Lines { get; } = Text.Count(c => c == '\n') + 1;
}

/// <summary>A generated project: its files and the violations planted in it.</summary>
public sealed class Codebase
{
    internal Codebase(CodebaseKind kind, int seed, IReadOnlyList<GeneratedFile> files, IReadOnlyDictionary<string, int> planted)
    {
        Kind = kind;
        Seed = seed;
        Files = files;
        Planted = planted;
    }

    public CodebaseKind Kind { get; }

    public int Seed { get; }

    public IReadOnlyList<GeneratedFile> Files { get; }

    /// <summary>
    /// Violations planted, by rule ID. IDs of rules that exist (AZIOT301–303) are exact expectations; the others
    /// (e.g. "AZIOT1xx fixed SAS token") are bait for rule families that are still being written, so their rules have
    /// realistic work to do once they are merged.
    /// </summary>
    public IReadOnlyDictionary<string, int> Planted { get; }

    public int Lines => Files.Sum(f => f.Lines);

    public string Name => $"{Kind.ToString().ToLowerInvariant()}-{Files.Count}";

    /// <summary>How many files each template produced.</summary>
    public IReadOnlyDictionary<string, int> TemplateCounts =>
        Files.GroupBy(f => f.Template).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}
