// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/FileUpload/FileUploadSasUriResponse.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.
// The SDK's [JsonProperty] attributes (Newtonsoft.Json) are left out: the stand-in has no Newtonsoft reference.

using System;

namespace Microsoft.Azure.Devices.Client.Transport;

/// <summary>Blob SAS URI details returned by the hub (file upload step 1).</summary>
public class FileUploadSasUriResponse
{
    public string CorrelationId { get; set; }

    public string HostName { get; set; }

    public string ContainerName { get; set; }

    public string BlobName { get; set; }

    public string SasToken { get; set; }

    /// <summary>https://{HostName}/{ContainerName}/{escaped BlobName}{SasToken}</summary>
    public Uri GetBlobUri() => new Uri("https://" + HostName + "/" + ContainerName + "/" + Uri.EscapeDataString(BlobName) + SasToken);
}
