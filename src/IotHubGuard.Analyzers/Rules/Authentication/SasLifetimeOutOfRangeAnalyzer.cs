using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT102: a SAS token lifetime or renewal buffer known at compile time lies outside the configured range
/// (900 s .. 86400 s, 5 % .. 50 %). Zero means the SDK default and is not reported; a buffer outside 0..100 and a
/// negative lifetime throw at run time and are always reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SasLifetimeOutOfRangeAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public SasLifetimeOutOfRangeAnalyzer()
        : base(Descriptors.SasLifetimeOutOfRange)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols)
        => symbols.ClientOptions is not null
        || symbols.AuthenticationWithTokenRefresh is not null
        || symbols.SharedAccessSignatureBuilder is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (SasLifetimeSite.TryGetFromAssignment((ISimpleAssignmentOperation)c.Operation, symbols, out var site))
                {
                    Analyze(c, site, symbols);
                }
            },
            OperationKind.SimpleAssignment);

        // new DeviceAuthenticationWithTpm(…, ttl, buffer), and base(deviceId, ttl, buffer) in user subclasses.
        context.RegisterOperationAction(
            c =>
            {
                var (constructor, arguments) = c.Operation switch
                {
                    IObjectCreationOperation { Constructor: { } ctor } creation => (ctor, creation.Arguments),
                    IInvocationOperation { TargetMethod.MethodKind: MethodKind.Constructor } call => (call.TargetMethod, call.Arguments),
                    _ => (null, default),
                };

                if (constructor is null)
                {
                    return;
                }

                foreach (var site in SasLifetimeSite.GetFromConstructorCall(constructor, arguments, symbols))
                {
                    Analyze(c, site, symbols);
                }
            },
            OperationKind.ObjectCreation,
            OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, SasLifetimeSite site, KnownSymbols symbols)
    {
        var tree = context.Operation.Syntax.SyntaxTree;
        if (site.Kind == SasSettingKind.TimeToLive)
        {
            if (!ValueFolding.TryGetSeconds(site.Value, symbols.TimeSpan, context.CancellationToken, out var seconds)
                || (seconds == 0 && site.ZeroIsDefault))
            {
                return;
            }

            var (min, max) = AnalyzerOptionsReader.GetRange(
                context.Options, tree, RuleDefaults.SasTtlMinKey, RuleDefaults.SasTtlMinSeconds, RuleDefaults.SasTtlMaxKey, RuleDefaults.SasTtlMaxSeconds);
            string consequence;
            if (seconds <= 0)
            {
                consequence = site.ZeroIsDefault
                    ? "the SDK throws ArgumentOutOfRangeException for a negative lifetime"
                    : "the token is already expired when it is built";
            }
            else if (seconds < min)
            {
                consequence = "tokens this short make the SDK renew them, and on MQTT reconnect, every few minutes";
            }
            else if (seconds > max)
            {
                consequence = "a token this long-lived is a standing credential, and its renewal goes untested until it expires";
            }
            else
            {
                return;
            }

            var replacement = Clamp(RuleDefaults.SdkDefaultSasTtlSeconds, Math.Max(min, 1), max);
            Report(context, site, KeepAliveSite.FormatSeconds(seconds), $"{min}–{max} s", consequence, replacement);
            return;
        }

        if (!ValueFolding.TryGetNumber(site.Value, context.CancellationToken, out var percent) || percent == 0)
        {
            return;
        }

        var (minPercent, maxPercent) = AnalyzerOptionsReader.GetRange(
            context.Options, tree, RuleDefaults.SasRenewalBufferMinKey, RuleDefaults.SasRenewalBufferMinPercent, RuleDefaults.SasRenewalBufferMaxKey, RuleDefaults.SasRenewalBufferMaxPercent);
        string bufferConsequence;
        if (percent < 0 || percent > 100)
        {
            bufferConsequence = "the SDK accepts 0–100 and throws ArgumentOutOfRangeException";
        }
        else if (percent < minPercent)
        {
            bufferConsequence = "renewal starts so close to expiry that a slow renewal lets the token expire (401003, then 404104)";
        }
        else if (percent > maxPercent)
        {
            bufferConsequence = "the token is renewed, and on MQTT the connection re-established, long before it needs to be";
        }
        else
        {
            return;
        }

        var bufferReplacement = Clamp(RuleDefaults.SdkDefaultSasRenewalBufferPercent, Math.Min(Math.Max(minPercent, 1), 100), Math.Min(maxPercent, 100));
        Report(context, site, KeepAliveSite.FormatNumber(percent) + " %", $"{minPercent}–{maxPercent} %", bufferConsequence, bufferReplacement);
    }

    private static int Clamp(int value, int min, int max) => Math.Max(min, Math.Min(max, value));

    private static void Report(OperationAnalysisContext context, SasLifetimeSite site, string value, string range, string consequence, int replacement)
        => context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SasLifetimeOutOfRange,
            site.Value.Syntax.GetLocation(),
            site.FixProperties(replacement),
            site.SettingName,
            value,
            range,
            consequence));
}
