using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT206: a client created into a local and never closed, disposed nor handed off on any path — typically a
/// <c>Main</c>, a top-level program or a <c>while (true)</c> worker that runs until the process is killed.
/// The rule itself is <see cref="ClientNeverClosedRule"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientNeverClosedAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ClientNeverClosedAnalyzer()
        : base(Descriptors.ClientNeverClosed)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols) => symbols.HasDeviceSdk || symbols.IMqttClient is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var creation = new ClientCreation(symbols);
        var sdkModel = new SdkClientReleaseModel(symbols, disposeReleases: true);
        var mqttModel = symbols.IMqttClient is null ? null : new MqttClientReleaseModel(symbols);
        context.RegisterOperationBlockAction(c => ClientNeverClosedRule.Analyze(c, symbols, creation, sdkModel, mqttModel));
    }
}
