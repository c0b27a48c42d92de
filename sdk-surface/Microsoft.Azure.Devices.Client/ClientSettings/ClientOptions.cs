// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/ClientSettings/ClientOptions.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using Microsoft.Azure.Devices.Shared;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Options that can be passed to the client factories.</summary>
public class ClientOptions
{
    /// <summary>Plug and Play model id; null by default. Not allowed with HTTP.</summary>
    public string ModelId { get; set; }

    public Http1TransportSettings FileUploadTransportSettings { get; set; } = new Http1TransportSettings();

    public SdkAssignsMessageId SdkAssignsMessageId { get; set; } = SdkAssignsMessageId.Never;

    /// <summary>TTL of the SAS tokens the SDK mints from a key. Zero (the default) means 1 hour.</summary>
    public TimeSpan SasTokenTimeToLive { get; set; }

    /// <summary>Renewal buffer, percent of the TTL, 0..100. Zero (the default) means 15 %.</summary>
    public int SasTokenRenewalBuffer { get; set; }
}
