using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT202: close and dispose the client from the type's <c>DisposeAsync</c>; when the type has none, add
/// <c>IAsyncDisposable</c> and <c>public async ValueTask DisposeAsync()</c> (and dispose it from an existing sync
/// <c>Dispose()</c> too). Fix All adds every client of a type to the same DisposeAsync. A <c>BackgroundService</c>
/// closes it in a <c>StopAsync</c> override instead (see <see cref="StopAsyncMember"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientFieldNeverClosedFixer))]
[Shared]
public sealed class ClientFieldNeverClosedFixer : LifetimeFixProvider
{
    /// <summary>Creates the fixer.</summary>
    public ClientFieldNeverClosedFixer()
        : base(RuleIds.ClientFieldNeverClosed)
    {
    }

    private protected override async Task<IReadOnlyList<LifetimeFix>> GetFixesAsync(
        Document document, SyntaxNode node, ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        if (!properties.TryGetValue(ClientFieldNeverClosedAnalyzer.MemberKey, out var member) || string.IsNullOrEmpty(member))
        {
            return new List<LifetimeFix>();
        }

        // A hosted service is stopped through StopAsync: the host may dispose it late or not at all.
        if (await StopAsyncMember.TryCreateAsync(document, node, member!, alsoDispose: true, cancellationToken).ConfigureAwait(false) is { } stop)
        {
            return new List<LifetimeFix> { new($"Close and dispose '{member}' in a StopAsync override", EquivalenceKeys.CloseFromStopAsync, stop) };
        }

        var apply = await DisposeAsyncMember.TryCreateAsync(document, node, member!, alsoDisposeFromDispose: true, cancellationToken).ConfigureAwait(false);
        return apply is null
            ? new List<LifetimeFix>()
            : new List<LifetimeFix> { new($"Close and dispose '{member}' from DisposeAsync", EquivalenceKeys.CloseFromDisposeAsync, apply) };
    }
}
