// STAND-IN for the MQTTnet 4.3.x public API (assembly MQTTnet, 4.3.7.1207). Used only by IotHubGuard tests; never shipped.
// Mirrors Source/MQTTnet/Client/MqttClientExtensions.cs (dotnet/MQTTnet @ v4.3.7.1207): public signatures only.

using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace MQTTnet.Client
{
    public static class MqttClientExtensions
    {
        public static Task DisconnectAsync(
            this IMqttClient client,
            MqttClientDisconnectOptionsReason reason = MqttClientDisconnectOptionsReason.NormalDisconnection,
            string reasonString = null,
            uint sessionExpiryInterval = 0,
            List<MqttUserProperty> userProperties = null,
            CancellationToken cancellationToken = default)
            => (client ?? throw new ArgumentNullException(nameof(client))).DisconnectAsync(
                new MqttClientDisconnectOptions { Reason = reason, ReasonString = reasonString, SessionExpiryInterval = sessionExpiryInterval, UserProperties = userProperties },
                cancellationToken);

        public static Task<MqttClientPublishResult> PublishBinaryAsync(
            this IMqttClient mqttClient,
            string topic,
            IEnumerable<byte> payload = null,
            MqttQualityOfServiceLevel qualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce,
            bool retain = false,
            CancellationToken cancellationToken = default)
            => (mqttClient ?? throw new ArgumentNullException(nameof(mqttClient))).PublishAsync(
                new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain).WithQualityOfServiceLevel(qualityOfServiceLevel).Build(),
                cancellationToken);

        public static Task<MqttClientPublishResult> PublishStringAsync(
            this IMqttClient mqttClient,
            string topic,
            string payload = null,
            MqttQualityOfServiceLevel qualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce,
            bool retain = false,
            CancellationToken cancellationToken = default)
            => mqttClient.PublishBinaryAsync(topic, Encoding.UTF8.GetBytes(payload ?? string.Empty), qualityOfServiceLevel, retain, cancellationToken);

        public static Task ReconnectAsync(this IMqttClient client, CancellationToken cancellationToken = default)
            => client.ConnectAsync(client.Options ?? throw new InvalidOperationException("The MQTT client was not connected before."), cancellationToken);

        public static Task SendExtendedAuthenticationExchangeDataAsync(this IMqttClient client, MqttExtendedAuthenticationExchangeData data)
            => (client ?? throw new ArgumentNullException(nameof(client))).SendExtendedAuthenticationExchangeDataAsync(data, CancellationToken.None);

        public static Task<MqttClientSubscribeResult> SubscribeAsync(this IMqttClient mqttClient, MqttTopicFilter topicFilter, CancellationToken cancellationToken = default)
            => mqttClient.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter).Build(), cancellationToken);

        public static Task<MqttClientSubscribeResult> SubscribeAsync(
            this IMqttClient mqttClient,
            string topic,
            MqttQualityOfServiceLevel qualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce,
            CancellationToken cancellationToken = default)
            => mqttClient.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topic, qualityOfServiceLevel).Build(), cancellationToken);

        public static async Task<bool> TryDisconnectAsync(
            this IMqttClient client,
            MqttClientDisconnectOptionsReason reason = MqttClientDisconnectOptionsReason.NormalDisconnection,
            string reasonString = null)
        {
            try
            {
                await client.DisconnectAsync(reason, reasonString).ConfigureAwait(false);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public static async Task<bool> TryPingAsync(this IMqttClient client, CancellationToken cancellationToken = default)
        {
            try
            {
                await client.PingAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public static Task<MqttClientUnsubscribeResult> UnsubscribeAsync(this IMqttClient mqttClient, string topic, CancellationToken cancellationToken = default)
            => mqttClient.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(topic).Build(), cancellationToken);
    }
}
