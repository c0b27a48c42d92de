// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/FileUpload/FileUploadSasUriRequest.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.
// The SDK's [JsonProperty] attributes (Newtonsoft.Json) are left out: the stand-in has no Newtonsoft reference.

namespace Microsoft.Azure.Devices.Client.Transport;

/// <summary>Request for a blob SAS URI (file upload step 1).</summary>
public class FileUploadSasUriRequest
{
    public string BlobName { get; set; }
}
