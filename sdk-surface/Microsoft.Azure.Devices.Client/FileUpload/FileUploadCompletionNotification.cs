// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/FileUpload/FileUploadCompletionNotification.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.
// The SDK's [JsonProperty] attributes (Newtonsoft.Json) are left out: the stand-in has no Newtonsoft reference.

namespace Microsoft.Azure.Devices.Client.Transport;

/// <summary>Tells the hub that a file upload finished (file upload step 3).</summary>
public class FileUploadCompletionNotification
{
    public string CorrelationId { get; set; }

    public bool IsSuccess { get; set; }

    public int StatusCode { get; set; }

    public string StatusDescription { get; set; }
}
