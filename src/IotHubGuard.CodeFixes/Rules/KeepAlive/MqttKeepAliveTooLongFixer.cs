using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace IotHubGuard.CodeFixes;

/// <summary>AZIOT301: clamp the keep-alive to the maximum the hub honours.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MqttKeepAliveTooLongFixer))]
[Shared]
public sealed class MqttKeepAliveTooLongFixer : ReplaceValueFixProvider
{
    /// <summary>Creates the fixer.</summary>
    public MqttKeepAliveTooLongFixer()
        : base(RuleIds.KeepAliveTooLong, EquivalenceKeys.ClampKeepAlive, "Clamp the keep-alive to {0}")
    {
    }
}
