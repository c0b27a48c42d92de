using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers;

/// <summary>
/// The single descriptor table. Families live in partial files (Descriptors.KeepAlive.cs, …);
/// every descriptor is made by <see cref="Create"/>, so every help link points at docs/rules/ID.md.
/// </summary>
internal static partial class Descriptors
{
    public const string HelpLinkBase = RepositoryInfo.Url + "/blob/main/docs/rules/";

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags)
        => new(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLink(id),
            customTags: customTags);
}
