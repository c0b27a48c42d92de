using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>AZIOT301: MQTT keep-alive above what IoT Hub honours (1177 s by default).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MqttKeepAliveTooLongAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public MqttKeepAliveTooLongAnalyzer()
        : base(Descriptors.KeepAliveTooLong)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols)
        => symbols.MqttTransportSettings is not null || symbols.MqttClientOptionsBuilder is not null || symbols.MqttClientOptions is not null
        || symbols.IotDeviceMqttNetClientOptions is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
        => context.RegisterOperationAction(
            c => Analyze(c, symbols),
            OperationKind.SimpleAssignment,
            OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols)
    {
        if (!KeepAliveSite.TryGetMqttKeepAlive(context.Operation, symbols, out var site)
            || !site.TryGetSeconds(symbols, context.CancellationToken, out var seconds))
        {
            return;
        }

        var max = AnalyzerOptionsReader.GetRange(
            context.Options,
            context.Operation.Syntax.SyntaxTree,
            RuleDefaults.MqttKeepAliveMinKey,
            RuleDefaults.MqttKeepAliveMinSeconds,
            RuleDefaults.MqttKeepAliveMaxKey,
            RuleDefaults.MqttKeepAliveMaxSeconds).Max;

        if (seconds <= max || !site.IsHubConnection(context.Operation, symbols, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.KeepAliveTooLong,
            site.Location,
            site.FixProperties(max),
            KeepAliveSite.FormatNumber(seconds),
            max));
    }
}
