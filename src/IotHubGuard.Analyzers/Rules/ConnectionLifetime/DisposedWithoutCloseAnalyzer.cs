using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT201: a <c>DeviceClient</c>/<c>ModuleClient</c> disposed (<c>using</c>, <c>Dispose()</c>) on a path where
/// <c>CloseAsync()</c> was not called first. Judged on the control flow graph; only bodies that dispose a client pay for it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DisposedWithoutCloseAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public DisposedWithoutCloseAnalyzer()
        : base(Descriptors.DisposedWithoutClose)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols) => symbols.HasDeviceSdk;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var model = new SdkClientReleaseModel(symbols, disposeReleases: false);
        var releases = new TypeReleaseIndex(model.ReleaseMethodNames);
        context.RegisterOperationBlockAction(c => DisposalRule.Analyze(c, model, releases, Descriptors.DisposedWithoutClose));
    }
}

/// <summary>AZIOT201 and AZIOT204 differ only in what releases the client; the rule itself is shared.</summary>
internal static class DisposalRule
{
    public static void Analyze(OperationBlockAnalysisContext context, ReleaseModel model, TypeReleaseIndex releases, DiagnosticDescriptor descriptor, OtherBrokerEvidence? otherBroker = null)
    {
        foreach (var (block, body) in FlowBodies.Of(context))
        {
            if (!DisposalSites.MayDispose(body, model)
                || (otherBroker is not null && otherBroker.TalksToAnotherBroker(body, context.CancellationToken)))
            {
                continue;
            }

            var checkpoints = ReleaseFlow.Analyze(
                context.GetControlFlowGraph(block),
                context.OwningSymbol,
                model,
                DisposalSites.SelectDisposal,
                context.CancellationToken);

            var reported = new HashSet<(Location, ISymbol)>();
            foreach (var checkpoint in checkpoints)
            {
                if (checkpoint.IsReleased
                    || !DisposalSites.TryGetSite(checkpoint.Operation, out var location, out var kind)
                    || !reported.Add((location, checkpoint.Symbol)))
                {
                    continue;
                }

                if (checkpoint.Symbol is IFieldSymbol or IPropertySymbol
                    && releases.IsReleasedElsewhere(checkpoint.Symbol, body.Syntax, context.CancellationToken))
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    descriptor,
                    location,
                    DisposalSites.Properties(kind, checkpoint.Symbol),
                    checkpoint.Symbol.Name));
            }
        }
    }
}
