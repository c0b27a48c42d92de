using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers;

internal static partial class Descriptors
{
    // Both rules look at the referenced assembly, not at code: they are reported once per compilation, with no
    // source location, from a compilation-end action (hence the CompilationEnd tag, RS1037).
    public static readonly DiagnosticDescriptor SdkTooOld = Create(
        RuleIds.SdkTooOld,
        "The device SDK is older than the minimum version",
        "{0} is older than the minimum {1}; {2}; update the package to {1} or later",
        Categories.SdkVersion,
        DiagnosticSeverity.Warning,
        "The referenced Microsoft.Azure.Devices.Client assembly is older than azure_iot.sdk_minimum_version (default 1.42.0), "
            + "or Microsoft.Azure.Iot.Device older than azure_iot.iot_device_sdk_minimum_version (default 1.0.0). "
            + "Older releases have known defects that drop connections or leave the device unable to reconnect: no PINGRESP check before 1.28.0, "
            + "AMQP sockets left open by Dispose in 1.34.x, the process kept alive after CloseAsync in 1.38-1.39, CloseAsync not stopping the SAS refresh loop before 1.42.0.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor SdkPreviewOrEndOfLife = Create(
        RuleIds.SdkPreviewOrEndOfLife,
        "The device SDK is a preview or end-of-life build",
        "{0} is {1}; use a GA 1.x release (latest: {2})",
        Categories.SdkVersion,
        DiagnosticSeverity.Warning,
        "The AssemblyInformationalVersion of the referenced Microsoft.Azure.Devices.Client or Microsoft.Azure.Iot.Device carries a pre-release label. "
            + "The v1 SDK's 2.0.0-preview* line is end-of-life and gets no fixes; Microsoft.Azure.Iot.Device 2.0.0-preview* and other pre-release builds are not supported releases.",
        WellKnownDiagnosticTags.CompilationEnd);
}
