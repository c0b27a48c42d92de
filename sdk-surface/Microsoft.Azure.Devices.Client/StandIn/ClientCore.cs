// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Not part of the SDK: plays the role of the SDK's internal InternalClient + ClientFactory, without any I/O.
// Creation validates its arguments the way the SDK does (so "Create* throws" tests behave), and the instance keeps
// everything the client was configured with, so runtime tests can inspect it by reflection
// (DeviceClient/ModuleClient have an internal property "StandIn" of this type).

using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Azure.Devices.Client.Transport.Mqtt;

namespace Microsoft.Azure.Devices.Client;

internal sealed class ClientCore
{
    private static readonly Regex s_deviceIdInConnectionString =
        new Regex(@"(^\s*?|.*;\s*?)DeviceId\s*?=.*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private ClientCore(IotHubConnectionStringBuilder builder, ITransportSettings[] transportSettings, ClientOptions options)
    {
        ConnectionStringBuilder = builder;
        TransportSettings = transportSettings;
        Options = options ?? new ClientOptions();
        if (Options.FileUploadTransportSettings == null)
        {
            Options.FileUploadTransportSettings = new Http1TransportSettings();
        }

        // Key-based auth: the SDK mints its own renewing tokens with the ClientOptions TTL/buffer (0 = 1 h / 15 %);
        // out-of-range values throw here, at creation, as in the SDK.
        if (!(builder.AuthenticationMethod is AuthenticationWithTokenRefresh)
            && !(builder.AuthenticationMethod is DeviceAuthenticationWithX509Certificate)
            && !string.IsNullOrEmpty(builder.SharedAccessKey))
        {
            int ttlSeconds = (int)Options.SasTokenTimeToLive.TotalSeconds;
            if (ttlSeconds < 0)
            {
                throw new ArgumentOutOfRangeException("suggestedTimeToLiveSeconds");
            }

            if (Options.SasTokenRenewalBuffer < 0 || Options.SasTokenRenewalBuffer > 100)
            {
                throw new ArgumentOutOfRangeException("timeBufferPercentage");
            }

            SdkRenewedSasTimeToLive = TimeSpan.FromSeconds(ttlSeconds == 0 ? DeviceAuthenticationWithTokenRefresh.DefaultTimeToLiveSeconds : ttlSeconds);
            SdkRenewedSasRenewalBuffer = Options.SasTokenRenewalBuffer == 0 ? DeviceAuthenticationWithTokenRefresh.DefaultBufferPercentage : Options.SasTokenRenewalBuffer;
        }
    }

    // ---- What the client was created with ----

    internal IotHubConnectionStringBuilder ConnectionStringBuilder { get; }

    internal IAuthenticationMethod AuthenticationMethod => ConnectionStringBuilder.AuthenticationMethod;

    internal ITransportSettings[] TransportSettings { get; }

    internal ClientOptions Options { get; }

    /// <summary>Set when the SDK itself would mint and renew SAS tokens from a key (null otherwise).</summary>
    internal TimeSpan? SdkRenewedSasTimeToLive { get; }

    internal int? SdkRenewedSasRenewalBuffer { get; }

    // ---- What the application did to it ----

    /// <summary>The SDK default: retry forever.</summary>
    internal IRetryPolicy RetryPolicy { get; set; } =
        new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));

    internal bool RetryPolicySet { get; set; }

    internal ConnectionStatusChangesHandler ConnectionStatusChangesHandler { get; set; }

    internal int DiagnosticSamplingPercentage { get; set; }

    internal uint OperationTimeoutInMilliseconds { get; set; } = DeviceClient.DefaultOperationTimeoutInMilliseconds;

    internal string ProductInfo { get; set; } = string.Empty;

#pragma warning disable CS0618 // RetryPolicyType is [Obsolete] in the SDK.
    internal RetryPolicyType ObsoleteRetryPolicy { get; set; }
