// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Unified/Connection/ConnectionClient.cs and IConnectionClient.cs (public
// members; SendCertificateSigningRequestAsync is left out: no rule or sample uses certificate signing).
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Iot.Device.Models;
using Microsoft.Azure.Iot.Device.Mqtt;

namespace Microsoft.Azure.Iot.Device.Unified.Connection
{
    public interface IConnectionClient : IDisposable
    {
        ConnectionContext? GetCurrentConnectionContext();

        Task<MqttPublishAck> PublishAsync(MqttPublish publish, CancellationToken cancellationToken = default);

        Task<MqttSubscribeAck> SubscribeAsync(MqttSubscribe subscribe, CancellationToken cancellationToken = default);

        Task<MqttUnsubscribeAck> UnsubscribeAsync(MqttUnsubscribe unsubscribe, CancellationToken cancellationToken = default);

        event Func<MqttPublishReceivedEventArgs, Task> PublishReceivedAsync;
    }

    public class ConnectionClient : AbstractConnectionClient, IConnectionClient
    {
        public ConnectionClient(ConnectionClientOptions? options = null, ConnectionContext? connectionContext = null)
            : base(options)
        {
            RestoredConnectionContext = connectionContext;
        }

        // Stand-in state, not SDK API.
        internal ConnectionContext? RestoredConnectionContext { get; }

        public override MqttConnect MqttConnectOverride(MqttConnect connect) => connect;

        public override Task HandleConnectedToHubAsync(MqttClientConnectedEventArgs args) => Task.CompletedTask;

        public override void Dispose(bool disposing) => base.Dispose(disposing);

        public override void Dispose() => base.Dispose();
    }
}
