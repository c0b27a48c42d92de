using Microsoft.Azure.Devices.Client;
using Microsoft.Azure.Devices.Client.Transport.Mqtt;

namespace FiringDevice;

/// <summary>
/// AZIOT206: the IoT Edge module template's start-up. The module client is opened, handed to the SDK as the handler's
/// user context, and never closed: when the edge agent stops or updates the module, the socket drops without a
/// DISCONNECT and the hub logs 404104.
/// </summary>
internal static class EdgeModule
{
    public static async Task InitAsync()
    {
        ITransportSettings[] settings = { new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) };
        var moduleClient = await ModuleClient.CreateFromEnvironmentAsync(settings);
        await moduleClient.OpenAsync();
        await moduleClient.SetInputMessageHandlerAsync("input1", PipeMessageAsync, moduleClient);
    }

    private static async Task<MessageResponse> PipeMessageAsync(Message message, object userContext)
    {
        var moduleClient = (ModuleClient)userContext;
        using var forwarded = new Message(message.GetBytes());
        await moduleClient.SendEventAsync("output1", forwarded);
        return MessageResponse.Completed;
    }
}
