// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Not part of the SDK: internal helpers of the stand-in.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>What every network operation of the stand-in does: refuse.</summary>
internal static class StandInIo
{
    internal const string NoIoMessage = "IotHubGuard SDK surface stand-in: no I/O.";

    internal static NotSupportedException NoIo() => new NotSupportedException(NoIoMessage);
}
