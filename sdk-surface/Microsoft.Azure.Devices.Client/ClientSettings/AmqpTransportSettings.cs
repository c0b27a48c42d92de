// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/ClientSettings/AmqpTransportSettings.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Azure.Devices.Shared;

namespace Microsoft.Azure.Devices.Client;

/// <summary>AMQP transport settings (Amqp_Tcp_Only or Amqp_WebSocket_Only).</summary>
public sealed class AmqpTransportSettings : ITransportSettings
{
    public static readonly TimeSpan DefaultOperationTimeout = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultOpenTimeout = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(2);

    public const uint DefaultPrefetchCount = 50;

    private readonly TransportType _transportType;
    private TimeSpan _operationTimeout;
    private TimeSpan _openTimeout;

    public AmqpTransportSettings(TransportType transportType)
        : this(transportType, DefaultPrefetchCount, new AmqpConnectionPoolSettings())
    {
    }

    public AmqpTransportSettings(TransportType transportType, uint prefetchCount)
        : this(transportType, prefetchCount, new AmqpConnectionPoolSettings())
    {
    }

    public AmqpTransportSettings(TransportType transportType, uint prefetchCount, AmqpConnectionPoolSettings amqpConnectionPoolSettings)
    {
        OperationTimeout = DefaultOperationTimeout;
        OpenTimeout = DefaultOpenTimeout;
        IdleTimeout = DefaultIdleTimeout;
        if (prefetchCount == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(prefetchCount), "Must be greater than zero");
        }

        PrefetchCount = prefetchCount;
        _transportType = transportType switch
        {
            TransportType.Amqp_Tcp_Only => transportType,
            TransportType.Amqp_WebSocket_Only => transportType,
            TransportType.Amqp => throw new ArgumentOutOfRangeException(nameof(transportType), transportType, "Must specify Amqp_WebSocket_Only or Amqp_Tcp_Only"),
            _ => throw new ArgumentOutOfRangeException(nameof(transportType), transportType, null),
        };
        if (transportType == TransportType.Amqp_WebSocket_Only)
        {
            Proxy = StandInWebProxy.Instance;
        }

        AmqpConnectionPoolSettings = amqpConnectionPoolSettings;
    }

    /// <summary>Process-wide in the SDK (backed by TlsVersions.Instance); so here too.</summary>
    public bool CertificateRevocationCheck
    {
        get => TlsVersions.Instance.CertificateRevocationCheck;
        set => TlsVersions.Instance.CertificateRevocationCheck = value;
    }

    /// <summary>AMQP idle timeout (heartbeat). Default 2 minutes; the SDK does not validate it.</summary>
    public TimeSpan IdleTimeout { get; set; }

    /// <summary>Default 1 minute; must be positive.</summary>
    public TimeSpan OperationTimeout
    {
        get => _operationTimeout;
        set => _operationTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException("timeout");
    }

    /// <summary>Default 1 minute; must be positive.</summary>
    public TimeSpan OpenTimeout
    {
        get => _openTimeout;
        set => _openTimeout = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException("timeout");
    }

    public TimeSpan? WebSocketKeepAlive { get; set; }

    public uint PrefetchCount { get; set; }

    public X509Certificate2 ClientCertificate { get; set; }

    public IWebProxy Proxy { get; set; }

    public RemoteCertificateValidationCallback RemoteCertificateValidationCallback { get; set; }

    public AmqpConnectionPoolSettings AmqpConnectionPoolSettings { get; set; }

    public TimeSpan DefaultReceiveTimeout => DefaultOperationTimeout;

    public TransportType GetTransportType() => _transportType;

    public bool Equals(AmqpTransportSettings other) =>
        other != null
        && (ReferenceEquals(this, other)
            || (PrefetchCount == other.PrefetchCount
                && OpenTimeout == other.OpenTimeout
                && OperationTimeout == other.OperationTimeout
                && AmqpConnectionPoolSettings.Equals(other.AmqpConnectionPoolSettings)));
}
