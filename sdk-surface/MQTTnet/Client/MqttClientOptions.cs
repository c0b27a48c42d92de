// STAND-IN for the MQTTnet 4.3.x public API (assembly MQTTnet, 4.3.7.1207). Used only by IotHubGuard tests; never shipped.
// Mirrors Source/MQTTnet/Client/Options/{MqttClientOptions, IMqttClientCredentialsProvider, MqttClientCredentials,
// IMqttClientChannelOptions, MqttClientTcpOptions, MqttClientWebSocketOptions, MqttClientTlsOptions}.cs
// (dotnet/MQTTnet @ v4.3.7.1207): the public members device code uses; property defaults as in 4.3.7.

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet.Formatter;
using MQTTnet.Packets;

namespace MQTTnet.Client
{
    public sealed class MqttClientOptions
    {
        public bool AllowPacketFragmentation { get; set; } = true;

        public byte[] AuthenticationData { get; set; }

        public string AuthenticationMethod { get; set; }

        public IMqttClientChannelOptions ChannelOptions { get; set; }

        public bool CleanSession { get; set; } = true;

        public string ClientId { get; set; } = Guid.NewGuid().ToString("N");

        public IMqttClientCredentialsProvider Credentials { get; set; }

        public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromSeconds(15);

        public uint MaximumPacketSize { get; set; }

        public MqttProtocolVersion ProtocolVersion { get; set; } = MqttProtocolVersion.V311;

        public uint SessionExpiryInterval { get; set; }

        public bool ThrowOnNonSuccessfulConnectResponse { get; set; } = true;

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        public List<MqttUserProperty> UserProperties { get; set; }

        public string WillTopic { get; set; }

        public byte[] WillPayload { get; set; }
    }

    public interface IMqttClientCredentialsProvider
    {
        string GetUserName(MqttClientOptions clientOptions);

        byte[] GetPassword(MqttClientOptions clientOptions);
    }

    public sealed class MqttClientCredentials : IMqttClientCredentialsProvider
    {
        private readonly string _userName;
        private readonly byte[] _password;

        public MqttClientCredentials(string userName, byte[] password = null)
        {
            _userName = userName;
            _password = password;
        }

        public string GetUserName(MqttClientOptions clientOptions) => _userName;

        public byte[] GetPassword(MqttClientOptions clientOptions) => _password;
    }

    public interface IMqttClientChannelOptions
    {
        MqttClientTlsOptions TlsOptions { get; }
    }

    public sealed class MqttClientTcpOptions : IMqttClientChannelOptions
    {
        public AddressFamily AddressFamily { get; set; } = AddressFamily.Unspecified;

        public int BufferSize { get; set; } = 8192;

        [Obsolete("Use RemoteEndpoint or MqttClientOptionsBuilder instead.")]
        public int? Port { get; set; }

        [Obsolete("Use RemoteEndpoint or MqttClientOptionsBuilder instead.")]
        public string Server { get; set; }

        public bool NoDelay { get; set; } = true;

        public EndPoint RemoteEndpoint { get; set; }

        public MqttClientTlsOptions TlsOptions { get; set; } = new MqttClientTlsOptions();
    }

    public sealed class MqttClientWebSocketOptions : IMqttClientChannelOptions
    {
        public IDictionary<string, string> RequestHeaders { get; set; }

        public ICollection<string> SubProtocols { get; set; } = new List<string> { "mqtt" };

        public MqttClientTlsOptions TlsOptions { get; set; } = new MqttClientTlsOptions();

        public string Uri { get; set; }

        public TimeSpan KeepAliveInterval { get; set; } = System.Net.WebSockets.WebSocket.DefaultKeepAliveInterval;
    }

    public sealed class MqttClientTlsOptions
    {
        public bool UseTls { get; set; }

        public bool IgnoreCertificateRevocationErrors { get; set; }

        public bool IgnoreCertificateChainErrors { get; set; }

        public bool AllowUntrustedCertificates { get; set; }

        public string TargetHost { get; set; }

        public SslProtocols SslProtocol { get; set; } = SslProtocols.Tls12 | SslProtocols.Tls13;
    }

    [Obsolete("Use methods from MqttClientOptionsBuilder instead.")]
    public sealed class MqttClientOptionsBuilderTlsParameters
    {
        public bool UseTls { get; set; }

        public SslProtocols SslProtocol { get; set; } = SslProtocols.Tls12 | SslProtocols.Tls13;

        public bool AllowUntrustedCertificates { get; set; }

        public bool IgnoreCertificateChainErrors { get; set; }

        public bool IgnoreCertificateRevocationErrors { get; set; }
    }

    public class MqttClientOptionsBuilderWebSocketParameters
    {
        public IDictionary<string, string> RequestHeaders { get; set; }

        public CookieContainer CookieContainer { get; set; }
    }
}
