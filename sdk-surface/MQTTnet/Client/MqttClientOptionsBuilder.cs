// STAND-IN for the MQTTnet 4.3.x public API (assembly MQTTnet, 4.3.7.1207). Used only by IotHubGuard tests; never shipped.
// Mirrors Source/MQTTnet/Client/Options/{MqttClientOptionsBuilder, MqttClientTlsOptionsBuilder,
// MqttClientWebSocketOptionsBuilder}.cs (dotnet/MQTTnet @ v4.3.7.1207): the public members device code uses, with
// their exact signatures, defaults and [Obsolete] messages. Bodies only record what was asked.

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using MQTTnet.Formatter;

namespace MQTTnet.Client
{
    public sealed class MqttClientOptionsBuilder
    {
        private readonly MqttClientOptions _options = new MqttClientOptions();
        private MqttClientTcpOptions _tcpOptions;
        private MqttClientWebSocketOptions _webSocketOptions;
        private MqttClientTlsOptions _tlsOptions;

        public MqttClientOptions Build()
        {
            if (_tcpOptions == null && _webSocketOptions == null)
            {
                throw new InvalidOperationException("A channel must be set.");
            }

            if (_tlsOptions != null && _tcpOptions != null)
            {
                _tcpOptions.TlsOptions = _tlsOptions;
            }
            else if (_tlsOptions != null)
            {
                _webSocketOptions.TlsOptions = _tlsOptions;
            }

            _options.ChannelOptions = (IMqttClientChannelOptions)_tcpOptions ?? _webSocketOptions;
            return _options;
        }

        public MqttClientOptionsBuilder WithAuthentication(string method, byte[] data)
        {
            _options.AuthenticationMethod = method;
            _options.AuthenticationData = data;
            return this;
        }

        public MqttClientOptionsBuilder WithCleanSession(bool value = true)
        {
            _options.CleanSession = value;
            return this;
        }

        public MqttClientOptionsBuilder WithClientId(string value)
        {
            _options.ClientId = value;
            return this;
        }

        public MqttClientOptionsBuilder WithConnectionUri(Uri uri)
        {
            if (uri == null)
            {
                throw new ArgumentNullException(nameof(uri));
            }

            return WithTcpServer(uri.Host, uri.IsDefaultPort ? null : (int?)uri.Port);
        }

        public MqttClientOptionsBuilder WithConnectionUri(string uri) => WithConnectionUri(new Uri(uri, UriKind.Absolute));

        public MqttClientOptionsBuilder WithCredentials(string username, string password)
            => WithCredentials(username, password == null ? null : System.Text.Encoding.UTF8.GetBytes(password));

        public MqttClientOptionsBuilder WithCredentials(string username, byte[] password = null)
            => WithCredentials(new MqttClientCredentials(username, password));

        public MqttClientOptionsBuilder WithCredentials(IMqttClientCredentialsProvider credentials)
        {
            _options.Credentials = credentials;
            return this;
        }

        public MqttClientOptionsBuilder WithEndPoint(EndPoint endPoint)
        {
            _tcpOptions ??= new MqttClientTcpOptions();
            _tcpOptions.RemoteEndpoint = endPoint ?? throw new ArgumentNullException(nameof(endPoint));
            return this;
        }

        public MqttClientOptionsBuilder WithKeepAlivePeriod(TimeSpan value)
        {
            _options.KeepAlivePeriod = value;
            return this;
        }

        public MqttClientOptionsBuilder WithNoKeepAlive() => WithKeepAlivePeriod(TimeSpan.Zero);

        public MqttClientOptionsBuilder WithProtocolVersion(MqttProtocolVersion value)
        {
            _options.ProtocolVersion = value;
            return this;
        }

        public MqttClientOptionsBuilder WithSessionExpiryInterval(uint sessionExpiryInterval)
        {
            _options.SessionExpiryInterval = sessionExpiryInterval;
            return this;
        }

        public MqttClientOptionsBuilder WithTcpServer(string host, int? port = null, AddressFamily addressFamily = AddressFamily.Unspecified)
        {
            if (host == null)
            {
                throw new ArgumentNullException(nameof(host));
            }

            return WithEndPoint(new DnsEndPoint(host, port ?? 0, addressFamily));
        }

        public MqttClientOptionsBuilder WithTcpServer(Action<MqttClientTcpOptions> optionsBuilder)
        {
            _tcpOptions ??= new MqttClientTcpOptions();
            optionsBuilder?.Invoke(_tcpOptions);
            return this;
        }

