using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Where each type releases its members (<c>_client.CloseAsync()</c>, <c>this._client?.DisconnectAsync()</c>), indexed
/// once per type and per compilation so that judging many disposals in a large type stays linear.
/// </summary>
internal sealed class TypeReleaseIndex
{
    private readonly ImmutableHashSet<string> _releaseNames;
    private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<Location>>> _byType = new(SymbolEqualityComparer.Default);

    public TypeReleaseIndex(ImmutableHashSet<string> releaseNames) => _releaseNames = releaseNames;

    /// <summary>
    /// A field or property that another member of its type releases (<c>StopAsync</c> closes it, <c>Dispose</c> then
    /// disposes it): a disposal in <paramref name="body"/> is the end of a lifecycle that the type closes elsewhere.
    /// </summary>
    public bool IsReleasedElsewhere(ISymbol member, SyntaxNode body, CancellationToken cancellationToken)
    {
        var releases = _byType.GetOrAdd(member.ContainingType, type => Build(type, cancellationToken));
        if (!releases.TryGetValue(member.Name, out var locations))
        {
            return false;
        }

        foreach (var location in locations)
        {
            if (location.SourceTree != body.SyntaxTree || !body.Span.Contains(location.SourceSpan))
            {
                return true;
            }
        }

        return false;
    }

    private Dictionary<string, List<Location>> Build(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var releases = new Dictionary<string, List<Location>>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is InvocationExpressionSyntax invocation && ReleaseModel.GetReleasedIdentifier(invocation, _releaseNames) is { } name)
                {
                    if (!releases.TryGetValue(name, out var list))
                    {
                        releases[name] = list = new List<Location>();
                    }

                    list.Add(invocation.GetLocation());
                }
            }
        }

        return releases;
    }
}
