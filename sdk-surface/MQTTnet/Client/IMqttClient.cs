// STAND-IN for the MQTTnet 4.3.x public API (assembly MQTTnet, 4.3.7.1207). Used only by IotHubGuard tests; never shipped.
// Mirrors Source/MQTTnet/Client/IMqttClient.cs and Client/MqttClient.cs (dotnet/MQTTnet @ v4.3.7.1207): public
// signatures only; bodies are stand-ins. Network operations throw NotSupportedException; nothing connects.

using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics;
using MQTTnet.Internal;

namespace MQTTnet.Client
{
    public interface IMqttClient : IDisposable
    {
        event Func<MqttApplicationMessageReceivedEventArgs, Task> ApplicationMessageReceivedAsync;

        event Func<MqttClientConnectedEventArgs, Task> ConnectedAsync;

        event Func<MqttClientConnectingEventArgs, Task> ConnectingAsync;

        event Func<MqttClientDisconnectedEventArgs, Task> DisconnectedAsync;

        event Func<InspectMqttPacketEventArgs, Task> InspectPacketAsync;

        bool IsConnected { get; }

        MqttClientOptions Options { get; }

        Task<MqttClientConnectResult> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken = default);

        Task DisconnectAsync(MqttClientDisconnectOptions options, CancellationToken cancellationToken = default);

        Task PingAsync(CancellationToken cancellationToken = default);

        Task<MqttClientPublishResult> PublishAsync(MqttApplicationMessage applicationMessage, CancellationToken cancellationToken = default);

        Task SendExtendedAuthenticationExchangeDataAsync(MqttExtendedAuthenticationExchangeData data, CancellationToken cancellationToken = default);

        Task<MqttClientSubscribeResult> SubscribeAsync(MqttClientSubscribeOptions options, CancellationToken cancellationToken = default);

        Task<MqttClientUnsubscribeResult> UnsubscribeAsync(MqttClientUnsubscribeOptions options, CancellationToken cancellationToken = default);
    }

    public sealed class MqttClient : Disposable, IMqttClient
    {
        public MqttClient(IMqttClientAdapterFactory channelFactory, IMqttNetLogger logger)
        {
            _ = channelFactory ?? throw new ArgumentNullException(nameof(channelFactory));
            _ = logger ?? throw new ArgumentNullException(nameof(logger));
        }

        public event Func<MqttApplicationMessageReceivedEventArgs, Task> ApplicationMessageReceivedAsync { add { } remove { } }

        public event Func<MqttClientConnectedEventArgs, Task> ConnectedAsync { add { } remove { } }

        public event Func<MqttClientConnectingEventArgs, Task> ConnectingAsync { add { } remove { } }

        public event Func<MqttClientDisconnectedEventArgs, Task> DisconnectedAsync { add { } remove { } }

        public event Func<InspectMqttPacketEventArgs, Task> InspectPacketAsync { add { } remove { } }

        public bool IsConnected => false;

        public MqttClientOptions Options { get; private set; }

        public Task<MqttClientConnectResult> ConnectAsync(MqttClientOptions options, CancellationToken cancellationToken = default)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            throw StandIn.NoIo();
        }

        // Disconnecting a client that never connected is harmless here, as in MQTTnet 4.3 (it only resets state).
        public Task DisconnectAsync(MqttClientDisconnectOptions options, CancellationToken cancellationToken = default)
            => options == null ? throw new ArgumentNullException(nameof(options)) : Task.CompletedTask;

        public Task PingAsync(CancellationToken cancellationToken = default) => throw StandIn.NoIo();

        public Task<MqttClientPublishResult> PublishAsync(MqttApplicationMessage applicationMessage, CancellationToken cancellationToken = default)
            => throw StandIn.NoIo();

        public Task SendExtendedAuthenticationExchangeDataAsync(MqttExtendedAuthenticationExchangeData data, CancellationToken cancellationToken = default)
            => throw StandIn.NoIo();

        public Task<MqttClientSubscribeResult> SubscribeAsync(MqttClientSubscribeOptions options, CancellationToken cancellationToken = default)
            => throw StandIn.NoIo();

        public Task<MqttClientUnsubscribeResult> UnsubscribeAsync(MqttClientUnsubscribeOptions options, CancellationToken cancellationToken = default)
            => throw StandIn.NoIo();
    }
}
