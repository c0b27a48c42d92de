using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>AZIOT303: AMQP <c>IdleTimeout</c> zero, negative, or outside the configured range (10 s .. 1177 s).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AmqpIdleTimeoutOutOfRangeAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public AmqpIdleTimeoutOutOfRangeAnalyzer()
        : base(Descriptors.AmqpIdleTimeoutOutOfRange)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols) => symbols.AmqpTransportSettings is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
        => context.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.SimpleAssignment);

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols)
    {
        if (!KeepAliveSite.TryGetAmqpIdleTimeout(context.Operation, symbols, out var site)
            || !site.TryGetSeconds(symbols, context.CancellationToken, out var seconds))
        {
            return;
        }

        var (min, max) = AnalyzerOptionsReader.GetRange(
            context.Options,
            context.Operation.Syntax.SyntaxTree,
            RuleDefaults.AmqpIdleTimeoutMinKey,
            RuleDefaults.AmqpIdleTimeoutMinSeconds,
            RuleDefaults.AmqpIdleTimeoutMaxKey,
            RuleDefaults.AmqpIdleTimeoutMaxSeconds);

        if (seconds > 0 && seconds >= min && seconds <= max)
        {
            return;
        }

        // The fix sets the SDK default of 2 minutes, kept inside the configured range.
        var replacement = Math.Max(Math.Max(min, 1), Math.Min(max, RuleDefaults.SdkDefaultAmqpIdleTimeoutSeconds));
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.AmqpIdleTimeoutOutOfRange,
            site.Location,
            site.FixProperties(replacement),
            KeepAliveSite.FormatSeconds(seconds),
            min,
            max));
    }
}
