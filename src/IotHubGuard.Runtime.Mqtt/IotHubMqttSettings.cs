using System;
using MQTTnet;

namespace IotHubGuard.Runtime.Mqtt;

/// <summary>Settings of <see cref="IotHubMqttClientOptions"/>. The defaults are what IoT Hub expects.</summary>
public sealed class IotHubMqttSettings
{
    /// <summary>The default MQTT keep-alive: 300 s, the C# device SDK's default.</summary>
    public static readonly TimeSpan DefaultKeepAlive = TimeSpan.FromSeconds(300);

    /// <summary>The host to open the TCP connection to; default the connection string's GatewayHostName, else its HostName.</summary>
    public string? Server { get; set; }

    /// <summary>The TCP port; default 8883 (MQTT over TLS; IoT Hub does not serve 1883).</summary>
    public int Port { get; set; } = 8883;

    /// <summary>Use TLS; default true (IoT Hub requires TLS 1.2+). Turn off only for a local test broker.</summary>
    public bool UseTls { get; set; } = true;

    /// <summary>Further TLS settings (certificate validation, client certificates) applied after <see cref="UseTls"/>.</summary>
    public Action<MqttClientTlsOptionsBuilder>? ConfigureTls { get; set; }

    /// <summary>The MQTT keep-alive; default 300 s. Must lie within 10 s .. 1177 s (AZIOT301/AZIOT302).</summary>
    public TimeSpan KeepAlive { get; set; } = DefaultKeepAlive;

    /// <summary>
    /// Lifetime of each SAS token the provider mints; default 1 h. At least 1 s (short lifetimes suit fault drills); a
    /// lifetime that would put the expiry past the year 9999 is refused when the options are built.
    /// </summary>
    public TimeSpan TokenTimeToLive { get; set; } = IotHubSasCredentialsProvider.DefaultTokenTimeToLive;

    /// <summary>MQTT clean session; default false, like the device SDKs (subscriptions and pending C2D messages persist).</summary>
    public bool CleanSession { get; set; }

    /// <summary>
    /// The clock for token expiry (wall time, for <c>se=</c>) and for the renewal schedule (its monotonic timestamps);
    /// default <see cref="System.TimeProvider.System"/>.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }
}
