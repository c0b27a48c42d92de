using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// The connection-lifetime rules that need the control flow: AZIOT201 (device client disposed before
/// <c>CloseAsync</c>), AZIOT204 (MQTTnet client disposed before <c>DisconnectAsync</c>) and AZIOT205 (client
/// overwritten while the previous one is open). One <see cref="ReleaseFlow"/> pass per method body that disposes or
/// overwrites a client, read by every rule; bodies that do neither never build a flow graph. AZIOT206 (client created in
/// a method and never closed) runs on the same bodies through <see cref="ClientNeverClosedRule"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConnectionLifetimeAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ConnectionLifetimeAnalyzer()
        : base(Descriptors.DisposedWithoutClose, Descriptors.MqttDisposedWithoutDisconnect, Descriptors.ClientOverwrittenWhileOpen, Descriptors.ClientNeverClosed)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols)
        => symbols.HasDeviceSdk || symbols.IMqttClient is not null || symbols.IotDeviceConnectionClient is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var creation = new ClientCreation(symbols);
        var rules = new LifetimeRules(ReleaseModel.For(symbols), new OtherBrokerEvidence(symbols), creation, new ClientNeverClosedRule(symbols, ReleaseModel.For(symbols), creation));
        context.RegisterOperationBlockAction(rules.Analyze);
    }

    private sealed class LifetimeRules
    {
        private readonly ReleaseModel _model;
        private readonly OtherBrokerEvidence _otherBroker;
        private readonly TypeReleaseIndex _releases = new();
        private readonly CreationSites _sites = new();
        private readonly ClientCreation _creation;
        private readonly ClientNeverClosedRule _neverClosed;

        public LifetimeRules(ReleaseModel model, OtherBrokerEvidence otherBroker, ClientCreation creation, ClientNeverClosedRule neverClosed)
        {
            _model = model;
            _otherBroker = otherBroker;
            _creation = creation;
            _neverClosed = neverClosed;
        }

        public void Analyze(OperationBlockAnalysisContext context)
        {
            foreach (var (block, body) in FlowBodies.Of(context))
            {
                _neverClosed.Analyze(context, block, body);
                var work = LifetimeGate.Scan(body, _model);
                if ((work & LifetimeWork.MqttDisposal) != 0 && _otherBroker.TalksToAnotherBroker(body, context.CancellationToken))
                {
                    work &= ~LifetimeWork.MqttDisposal;
                }

                if (work == LifetimeWork.None)
                {
                    continue;
                }

                var flow = ReleaseFlow.Analyze(context.GetControlFlowGraph(block), context.OwningSymbol, _model, Select, context.CancellationToken);
                Report(context, body, work, flow);
            }
        }

        private static ISymbol? Select(IOperation operation, IFlowValues values)
            => DisposalSites.SelectDisposal(operation, values) ?? OverwriteSites.SelectOverwrite(operation, values);

        private void Report(OperationBlockAnalysisContext context, IOperation body, LifetimeWork work, ReleaseFlowResult flow)
        {
            var reported = new HashSet<(string, Location, ISymbol)>();
            foreach (var checkpoint in flow.Checkpoints)
            {
                var diagnostic = DisposalSites.IsDisposal(checkpoint.Operation, out _)
                    ? JudgeDisposal(checkpoint, work, body, context.CancellationToken)
                    : JudgeOverwrite(checkpoint, work, body.SemanticModel, context.CancellationToken);
                if (diagnostic is not null && reported.Add((diagnostic.Id, diagnostic.Location, checkpoint.Symbol)))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        /// <summary>AZIOT201 and AZIOT204: disposed on a path where it was not closed first.</summary>
        private Diagnostic? JudgeDisposal(ReleaseCheckpoint checkpoint, LifetimeWork work, IOperation body, CancellationToken cancellationToken)
        {
            var descriptor = checkpoint.Family switch
            {
                ClientFamily.DeviceSdk or ClientFamily.IotDevice when (work & LifetimeWork.SdkDisposal) != 0 => Descriptors.DisposedWithoutClose,
                ClientFamily.Mqtt when (work & LifetimeWork.MqttDisposal) != 0 => Descriptors.MqttDisposedWithoutDisconnect,
                _ => null,
            };
            if (descriptor is null
                || checkpoint.Has(ReleaseFacts.Closed)
                || !DisposalSites.TryGetSite(checkpoint.Operation, out var location, out var kind)
                || (checkpoint.Symbol is IFieldSymbol or IPropertySymbol && _releases.IsClosedElsewhere(checkpoint.Symbol, checkpoint.Family, body.Syntax, cancellationToken))
                || (checkpoint.Symbol is ILocalSymbol local && _creation.IsHttp1Local(local, body.SemanticModel, cancellationToken))
                || CollectionCloses.ClosedBefore(checkpoint.Symbol, checkpoint.Operation, body, _model, cancellationToken)
                || AliasCloses.ClosedBefore(checkpoint.Symbol, checkpoint.Operation, body, checkpoint.Family, _model))
            {
                return null;
            }

            var properties = DisposalSites.Properties(kind, checkpoint.Symbol).Add(DisposalSites.CloseMethodKey, ReleaseModel.CloseMethodOf(checkpoint.Family));
            return descriptor == Descriptors.DisposedWithoutClose
                ? Diagnostic.Create(descriptor, location, properties, checkpoint.Symbol.Name, ReleaseModel.CloseMethodOf(checkpoint.Family))
                : Diagnostic.Create(descriptor, location, properties, checkpoint.Symbol.Name);
        }

        /// <summary>AZIOT205: overwritten on a path where the previous client was neither closed nor disposed.</summary>
        private Diagnostic? JudgeOverwrite(ReleaseCheckpoint checkpoint, LifetimeWork work, SemanticModel? semanticModel, CancellationToken cancellationToken)
        {
            var family = checkpoint.Family;
            if ((family == ClientFamily.DeviceSdk && (work & LifetimeWork.SdkOverwrite) == 0)
                || (family == ClientFamily.Mqtt && (work & LifetimeWork.MqttOverwrite) == 0)
                || family == ClientFamily.None
                || checkpoint.Has(ReleaseFacts.Ended)
                || !OverwriteSites.IsReportable(checkpoint, _sites, cancellationToken))
            {
                return null;
            }

            // The assignment as written (the graph's copy may hold flow captures): an HTTP client keeps no connection,
            // and an MQTTnet client counts only when it evidently targets IoT Hub.
            if (semanticModel?.GetOperation(checkpoint.Operation.Syntax, cancellationToken) is IAssignmentOperation { Value: var value }
                && (_creation.IsHttp1(value, cancellationToken)
                    || (family == ClientFamily.Mqtt && !HubTargetDetector.TargetsIotHub(ClientCreation.Unwrap(value), _model.Symbols, cancellationToken))))
            {
                return null;
            }

            return Diagnostic.Create(Descriptors.ClientOverwrittenWhileOpen, checkpoint.Operation.Syntax.GetLocation(), checkpoint.Symbol.Name);
        }
    }
}
