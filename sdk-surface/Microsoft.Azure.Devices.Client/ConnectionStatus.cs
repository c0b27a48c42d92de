// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/ConnectionStatus.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

namespace Microsoft.Azure.Devices.Client;

/// <summary>Connection status reported to the ConnectionStatusChangesHandler.</summary>
public enum ConnectionStatus
{
    Disconnected,
    Connected,
    Disconnected_Retrying,
    Disabled,
}
