using System.Collections.Concurrent;
using System.Collections.Generic;
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
    private readonly ConcurrentDictionary<INamedTypeSymbol, Dictionary<string, List<ReleaseCall>>> _byType = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// A field or property that another member of its type closes (<c>StopAsync</c> closes it, <c>Dispose</c> then
    /// disposes it): a disposal in <paramref name="body"/> is the end of a lifecycle that the type closes elsewhere.
    /// </summary>
    public bool IsClosedElsewhere(ISymbol member, ClientFamily family, SyntaxNode body, CancellationToken cancellationToken)
    {
        var releases = _byType.GetOrAdd(member.ContainingType, type => Build(type, cancellationToken));
        if (!releases.TryGetValue(member.Name, out var calls))
        {
            return false;
        }

        foreach (var call in calls)
        {
            if (ReleaseModel.KindOfName(family, call.Method) == ReleaseKind.Close
                && (call.Syntax.SyntaxTree != body.SyntaxTree || !body.Span.Contains(call.Syntax.Span)))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, List<ReleaseCall>> Build(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var releases = new Dictionary<string, List<ReleaseCall>>();
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            foreach (var call in ReleaseSyntax.CallsIn(reference.GetSyntax(cancellationToken)))
            {
                if (!releases.TryGetValue(call.Identifier, out var list))
                {
                    releases[call.Identifier] = list = new List<ReleaseCall>();
                }

                list.Add(call);
            }
        }

        return releases;
    }
}
