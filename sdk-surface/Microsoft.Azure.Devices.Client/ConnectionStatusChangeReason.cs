// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/ConnectionStatusChangeReason.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

namespace Microsoft.Azure.Devices.Client;

/// <summary>Reason for a connection status change. Expired_SAS_Token and No_Network are not used by the SDK.</summary>
public enum ConnectionStatusChangeReason
{
    Connection_Ok,
    Expired_SAS_Token,
    Device_Disabled,
    Bad_Credential,
    Retry_Expired,
    No_Network,
    Communication_Error,
    Client_Close,
}
