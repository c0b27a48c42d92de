using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT204: an MQTTnet <c>IMqttClient</c> disposed (<c>using</c>, <c>Dispose()</c>) on a path where
/// <c>DisconnectAsync()</c>/<c>TryDisconnectAsync()</c> was not called first. MQTTnet's Dispose sends no DISCONNECT.
/// Code that evidently talks to another broker is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MqttDisposedWithoutDisconnectAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public MqttDisposedWithoutDisconnectAnalyzer()
        : base(Descriptors.MqttDisposedWithoutDisconnect)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols) => symbols.IMqttClient is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var model = new MqttClientReleaseModel(symbols);
        var releases = new TypeReleaseIndex(model.ReleaseMethodNames);
        var evidence = new OtherBrokerEvidence(symbols);
        context.RegisterOperationBlockAction(c => DisposalRule.Analyze(c, model, releases, Descriptors.MqttDisposedWithoutDisconnect, evidence));
    }
}
