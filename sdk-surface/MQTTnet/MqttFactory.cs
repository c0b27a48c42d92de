// STAND-IN for the MQTTnet 4.3.x public API (assembly MQTTnet, 4.3.7.1207). Used only by IotHubGuard tests; never shipped.
// Mirrors Source/MQTTnet/{MqttFactory, MqttApplicationMessage, MqttApplicationMessageBuilder,
// MqttApplicationMessageExtensions}.cs (dotnet/MQTTnet @ v4.3.7.1207): the client half device code uses (no server).

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MQTTnet.Adapter;
using MQTTnet.Client;
using MQTTnet.Diagnostics;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace MQTTnet
{
    public sealed class MqttFactory
    {
        public MqttFactory()
            : this(new MqttNetNullLogger())
        {
        }

        public MqttFactory(IMqttNetLogger logger) => DefaultLogger = logger ?? throw new ArgumentNullException(nameof(logger));

        public IMqttNetLogger DefaultLogger { get; }

        public MqttApplicationMessageBuilder CreateApplicationMessageBuilder() => new MqttApplicationMessageBuilder();

        public MqttClientDisconnectOptionsBuilder CreateClientDisconnectOptionsBuilder() => new MqttClientDisconnectOptionsBuilder();

        public MqttClientOptionsBuilder CreateClientOptionsBuilder() => new MqttClientOptionsBuilder();

        public IMqttClient CreateMqttClient() => CreateMqttClient(DefaultLogger);

        public IMqttClient CreateMqttClient(IMqttNetLogger logger) => new MqttClient(StandInAdapterFactory.Instance, logger);

        public IMqttClient CreateMqttClient(IMqttClientAdapterFactory clientAdapterFactory) => new MqttClient(clientAdapterFactory, DefaultLogger);

        public IMqttClient CreateMqttClient(IMqttNetLogger logger, IMqttClientAdapterFactory clientAdapterFactory) => new MqttClient(clientAdapterFactory, logger);

        public MqttClientSubscribeOptionsBuilder CreateSubscribeOptionsBuilder() => new MqttClientSubscribeOptionsBuilder();

        public MqttClientUnsubscribeOptionsBuilder CreateUnsubscribeOptionsBuilder() => new MqttClientUnsubscribeOptionsBuilder();

        private sealed class StandInAdapterFactory : IMqttClientAdapterFactory
        {
            public static readonly StandInAdapterFactory Instance = new StandInAdapterFactory();
        }
    }

    public sealed class MqttApplicationMessage
    {
        public string ContentType { get; set; }

        public byte[] CorrelationData { get; set; }

        public uint MessageExpiryInterval { get; set; }

        [Obsolete("Use PayloadSegment instead. This property will be removed in a future release.")]
        public byte[] Payload
        {
            get => PayloadSegment.ToArray();
            set => PayloadSegment = value == null ? default : new ArraySegment<byte>(value);
        }

        public ArraySegment<byte> PayloadSegment { get; set; }

        public MqttPayloadFormatIndicator PayloadFormatIndicator { get; set; } = MqttPayloadFormatIndicator.Unspecified;

        public MqttQualityOfServiceLevel QualityOfServiceLevel { get; set; }

        public string ResponseTopic { get; set; }

        public bool Retain { get; set; }

        public string Topic { get; set; }

        public List<MqttUserProperty> UserProperties { get; set; }
    }

    public sealed class MqttApplicationMessageBuilder
    {
        private readonly MqttApplicationMessage _message = new MqttApplicationMessage();

        public MqttApplicationMessage Build()
        {
            if (string.IsNullOrEmpty(_message.Topic))
            {
                throw new Exceptions.MqttProtocolViolationException("Topic is not set.");
            }

            return _message;
        }

        public MqttApplicationMessageBuilder WithContentType(string contentType)
        {
            _message.ContentType = contentType;
            return this;
        }

        public MqttApplicationMessageBuilder WithPayload(byte[] payload)
        {
            _message.PayloadSegment = payload == null ? default : new ArraySegment<byte>(payload);
            return this;
        }

        public MqttApplicationMessageBuilder WithPayload(ArraySegment<byte> payloadSegment)
        {
            _message.PayloadSegment = payloadSegment;
            return this;
        }

        public MqttApplicationMessageBuilder WithPayload(IEnumerable<byte> payload) => WithPayload(payload?.ToArray());

        public MqttApplicationMessageBuilder WithPayload(string payload) => WithPayload(payload == null ? null : Encoding.UTF8.GetBytes(payload));

        public MqttApplicationMessageBuilder WithQualityOfServiceLevel(MqttQualityOfServiceLevel qualityOfServiceLevel)
        {
            _message.QualityOfServiceLevel = qualityOfServiceLevel;
            return this;
        }

        public MqttApplicationMessageBuilder WithRetainFlag(bool value = true)
        {
            _message.Retain = value;
            return this;
        }

        public MqttApplicationMessageBuilder WithTopic(string topic)
        {
            _message.Topic = topic;
            return this;
        }

        public MqttApplicationMessageBuilder WithUserProperty(string name, string value)
        {
            (_message.UserProperties ??= new List<MqttUserProperty>()).Add(new MqttUserProperty(name, value));
            return this;
        }
    }

    public static class MqttApplicationMessageExtensions
    {
        public static string ConvertPayloadToString(this MqttApplicationMessage applicationMessage)
        {
            if (applicationMessage == null)
            {
                throw new ArgumentNullException(nameof(applicationMessage));
            }

            var payload = applicationMessage.PayloadSegment;
            return payload.Array == null ? null : Encoding.UTF8.GetString(payload.Array, payload.Offset, payload.Count);
        }
    }
}
