using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT402: the referenced <c>Microsoft.Azure.Devices.Client</c> or <c>Microsoft.Azure.Iot.Device</c> is a preview or
/// end-of-life build, read from its AssemblyInformationalVersion (the assembly version drops the label:
/// 2.0.0-preview007 is 2.0.0.0). Once per SDK and compilation, no location.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SdkPreviewOrEndOfLifeAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public SdkPreviewOrEndOfLifeAnalyzer()
        : base(Descriptors.SdkPreviewOrEndOfLife)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols)
        => symbols.DeviceSdkAssembly is not null || symbols.IotDeviceSdkAssembly is not null;

    [SuppressMessage(
        "MicrosoftCodeAnalysisPerformance",
        "RS1013:Start action has no registered non-end actions",
        Justification = "IotHubGuardAnalyzer gates every rule in a compilation-start action; the end action is where a compilation-level diagnostic is reported.")]
    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var findings = new List<(string Name, string Reason, string Latest)>(2);
        foreach (var sdk in SdkReference.All(symbols))
        {
            if (sdk.InformationalVersion is { } informational && Describe(sdk.Package, sdk.Package.Classify(informational)) is { } reason)
            {
                findings.Add((sdk.Package.AssemblyName + " " + StripBuildMetadata(informational), reason, SdkVersionDefects.Format(sdk.Package.LatestRelease)));
            }
        }

        if (findings.Count == 0)
        {
            return;
        }

        context.RegisterCompilationEndAction(end =>
        {
            foreach (var (name, reason, latest) in findings)
            {
                end.ReportDiagnostic(Diagnostic.Create(Descriptors.SdkPreviewOrEndOfLife, Location.None, name, reason, latest));
            }
        });
    }

    private static string? Describe(SdkPackage package, SdkReleaseKind kind) => kind switch
    {
        SdkReleaseKind.EndOfLife when package.EndOfLifeReason.Length > 0 => "an end-of-life build: " + package.EndOfLifeReason,
        SdkReleaseKind.Preview or SdkReleaseKind.EndOfLife => package.PreviewReason,
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
