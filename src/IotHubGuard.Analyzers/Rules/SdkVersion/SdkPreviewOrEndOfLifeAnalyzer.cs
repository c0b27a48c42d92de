using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT402: the referenced <c>Microsoft.Azure.Devices.Client</c> is a preview or end-of-life build, read from its
/// AssemblyInformationalVersion (the assembly version drops the label: 2.0.0-preview007 is 2.0.0.0). Once per
/// compilation, no location.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SdkPreviewOrEndOfLifeAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public SdkPreviewOrEndOfLifeAnalyzer()
        : base(Descriptors.SdkPreviewOrEndOfLife)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols) => symbols.DeviceSdkAssembly is not null;

    [SuppressMessage(
        "MicrosoftCodeAnalysisPerformance",
        "RS1013:Start action has no registered non-end actions",
        Justification = "IotHubGuardAnalyzer gates every rule in a compilation-start action; the end action is where a compilation-level diagnostic is reported.")]
    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var sdk = SdkReference.From(symbols);
        var reason = sdk?.InformationalVersion is { } informational
            ? Describe(SdkVersionDefects.ClassifyInformationalVersion(informational))
            : null;
        if (reason is null)
        {
            return;
        }

        var version = StripBuildMetadata(sdk!.InformationalVersion!);
        context.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(
            Descriptors.SdkPreviewOrEndOfLife,
            Location.None,
            version,
            reason,
            SdkVersionDefects.Format(SdkVersionDefects.LatestRelease))));
    }

    private static string? Describe(SdkReleaseKind kind) => kind switch
    {
        SdkReleaseKind.EndOfLife => "an end-of-life build: " + SdkVersionDefects.V2PreviewEndOfLifeReason,
        SdkReleaseKind.Preview => "a pre-release build, not a supported release: previews and unreleased branches get no servicing fixes",
        _ => null,
    };

    /// <summary>"2.0.0-preview007+3f2a1c" reads "2.0.0-preview007": the commit hash says nothing to the reader.</summary>
    private static string StripBuildMetadata(string informationalVersion)
    {
        var text = informationalVersion.Trim();
        var plus = text.IndexOf('+');
        return plus < 0 ? text : text.Substring(0, plus);
    }
}
