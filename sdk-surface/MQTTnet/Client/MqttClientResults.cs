// STAND-IN for the MQTTnet 4.3.x public API (assembly MQTTnet, 4.3.7.1207). Used only by IotHubGuard tests; never shipped.
// Mirrors Source/MQTTnet/Client/{Connecting, Disconnecting, Publishing, Receiving, Subscribing, Unsubscribing,
// ExtendedAuthenticationExchange}/*.cs (dotnet/MQTTnet @ v4.3.7.1207): the public members device code uses.

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace MQTTnet.Client
{
    public enum MqttClientConnectResultCode
    {
        Success = 0,
        UnspecifiedError = 128,
        MalformedPacket = 129,
        ProtocolError = 130,
        ImplementationSpecificError = 131,
        UnsupportedProtocolVersion = 132,
        ClientIdentifierNotValid = 133,
        BadUserNameOrPassword = 134,
        NotAuthorized = 135,
        ServerUnavailable = 136,
        ServerBusy = 137,
        Banned = 138,
        BadAuthenticationMethod = 140,
        TopicNameInvalid = 144,
        PacketTooLarge = 149,
        QuotaExceeded = 151,
        PayloadFormatInvalid = 153,
        RetainNotSupported = 154,
        QoSNotSupported = 155,
        UseAnotherServer = 156,
        ServerMoved = 157,
        ConnectionRateExceeded = 159,
    }

    public sealed class MqttClientConnectResult
    {
        public MqttClientConnectResultCode ResultCode { get; internal set; }

        public bool IsSessionPresent { get; internal set; }

        public string AssignedClientIdentifier { get; internal set; }

        public string AuthenticationMethod { get; internal set; }

        public byte[] AuthenticationData { get; internal set; }

        public string ReasonString { get; internal set; }

        public ushort ServerKeepAlive { get; internal set; }
    }

    public sealed class MqttClientConnectedEventArgs : EventArgs
    {
        public MqttClientConnectedEventArgs(MqttClientConnectResult connectResult) => ConnectResult = connectResult;

        public MqttClientConnectResult ConnectResult { get; }
    }

    public sealed class MqttClientConnectingEventArgs : EventArgs
    {
        public MqttClientConnectingEventArgs(MqttClientOptions clientOptions) => ClientOptions = clientOptions;

        public MqttClientOptions ClientOptions { get; }
    }

    public enum MqttClientDisconnectOptionsReason
    {
        NormalDisconnection = 0,
        DisconnectWithWillMessage = 4,
        UnspecifiedError = 128,
        MalformedPacket = 129,
        ProtocolError = 130,
        ImplementationSpecificError = 131,
        TopicNameInvalid = 144,
        ReceiveMaximumExceeded = 147,
        TopicAliasInvalid = 148,
        PacketTooLarge = 149,
        MessageRateTooHigh = 150,
        QuotaExceeded = 151,
        AdministrativeAction = 152,
        PayloadFormatInvalid = 153,
    }

    public sealed class MqttClientDisconnectOptions
    {
        public MqttClientDisconnectOptionsReason Reason { get; set; } = MqttClientDisconnectOptionsReason.NormalDisconnection;

        public string ReasonString { get; set; }

        public uint SessionExpiryInterval { get; set; }

        public List<MqttUserProperty> UserProperties { get; set; }
    }

    public sealed class MqttClientDisconnectOptionsBuilder
    {
        private readonly MqttClientDisconnectOptions _options = new MqttClientDisconnectOptions();

        public MqttClientDisconnectOptions Build() => _options;

        public MqttClientDisconnectOptionsBuilder WithReason(MqttClientDisconnectOptionsReason value)
        {
            _options.Reason = value;
            return this;
        }

        public MqttClientDisconnectOptionsBuilder WithReasonString(string value)
        {
            _options.ReasonString = value;
            return this;
        }

        public MqttClientDisconnectOptionsBuilder WithSessionExpiryInterval(uint value)
        {
            _options.SessionExpiryInterval = value;
            return this;
        }
    }

    public enum MqttClientDisconnectReason
    {
        NormalDisconnection = 0,
        DisconnectWithWillMessage = 4,
        UnspecifiedError = 128,
        MalformedPacket = 129,
        ProtocolError = 130,
        ImplementationSpecificError = 131,
        NotAuthorized = 135,
        ServerBusy = 137,
        ServerShuttingDown = 139,
        BadAuthenticationMethod = 140,
        KeepAliveTimeout = 141,
        SessionTakenOver = 142,
        TopicFilterInvalid = 143,
        TopicNameInvalid = 144,
        ReceiveMaximumExceeded = 147,
        TopicAliasInvalid = 148,
        PacketTooLarge = 149,
        MessageRateTooHigh = 150,
        QuotaExceeded = 151,
        AdministrativeAction = 152,
        PayloadFormatInvalid = 153,
        RetainNotSupported = 154,
        QosNotSupported = 155,
        UseAnotherServer = 156,
        ServerMoved = 157,
        SharedSubscriptionsNotSupported = 158,
        ConnectionRateExceeded = 159,
        MaximumConnectTime = 160,
        SubscriptionIdentifiersNotSupported = 161,
        WildcardSubscriptionsNotSupported = 162,
    }

    public sealed class MqttClientDisconnectedEventArgs : EventArgs
    {
        public MqttClientDisconnectedEventArgs(
            bool clientWasConnected,
            MqttClientConnectResult connectResult,
            MqttClientDisconnectReason reason,
            string reasonString,
            List<MqttUserProperty> userProperties,
            Exception exception)
        {
            ClientWasConnected = clientWasConnected;
            ConnectResult = connectResult;
            Reason = reason;
            ReasonString = reasonString;
            UserProperties = userProperties;
            Exception = exception;
        }

        public bool ClientWasConnected { get; }

        public MqttClientConnectResult ConnectResult { get; }

        public Exception Exception { get; }

        public MqttClientDisconnectReason Reason { get; }

        public string ReasonString { get; }

        public List<MqttUserProperty> UserProperties { get; }
    }

    public enum MqttClientPublishReasonCode
    {
        Success = 0,
        NoMatchingSubscribers = 16,
        UnspecifiedError = 128,
        ImplementationSpecificError = 131,
        NotAuthorized = 135,
        TopicNameInvalid = 144,
        PacketIdentifierInUse = 145,
        QuotaExceeded = 151,
        PayloadFormatInvalid = 153,
    }

    public sealed class MqttClientPublishResult
    {
        public MqttClientPublishResult(ushort? packetIdentifier, MqttClientPublishReasonCode reasonCode, string reasonString, IReadOnlyCollection<MqttUserProperty> userProperties)
        {
            PacketIdentifier = packetIdentifier;
            ReasonCode = reasonCode;
            ReasonString = reasonString;
            UserProperties = userProperties;
        }

        public bool IsSuccess => ReasonCode == MqttClientPublishReasonCode.Success || ReasonCode == MqttClientPublishReasonCode.NoMatchingSubscribers;

        public ushort? PacketIdentifier { get; }

        public MqttClientPublishReasonCode ReasonCode { get; }

        public string ReasonString { get; }

        public IReadOnlyCollection<MqttUserProperty> UserProperties { get; }
    }

    public sealed class MqttApplicationMessageReceivedEventArgs : EventArgs
    {
        // 4.3.7 also takes the internal MqttPublishPacket and an acknowledge handler; the stand-in has no packets.
        internal MqttApplicationMessageReceivedEventArgs(string clientId, MqttApplicationMessage applicationMessage)
        {
            ClientId = clientId;
            ApplicationMessage = applicationMessage;
        }

        public MqttApplicationMessage ApplicationMessage { get; }

        public bool AutoAcknowledge { get; set; } = true;

        public string ClientId { get; }

        public bool IsHandled { get; set; }

        public bool ProcessingFailed { get; set; }

        public object Tag { get; set; }

        public Task AcknowledgeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed class MqttClientSubscribeOptions
    {
        public uint SubscriptionIdentifier { get; set; }

        public List<MqttTopicFilter> TopicFilters { get; set; } = new List<MqttTopicFilter>();

        public List<MqttUserProperty> UserProperties { get; set; }
    }

    public sealed class MqttClientSubscribeOptionsBuilder
    {
        private readonly MqttClientSubscribeOptions _options = new MqttClientSubscribeOptions();

        public MqttClientSubscribeOptions Build() => _options;

        public MqttClientSubscribeOptionsBuilder WithTopicFilter(
            string topic,
            MqttQualityOfServiceLevel qualityOfServiceLevel = MqttQualityOfServiceLevel.AtMostOnce,
            bool noLocal = false,
            bool retainAsPublished = false,
            MqttRetainHandling retainHandling = MqttRetainHandling.SendAtSubscribe)
            => WithTopicFilter(new MqttTopicFilter { Topic = topic, QualityOfServiceLevel = qualityOfServiceLevel, NoLocal = noLocal, RetainAsPublished = retainAsPublished, RetainHandling = retainHandling });

        public MqttClientSubscribeOptionsBuilder WithTopicFilter(MqttTopicFilter topicFilter)
        {
            _options.TopicFilters.Add(topicFilter ?? throw new ArgumentNullException(nameof(topicFilter)));
            return this;
        }
    }

    public sealed class MqttClientSubscribeResult
    {
        public MqttClientSubscribeResult(ushort packetIdentifier, IReadOnlyCollection<MqttClientSubscribeResultItem> items, string reasonString, IReadOnlyCollection<MqttUserProperty> userProperties)
        {
            PacketIdentifier = packetIdentifier;
            Items = items;
            ReasonString = reasonString;
            UserProperties = userProperties;
        }

        public IReadOnlyCollection<MqttClientSubscribeResultItem> Items { get; }

        public IReadOnlyCollection<MqttUserProperty> UserProperties { get; }

        public string ReasonString { get; }

        public ushort PacketIdentifier { get; }
    }

    public sealed class MqttClientSubscribeResultItem
    {
        public MqttClientSubscribeResultItem(MqttTopicFilter topicFilter, MqttClientSubscribeResultCode resultCode)
        {
            TopicFilter = topicFilter;
            ResultCode = resultCode;
        }

        public MqttTopicFilter TopicFilter { get; }

        public MqttClientSubscribeResultCode ResultCode { get; }
    }

    public enum MqttClientSubscribeResultCode
    {
        GrantedQoS0 = 0,
        GrantedQoS1 = 1,
        GrantedQoS2 = 2,
        UnspecifiedError = 0x80,
        ImplementationSpecificError = 131,
        NotAuthorized = 135,
        TopicFilterInvalid = 143,
        PacketIdentifierInUse = 145,
        QuotaExceeded = 151,
        SharedSubscriptionsNotSupported = 158,
        SubscriptionIdentifiersNotSupported = 161,
        WildcardSubscriptionsNotSupported = 162,
    }

    public sealed class MqttClientUnsubscribeOptions
    {
        public List<string> TopicFilters { get; set; } = new List<string>();

        public List<MqttUserProperty> UserProperties { get; set; }
    }

    public sealed class MqttClientUnsubscribeOptionsBuilder
    {
        private readonly MqttClientUnsubscribeOptions _options = new MqttClientUnsubscribeOptions();

        public MqttClientUnsubscribeOptions Build() => _options;

        public MqttClientUnsubscribeOptionsBuilder WithTopicFilter(string topic)
        {
            _options.TopicFilters.Add(topic ?? throw new ArgumentNullException(nameof(topic)));
            return this;
        }
    }

    public sealed class MqttClientUnsubscribeResult
    {
        // 4.3.7 also lists the per-topic result items; device code reads only the identifier and reason here.
        internal MqttClientUnsubscribeResult(ushort packetIdentifier, string reasonString)
        {
            PacketIdentifier = packetIdentifier;
            ReasonString = reasonString;
        }

        public ushort PacketIdentifier { get; }

        public string ReasonString { get; }
    }

    public class MqttExtendedAuthenticationExchangeData
    {
        public MqttAuthenticateReasonCode ReasonCode { get; set; }

        public string ReasonString { get; set; }

        public byte[] AuthenticationData { get; set; }
    }
}
