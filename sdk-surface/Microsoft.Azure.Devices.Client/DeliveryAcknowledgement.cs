// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/DeliveryAcknowledgement.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

namespace Microsoft.Azure.Devices.Client;

public enum DeliveryAcknowledgement
{
    None,
    NegativeOnly,
    PositiveOnly,
    Full,
}
