// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors the public delegates and enum declared at the top of iothub/device/src/InternalClient.cs
// (Azure/azure-iot-sdk-csharp @ 6097889d).

using System.Threading.Tasks;
using Microsoft.Azure.Devices.Shared;

namespace Microsoft.Azure.Devices.Client;

public delegate void ConnectionStatusChangesHandler(ConnectionStatus status, ConnectionStatusChangeReason reason);

public delegate Task<MethodResponse> MethodCallback(MethodRequest methodRequest, object userContext);

public delegate Task DesiredPropertyUpdateCallback(TwinCollection desiredProperties, object userContext);

public delegate Task ReceiveMessageCallback(Message message, object userContext);

public delegate Task<MessageResponse> MessageHandler(Message message, object userContext);

/// <summary>What a MessageHandler tells the SDK to do with a message.</summary>
public enum MessageResponse
{
    None,
    Completed,
    Abandoned,
}
