// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/ClientSettings/ITransportSettings.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Net;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Transport settings; every instance given to a client must be one of the SDK's three classes.</summary>
public interface ITransportSettings
{
    TransportType GetTransportType();

    TimeSpan DefaultReceiveTimeout { get; }

    IWebProxy Proxy { get; set; }
}