        public MqttClientOptionsBuilder WithTimeout(TimeSpan value)
        {
            _options.Timeout = value;
            return this;
        }

        [Obsolete("Use WithTlsOptions(... configure) instead.")]
        public MqttClientOptionsBuilder WithTls(MqttClientOptionsBuilderTlsParameters parameters)
        {
            _tlsOptions = new MqttClientTlsOptions { UseTls = parameters?.UseTls == true };
            return this;
        }

        [Obsolete("Use WithTlsOptions(... configure) instead.")]
        public MqttClientOptionsBuilder WithTls() => WithTls(new MqttClientOptionsBuilderTlsParameters { UseTls = true });

        [Obsolete("Use WithTlsOptions(... configure) instead.")]
        public MqttClientOptionsBuilder WithTls(Action<MqttClientOptionsBuilderTlsParameters> optionsBuilder)
        {
            var parameters = new MqttClientOptionsBuilderTlsParameters { UseTls = true };
            optionsBuilder?.Invoke(parameters);
            return WithTls(parameters);
        }

        public MqttClientOptionsBuilder WithTlsOptions(MqttClientTlsOptions tlsOptions)
        {
            _tlsOptions = tlsOptions;
            return this;
        }

        public MqttClientOptionsBuilder WithTlsOptions(Action<MqttClientTlsOptionsBuilder> configure)
        {
            var builder = new MqttClientTlsOptionsBuilder();
            configure?.Invoke(builder);
            return WithTlsOptions(builder.Build());
        }

        public MqttClientOptionsBuilder WithUserProperty(string name, string value)
        {
            (_options.UserProperties ??= new List<Packets.MqttUserProperty>()).Add(new Packets.MqttUserProperty(name, value));
            return this;
        }

        [Obsolete("Use WithWebSocketServer(... configure) instead.")]
        public MqttClientOptionsBuilder WithWebSocketServer(string uri, MqttClientOptionsBuilderWebSocketParameters parameters = null)
        {
            _webSocketOptions = new MqttClientWebSocketOptions { Uri = uri, RequestHeaders = parameters?.RequestHeaders };
            return this;
        }

        public MqttClientOptionsBuilder WithWebSocketServer(Action<MqttClientWebSocketOptionsBuilder> configure)
        {
            var builder = new MqttClientWebSocketOptionsBuilder();
            configure?.Invoke(builder);
            _webSocketOptions = builder.Build();
            return this;
        }

        public MqttClientOptionsBuilder WithWillTopic(string willTopic)
        {
            _options.WillTopic = willTopic;
            return this;
        }
    }

    public sealed class MqttClientTlsOptionsBuilder
    {
        private readonly MqttClientTlsOptions _options = new MqttClientTlsOptions();

        public MqttClientTlsOptions Build() => _options;

        public MqttClientTlsOptionsBuilder UseTls(bool useTls = true)
        {
            _options.UseTls = useTls;
            return this;
        }

        public MqttClientTlsOptionsBuilder WithAllowUntrustedCertificates(bool allowUntrustedCertificates = true)
        {
            _options.AllowUntrustedCertificates = allowUntrustedCertificates;
            return this;
        }

        public MqttClientTlsOptionsBuilder WithSslProtocols(SslProtocols sslProtocols)
        {
            _options.SslProtocol = sslProtocols;
            return this;
        }

        public MqttClientTlsOptionsBuilder WithTargetHost(string targetHost)
        {
            _options.TargetHost = targetHost;
            return this;
        }
    }

    public sealed class MqttClientWebSocketOptionsBuilder
    {
        private readonly MqttClientWebSocketOptions _options = new MqttClientWebSocketOptions();

        public MqttClientWebSocketOptions Build() => _options;

        public MqttClientWebSocketOptionsBuilder WithRequestHeaders(IDictionary<string, string> requestHeaders)
        {
            _options.RequestHeaders = requestHeaders;
            return this;
        }

        public MqttClientWebSocketOptionsBuilder WithSubProtocols(ICollection<string> subProtocols)
        {
            _options.SubProtocols = subProtocols;
            return this;
        }

        public MqttClientWebSocketOptionsBuilder WithUri(string uri)
        {
            _options.Uri = uri;
            return this;
        }

        public MqttClientWebSocketOptionsBuilder WithKeepAliveInterval(TimeSpan keepAliveInterval)
        {
            _options.KeepAliveInterval = keepAliveInterval;
            return this;
        }
    }
}
