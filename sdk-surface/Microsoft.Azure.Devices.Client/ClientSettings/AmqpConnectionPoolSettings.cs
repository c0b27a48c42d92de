// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/ClientSettings/AmqpConnectionPoolSettings.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>AMQP connection pooling (multiplexing several devices on one connection).</summary>
public sealed class AmqpConnectionPoolSettings
{
    public const uint AbsoluteMaxPoolSize = ushort.MaxValue;

    private const uint DefaultPoolSize = 100;

    private uint _maxPoolSize = DefaultPoolSize;

    public AmqpConnectionPoolSettings()
    {
    }

    /// <summary>Default 100; must be 1..<see cref="AbsoluteMaxPoolSize"/>.</summary>
    public uint MaxPoolSize
    {
        get => _maxPoolSize;
        set => _maxPoolSize = value > 0 && value <= AbsoluteMaxPoolSize ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    /// <summary>Default false.</summary>
    public bool Pooling { get; set; }

    [Obsolete("This property is not used and will be removed in a future update.")]
    public TimeSpan ConnectionIdleTimeout { get; set; }

    public bool Equals(AmqpConnectionPoolSettings other) =>
        other != null && (ReferenceEquals(this, other) || (Pooling == other.Pooling && MaxPoolSize == other.MaxPoolSize));
}
