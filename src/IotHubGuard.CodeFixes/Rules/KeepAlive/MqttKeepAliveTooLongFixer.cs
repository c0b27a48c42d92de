using System.Collections.Generic;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT301: set the keep-alive to 300 s, the SDK default that users and the docs recommend (first), or clamp it to the
/// maximum the hub honours (second, the smaller change). A constant of the project changes where it is declared.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MqttKeepAliveTooLongFixer))]
[Shared]
public sealed class MqttKeepAliveTooLongFixer : ReplaceValueFixProvider
{
    private const int SdkDefaultSeconds = 300;

    /// <summary>Creates the fixer.</summary>
    public MqttKeepAliveTooLongFixer()
        : base(RuleIds.KeepAliveTooLong, EquivalenceKeys.ClampKeepAlive, "Clamp the keep-alive to {0}")
    {
    }

    private protected override IEnumerable<(string TitleFormat, string EquivalenceKey, int Seconds)> Choices(int replacementSeconds)
    {
        // The maximum is configurable: 300 s is offered only where it is within it.
        if (replacementSeconds > SdkDefaultSeconds)
        {
            yield return ("Set the keep-alive to {0} (the SDK default)", EquivalenceKeys.SetSdkDefaultKeepAlive, SdkDefaultSeconds);
        }

        foreach (var choice in base.Choices(replacementSeconds))
        {
            yield return choice;
        }
    }
}
