using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace IotHubGuard.CodeFixes;

/// <summary>AZIOT302: set the SDK's default keep-alive (300 s).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MqttKeepAliveDisabledOrTooShortFixer))]
[Shared]
public sealed class MqttKeepAliveDisabledOrTooShortFixer : ReplaceValueFixProvider
{
    /// <summary>Creates the fixer.</summary>
    public MqttKeepAliveDisabledOrTooShortFixer()
        : base(RuleIds.KeepAliveDisabledOrTooShort, EquivalenceKeys.SetDefaultKeepAlive, "Set the keep-alive to {0}")
    {
    }
}
