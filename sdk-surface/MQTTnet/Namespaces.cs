// STAND-IN for the MQTTnet 4.3.x public API (assembly MQTTnet, 4.3.7.1207). Used only by IotHubGuard tests; never shipped.
// Mirrors the small supporting types of Source/MQTTnet/{Formatter/MqttProtocolVersion, Protocol/*, Packets/MqttUserProperty,
// Packets/MqttTopicFilter, Diagnostics/Logger/*, Diagnostics/PacketInspection/InspectMqttPacketEventArgs,
// Adapter/IMqttClientAdapterFactory, Internal/Disposable, Exceptions/MqttProtocolViolationException}.cs
// (dotnet/MQTTnet @ v4.3.7.1207). IMqttClientAdapterFactory is declared without its member, whose types (channel adapters,
// packet inspector) device code never touches.

using System;
using System.Threading.Tasks;

namespace MQTTnet.Formatter
{
    public enum MqttProtocolVersion
    {
        Unknown = 0,
        V310 = 3,
        V311 = 4,
        V500 = 5,
    }
}

namespace MQTTnet.Protocol
{
    public enum MqttQualityOfServiceLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
    }

    public enum MqttPayloadFormatIndicator
    {
        Unspecified = 0,
        CharacterData = 1,
    }

    public enum MqttRetainHandling
    {
        SendAtSubscribe = 0,
        SendAtSubscribeIfNewSubscriptionOnly = 1,
        DoNotSendOnSubscribe = 2,
    }

    public enum MqttAuthenticateReasonCode
    {
        Success = 0,
        ContinueAuthentication = 24,
        ReAuthenticate = 25,
    }
}

namespace MQTTnet.Packets
{
    using MQTTnet.Protocol;

    public sealed class MqttUserProperty
    {
        public MqttUserProperty(string name, string value)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public string Name { get; }

        public string Value { get; }

        public override string ToString() => $"{Name} = {Value}";
    }

    public sealed class MqttTopicFilter
    {
        public bool NoLocal { get; set; }

        public MqttQualityOfServiceLevel QualityOfServiceLevel { get; set; }

        public bool RetainAsPublished { get; set; }

        public MqttRetainHandling RetainHandling { get; set; } = MqttRetainHandling.SendAtSubscribe;

        public string Topic { get; set; }
    }
}

namespace MQTTnet.Diagnostics
{
    public enum MqttNetLogLevel
    {
        Verbose,
        Info,
        Warning,
        Error,
    }

    public enum MqttPacketFlowDirection
    {
        Inbound,
        Outbound,
    }

    public interface IMqttNetLogger
    {
        bool IsEnabled { get; }

        void Publish(MqttNetLogLevel logLevel, string source, string message, object[] parameters, Exception exception);
    }

    public sealed class MqttNetNullLogger : IMqttNetLogger
    {
        public static MqttNetNullLogger Instance { get; } = new MqttNetNullLogger();

        public bool IsEnabled { get; }

        public void Publish(MqttNetLogLevel logLevel, string source, string message, object[] parameters, Exception exception)
        {
        }
    }

    public sealed class MqttNetEventLogger : IMqttNetLogger
    {
        public MqttNetEventLogger(string logId = null) => LogId = logId;

        public bool IsEnabled => false;

        public string LogId { get; }

        public void Publish(MqttNetLogLevel level, string source, string message, object[] parameters, Exception exception)
        {
        }
    }

    public sealed class InspectMqttPacketEventArgs : EventArgs
    {
        public InspectMqttPacketEventArgs(MqttPacketFlowDirection direction, byte[] buffer)
        {
            Direction = direction;
            Buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
        }

        public byte[] Buffer { get; }

        public MqttPacketFlowDirection Direction { get; }
    }
}

namespace MQTTnet.Adapter
{
    public interface IMqttClientAdapterFactory
    {
    }
}

namespace MQTTnet.Internal
{
    public abstract class Disposable : IDisposable
    {
        protected bool IsDisposed { get; private set; }

        protected void ThrowIfDisposed()
        {
            if (IsDisposed)
            {
                throw new ObjectDisposedException(GetType().Name);
            }
        }

        protected virtual void Dispose(bool disposing)
        {
        }

        public void Dispose()
        {
            if (IsDisposed)
            {
                return;
            }

            IsDisposed = true;
            Dispose(true);
            GC.SuppressFinalize(this);
        }
    }

    // Stand-in plumbing, not MQTTnet API.
    internal static class StandIn
    {
        public static NotSupportedException NoIo() => new NotSupportedException("IotHubGuard MQTTnet 4.3 stand-in: no I/O.");
    }
}

namespace MQTTnet.Exceptions
{
    public class MqttProtocolViolationException : Exception
    {
        public MqttProtocolViolationException(string message)
            : base(message)
        {
        }
    }
}
