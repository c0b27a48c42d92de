using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT401: the referenced <c>Microsoft.Azure.Devices.Client</c> is older than <c>azure_iot.sdk_minimum_version</c>
/// (default 1.42.0), or the referenced <c>Microsoft.Azure.Iot.Device</c> older than
/// <c>azure_iot.iot_device_sdk_minimum_version</c> (default 1.0.0). The message names the worst known disconnect defect
/// of that version and the release that fixed it, from the tables shared with the runtime check
/// (<c>src/Shared/SdkVersionDefects.cs</c>, <c>src/Shared/IotDeviceVersions.cs</c>). Once per SDK and compilation, no location.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SdkTooOldAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public SdkTooOldAnalyzer()
        : base(Descriptors.SdkTooOld)
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
        var references = SdkReference.All(symbols);
        if (references.Count == 0)
        {
            return;
        }

        context.RegisterCompilationEndAction(end =>
        {
            foreach (var sdk in references)
            {
                var minimum = SdkReference.ReadMinimum(end.Options, end.Compilation, sdk.Package);
                if (SdkVersionDefects.Compare(sdk.Version, minimum) >= 0)
                {
                    continue;
                }

                end.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.SdkTooOld,
                    Location.None,
                    sdk.DisplayName,
                    SdkVersionDefects.Format(minimum),
                    DescribeWorstDefect(sdk.Package.FindWorstDefect(sdk.Version))));
            }
        });
    }

    /// <summary>The message's middle part: the worst known defect of <paramref name="version"/> and the release that fixed it.</summary>
    internal static string DescribeWorstDefect(Version version) => DescribeWorstDefect(SdkVersionDefects.FindWorstDefect(version));

    private static string DescribeWorstDefect(SdkDefect? defect)
    {
        return defect is null
            ? "no disconnect defect of this version is known, but the project requires a newer one"
            : $"its worst known disconnect defect, fixed in {SdkVersionDefects.Format(defect.FixedIn)}: {defect.Summary} ({defect.Source})";
    }
}
