// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/DirectMethod/MethodResponseStatusCode.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

namespace Microsoft.Azure.Devices.Client;

public enum MethodResponseStatusCode
{
    BadRequest = 400,
    UserCodeException = 500,
    MethodNotImplemented = 501,
}
