using System;
using MQTTnet;
using MQTTnet.Formatter;

namespace IotHubGuard.Runtime.Mqtt;

/// <summary>
/// Builds MQTTnet client options for a raw-MQTT IoT Hub device: TCP to the hub (or gateway) on 8883 with TLS, client ID =
/// device ID, user name <c>{host}/{deviceId}/?api-version=2021-04-12</c>, MQTT 3.1.1 (IoT Hub's GA protocol; MQTTnet 5
/// defaults to 5.0), keep-alive 300 s, and an <see cref="IotHubSasCredentialsProvider"/> that mints a fresh SAS token
/// per CONNECT.
/// </summary>
/// <example>
/// <code>
/// MqttClientOptions options = IotHubMqttClientOptions.Create(connectionString);
/// using IMqttClient client = new MqttClientFactory().CreateMqttClient();
/// await client.ConnectAsync(options, ct);
/// </code>
/// </example>
public static class IotHubMqttClientOptions
{
    /// <summary>Builds the options from a device or module connection string with a SharedAccessKey.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="configure">Changes the defaults (port, TLS, keep-alive, token lifetime).</param>
    /// <returns>The options; <see cref="MqttClientOptions.Credentials"/> is the <see cref="IotHubSasCredentialsProvider"/>.</returns>
    /// <exception cref="ArgumentException">The connection string is malformed or has no SharedAccessKey; the message never holds a secret.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static MqttClientOptions Create(string connectionString, Action<IotHubMqttSettings>? configure = null) =>
        CreateBuilder(connectionString, configure).Build();

    /// <summary>
    /// Like <see cref="Create(string, Action{IotHubMqttSettings})"/>, but returns the builder so that you can add more
    /// (a Will message, a timeout) before <c>Build()</c>.
    /// </summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="configure">Changes the defaults (port, TLS, keep-alive, token lifetime).</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The connection string is malformed or has no SharedAccessKey.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static MqttClientOptionsBuilder CreateBuilder(string connectionString, Action<IotHubMqttSettings>? configure = null)
    {
        IotHubConnectionString parsed = IotHubConnectionString.Parse(connectionString);
        var settings = new IotHubMqttSettings();
        configure?.Invoke(settings);
        var credentials = new IotHubSasCredentialsProvider(parsed, settings.TokenTimeToLive, settings.TimeProvider);
        return CreateBuilder(credentials, settings, parsed.GatewayHostName);
    }

    /// <summary>Builds the options around an existing credentials provider (its token lifetime and clock apply).</summary>
    /// <param name="credentials">The provider; its identity gives the client ID and user name.</param>
    /// <param name="configure">Changes the defaults (port, TLS, keep-alive); token settings are the provider's.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public static MqttClientOptionsBuilder CreateBuilder(IotHubSasCredentialsProvider credentials, Action<IotHubMqttSettings>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var settings = new IotHubMqttSettings();
        configure?.Invoke(settings);
        return CreateBuilder(credentials, settings, null);
    }

    private static MqttClientOptionsBuilder CreateBuilder(IotHubSasCredentialsProvider credentials, IotHubMqttSettings settings, string? gateway)
    {
        double keepAlive = settings.KeepAlive.TotalSeconds;
        if (keepAlive < 10 || keepAlive > 1177)
        {
            throw new ArgumentOutOfRangeException(nameof(IotHubMqttSettings.KeepAlive),
                "The MQTT keep-alive must lie within 10 s .. 1177 s: IoT Hub waits 1.5 x keep-alive but at most 1767 s (AZIOT301), "
                + "and shorter values tear links down on normal latency (AZIOT302).");
        }

        if (settings.Port < 1 || settings.Port > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(IotHubMqttSettings.Port), "The port must lie within 1 .. 65535.");
        }

        string server = string.IsNullOrWhiteSpace(settings.Server) ? gateway ?? credentials.HostName : settings.Server!;
        return new MqttClientOptionsBuilder()
            .WithTcpServer(server, settings.Port)
            .WithTlsOptions(tls =>
            {
                tls.UseTls(settings.UseTls);
                if (settings.UseTls)
                {
                    tls.WithTargetHost(server);
                }

                settings.ConfigureTls?.Invoke(tls);
            })
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(credentials.ClientId)
            .WithCredentials(credentials)
            .WithKeepAlivePeriod(settings.KeepAlive)
            .WithCleanSession(settings.CleanSession);
    }
}
