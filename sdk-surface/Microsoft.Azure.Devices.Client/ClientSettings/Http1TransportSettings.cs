// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/ClientSettings/Http1TransportSettings.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;

namespace Microsoft.Azure.Devices.Client;

/// <summary>HTTP transport settings (also used for file upload).</summary>
public sealed class Http1TransportSettings : ITransportSettings
{
    private static readonly TimeSpan s_defaultOperationTimeout = TimeSpan.FromMinutes(1);

    public Http1TransportSettings()
    {
        Proxy = StandInWebProxy.Instance;
    }

    public TransportType GetTransportType() => TransportType.Http1;

    public X509Certificate2 ClientCertificate { get; set; }

    public TimeSpan DefaultReceiveTimeout => s_defaultOperationTimeout;

    public IWebProxy Proxy { get; set; }

    public HttpClient HttpClient { get; set; }
}
