using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace IotHubGuard.CodeFixes;

/// <summary>AZIOT303: set the SDK's default AMQP idle timeout (2 min).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AmqpIdleTimeoutOutOfRangeFixer))]
[Shared]
public sealed class AmqpIdleTimeoutOutOfRangeFixer : ReplaceValueFixProvider
{
    /// <summary>Creates the fixer.</summary>
    public AmqpIdleTimeoutOutOfRangeFixer()
        : base(RuleIds.AmqpIdleTimeoutOutOfRange, EquivalenceKeys.SetDefaultIdleTimeout, "Set the idle timeout to {0}")
    {
    }
}