#pragma warning restore CS0618

    internal int CloseCount { get; set; }

    internal bool IsClosed => CloseCount > 0;

    internal bool IsDisposed { get; set; }

    /// <summary>Lets a test play the SDK: call the registered handler as the SDK would.</summary>
    internal void RaiseConnectionStatusChange(ConnectionStatus status, ConnectionStatusChangeReason reason) =>
        ConnectionStatusChangesHandler?.Invoke(status, reason);

    internal void SetDiagnosticSamplingPercentage(int value)
    {
        if (value < 0 || value > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(DiagnosticSamplingPercentage), DiagnosticSamplingPercentage, "The range of diagnostic sampling percentage should between [0,100].");
        }

        if (TransportSettings.Any(t => t.GetTransportType() == TransportType.Http1))
        {
            throw new NotSupportedException("Http1 protocol doesn't support E2E diagnostic.");
        }

        DiagnosticSamplingPercentage = value;
    }

    /// <summary>Every network operation: ObjectDisposedException after dispose, otherwise the stand-in's NotSupportedException.</summary>
    internal Exception IoRefusal() =>
        IsDisposed
            ? new ObjectDisposedException("IoT client", "The client has been disposed and is no longer usable.")
            : StandInIo.NoIo();

    // ---- Factories (ClientFactory in the SDK) ----

    internal static ITransportSettings[] ExpandTransportType(TransportType transportType) => transportType switch
    {
        TransportType.Amqp => new ITransportSettings[]
        {
            new AmqpTransportSettings(TransportType.Amqp_Tcp_Only),
            new AmqpTransportSettings(TransportType.Amqp_WebSocket_Only),
        },
        TransportType.Mqtt => new ITransportSettings[]
        {
            new MqttTransportSettings(TransportType.Mqtt_Tcp_Only),
            new MqttTransportSettings(TransportType.Mqtt_WebSocket_Only),
        },
        TransportType.Amqp_Tcp_Only or TransportType.Amqp_WebSocket_Only => new ITransportSettings[] { new AmqpTransportSettings(transportType) },
        TransportType.Mqtt_Tcp_Only or TransportType.Mqtt_WebSocket_Only => new ITransportSettings[] { new MqttTransportSettings(transportType) },
        TransportType.Http1 => new ITransportSettings[] { new Http1TransportSettings() },
        _ => throw new InvalidOperationException("Unsupported Transport Type " + transportType),
    };

    internal static ClientCore Create(
        string hostname,
        string gatewayHostname,
        IAuthenticationMethod authenticationMethod,
        TransportType transportType,
        ClientOptions options)
    {
        RequireHostAndAuth(hostname, authenticationMethod);
        if (transportType != TransportType.Amqp_Tcp_Only
            && transportType != TransportType.Mqtt_Tcp_Only
            && authenticationMethod is DeviceAuthenticationWithX509Certificate x509
            && x509.ChainCertificates != null)
        {
            throw new ArgumentException("Certificate chains are only supported on Amqp_Tcp_Only and Mqtt_Tcp_Only");
        }

        if (!string.IsNullOrWhiteSpace(options?.ModelId) && transportType == TransportType.Http1)
        {
            throw new InvalidOperationException("Plug and Play is not supported over the HTTP transport.");
        }

        return Create(hostname, gatewayHostname, authenticationMethod, ExpandTransportType(transportType), options, checkModelId: false);
    }

    internal static ClientCore Create(
        string hostname,
        string gatewayHostname,
        IAuthenticationMethod authenticationMethod,
        ITransportSettings[] transportSettings,
        ClientOptions options,
        bool checkModelId = true)
    {
        RequireHostAndAuth(hostname, authenticationMethod);
        if (transportSettings == null)
        {
            throw new ArgumentNullException(nameof(transportSettings));
        }

        if (checkModelId)
        {
            RequireModelIdTransport(transportSettings, options);
        }

        IotHubConnectionStringBuilder builder = IotHubConnectionStringBuilder.Create(hostname, gatewayHostname, authenticationMethod);
        if (authenticationMethod is DeviceAuthenticationWithX509Certificate)
        {
            if (builder.Certificate == null)
            {
                throw new ArgumentException("No certificate was found. To use certificate authentication certificate must be present.");
            }

            foreach (ITransportSettings setting in transportSettings)
            {
                switch (setting)
                {
                    case AmqpTransportSettings amqp:
                        amqp.ClientCertificate = builder.Certificate;
                        break;
                    case MqttTransportSettings mqtt:
                        mqtt.ClientCertificate = builder.Certificate;
                        break;
                    case Http1TransportSettings http:
                        http.ClientCertificate = builder.Certificate;
                        break;
                }
            }
        }

        return Finish(builder, transportSettings, options);
    }

    internal static ClientCore FromConnectionString(string connectionString, string deviceId, ITransportSettings[] transportSettings, ClientOptions options)
    {
        if (connectionString == null)
        {
            throw new ArgumentNullException(nameof(connectionString));
        }

        if (deviceId != null)
        {
            if (s_deviceIdInConnectionString.IsMatch(connectionString))
            {
                throw new ArgumentException("Connection string must not contain DeviceId keyvalue parameter", nameof(connectionString));
            }

            connectionString = connectionString + ";DeviceId=" + deviceId;
        }

        if (transportSettings == null)
        {
            throw new ArgumentNullException(nameof(transportSettings));
        }

        if (transportSettings.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(connectionString), "Must specify at least one TransportSettings instance");
        }

        RequireModelIdTransport(transportSettings, options);
        return Finish(IotHubConnectionStringBuilder.Create(connectionString), transportSettings, options);
    }

    private static ClientCore Finish(IotHubConnectionStringBuilder builder, ITransportSettings[] transportSettings, ClientOptions options)
    {
        if (transportSettings.Length == 0)
        {
            throw new ArgumentOutOfRangeException("connectionString", "Must specify at least one TransportSettings instance");
        }

        foreach (ITransportSettings setting in transportSettings)
        {
            bool known = setting.GetTransportType() switch
            {
                TransportType.Amqp_Tcp_Only or TransportType.Amqp_WebSocket_Only => setting is AmqpTransportSettings,
                TransportType.Mqtt_Tcp_Only or TransportType.Mqtt_WebSocket_Only => setting is MqttTransportSettings,
                TransportType.Http1 => setting is Http1TransportSettings,
                _ => throw new InvalidOperationException("Unsupported Transport Type " + setting.GetTransportType()),
            };
            if (!known)
            {
                throw new InvalidOperationException("Unknown implementation of ITransportSettings type");
            }
        }

        return new ClientCore(builder, transportSettings, options);
    }

    private static void RequireHostAndAuth(string hostname, IAuthenticationMethod authenticationMethod)
    {
        if (hostname == null)
        {
            throw new ArgumentNullException(nameof(hostname));
        }

        if (authenticationMethod == null)
        {
            throw new ArgumentNullException(nameof(authenticationMethod));
        }
    }

    private static void RequireModelIdTransport(ITransportSettings[] transportSettings, ClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options?.ModelId)
            && transportSettings.Any(t => t.GetTransportType() == TransportType.Http1))
        {
            throw new InvalidOperationException("Plug and Play is not supported over the HTTP transport.");
        }
    }
}
