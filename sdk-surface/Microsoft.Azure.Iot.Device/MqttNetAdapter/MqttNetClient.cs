// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/MqttNetAdapter/MqttNetClient.cs (public members). The real Dispose()
// disposes the MQTTnet client without sending DISCONNECT.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Iot.Device.Mqtt;
using Microsoft.Azure.Iot.Device.MqttNetAdapter;

namespace Microsoft.Azure.Iot.Device.MQTTnetAdapter
{
    public class MqttNetClient : IMqttClient
    {
        private bool _isDisposed;

        public MqttNetClient(MqttNetClientOptions? options = null)
        {
            Options = options ?? new MqttNetClientOptions();
        }

        public event Func<MqttPublishReceivedEventArgs, Task>? PublishReceivedAsync;

        public event Func<MqttClientConnectedEventArgs, Task>? ConnectedAsync;

        public event Func<MqttClientDisconnectedEventArgs, Task>? DisconnectedAsync;

        public event Func<MqttConnect, Task<MqttConnect>>? ConnectingAsync;

        // Stand-in state, not SDK API.
        internal MqttNetClientOptions Options { get; }

        public virtual Task<MqttConnectAck> ConnectAsync(MqttConnect connect, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            throw new NotSupportedException("STAND-IN: the IotHubGuard SDK surface does not connect.");
        }

        public virtual Task DisconnectAsync(MqttDisconnect disconnect, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            return Task.CompletedTask;
        }

        public virtual Task<MqttPublishAck> PublishAsync(MqttPublish publish, CancellationToken cancellationToken = default) => Task.FromResult(new MqttPublishAck());

        public virtual Task<MqttSubscribeAck> SubscribeAsync(MqttSubscribe mqttSubscribe, CancellationToken cancellationToken = default) => Task.FromResult(new MqttSubscribeAck());

        public virtual Task<MqttUnsubscribeAck> UnsubscribeAsync(MqttUnsubscribe unsubscribe, CancellationToken cancellationToken = default) => Task.FromResult(new MqttUnsubscribeAck());

        public void Dispose() => _isDisposed = true;

        public bool IsConnected() => false;

        internal bool HasHandlers => PublishReceivedAsync != null || ConnectedAsync != null || DisconnectedAsync != null || ConnectingAsync != null;
    }
}
