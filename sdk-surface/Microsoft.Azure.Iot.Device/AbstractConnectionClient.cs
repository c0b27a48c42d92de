// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/AbstractConnectionClient.cs (public members only).
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Iot.Device.Models;
using Microsoft.Azure.Iot.Device.Mqtt;

namespace Microsoft.Azure.Iot.Device
{
    public abstract class AbstractConnectionClient
    {
        public AbstractConnectionClient(ConnectionClientOptions? options = null)
        {
            Options = options ?? new ConnectionClientOptions();
        }

        public event Func<MqttPublishReceivedEventArgs, Task>? PublishReceivedAsync;

        public event Func<ConnectionFaultedEventArgs, Task>? ConnectionFaultedAsync;

        public Func<IReadOnlyList<string>, Task<X509AuthenticationProvider>>? HandleCertificateSigningCompleteAsync;

        // Stand-in state, not SDK API: lets tests see what the client was asked to do.
        internal ConnectionClientOptions Options { get; }

        internal bool IsDisposed { get; private set; }

        public abstract MqttConnect MqttConnectOverride(MqttConnect connect);

        public abstract Task HandleConnectedToHubAsync(MqttClientConnectedEventArgs args);

        public ConnectionContext? GetCurrentConnectionContext() => null;

        public Task<ConnectionContext> ProvisionAndConnectAsync(ProvisioningSettings provisioningSettings, X509AuthenticationProvider authentication, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            throw new NotSupportedException("STAND-IN: the IotHubGuard SDK surface does not connect.");
        }

        public Task<bool> TryConnectAsync(ConnectionContext connectionContext, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return Task.FromResult(false);
        }

        public Task<MqttPublishAck> PublishAsync(MqttPublish publish, CancellationToken cancellationToken = default) => Task.FromResult(new MqttPublishAck());

        public Task<MqttSubscribeAck> SubscribeAsync(MqttSubscribe subscribe, CancellationToken cancellationToken = default) => Task.FromResult(new MqttSubscribeAck());

        public Task<MqttUnsubscribeAck> UnsubscribeAsync(MqttUnsubscribe unsubscribe, CancellationToken cancellationToken = default) => Task.FromResult(new MqttUnsubscribeAck());

        public Task DisconnectAsync(CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return Task.CompletedTask;
        }

        public virtual void Dispose(bool disposing) => IsDisposed = true;

        public virtual void Dispose() => IsDisposed = true;

        // Only so that the events count as used; the stand-in never raises them.
        internal bool HasHandlers => PublishReceivedAsync != null || ConnectionFaultedAsync != null;
    }
}
