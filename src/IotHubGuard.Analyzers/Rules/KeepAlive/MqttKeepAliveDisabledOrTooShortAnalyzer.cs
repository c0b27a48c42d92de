using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>AZIOT302: MQTT keep-alive disabled (0, <c>WithNoKeepAlive()</c>) or below the minimum (10 s by default).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MqttKeepAliveDisabledOrTooShortAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public MqttKeepAliveDisabledOrTooShortAnalyzer()
        : base(Descriptors.KeepAliveDisabledOrTooShort)
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

        var (min, max) = AnalyzerOptionsReader.GetRange(
            context.Options,
            context.Operation.Syntax.SyntaxTree,
            RuleDefaults.MqttKeepAliveMinKey,
            RuleDefaults.MqttKeepAliveMinSeconds,
            RuleDefaults.MqttKeepAliveMaxKey,
            RuleDefaults.MqttKeepAliveMaxSeconds);

        if (seconds >= min && seconds > 0)
        {
            return;
        }

        if (!site.IsHubConnection(context.Operation, symbols, context.CancellationToken))
        {
            return;
        }

        var description = site.Form == ValueForm.NoKeepAliveCall ? "is disabled by WithNoKeepAlive()"
            : seconds == 0 ? "is disabled (0 s)"
            : "of " + KeepAliveSite.FormatSeconds(seconds);

        // The fix sets the SDK default of 300 s, kept inside the configured range.
        var replacement = Math.Max(Math.Max(min, 1), Math.Min(max, RuleDefaults.SdkDefaultMqttKeepAliveSeconds));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.KeepAliveDisabledOrTooShort,
            site.Location,
            site.FixProperties(replacement),
            description,
            min));
    }
}
