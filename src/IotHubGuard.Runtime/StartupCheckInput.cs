using System;
using System.Collections.Generic;
using System.Reflection;

namespace IotHubGuard.Runtime;

/// <summary>
/// What <see cref="StartupCheck.Run(StartupCheckInput)"/> looks at. Every property is optional: give what your app has.
/// SDK objects (transport settings, client options, retry policy, authentication method) are read by their public
/// member names, so any 1.x (or v2 preview) device SDK works and IotHubGuard.Runtime needs no reference to it.
/// The thresholds default to the values of the IotHubGuard rule catalogue (and the analyzers' <c>.editorconfig</c> keys).
/// </summary>
public sealed class StartupCheckInput
{
    /// <summary>
    /// The device or module connection string the client is created from (AZIOT101: a fixed
    /// <c>SharedAccessSignature=</c>; malformed strings throw <see cref="ArgumentException"/>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The transport settings passed to <c>DeviceClient.Create*</c>: <c>MqttTransportSettings</c> (AZIOT301/302),
    /// <c>AmqpTransportSettings</c> (AZIOT303), the v2 preview's <c>IotHubClientMqttSettings</c> /
    /// <c>IotHubClientAmqpSettings</c>, and Microsoft.Azure.Iot.Device's <c>MqttNetClientOptions</c> (AZIOT301/302:
    /// <c>KeepAlivePeriod</c>). Other objects are ignored.
    /// </summary>
    public IEnumerable<object>? TransportSettings { get; set; }

    /// <summary>
    /// The SDK's <c>ClientOptions</c> (AZIOT102: <c>SasTokenTimeToLive</c>, <c>SasTokenRenewalBuffer</c>), the v2
    /// preview's <c>IotHubClientOptions</c> (its transport settings and retry policy are checked too), or
    /// Microsoft.Azure.Iot.Device's <c>ConnectionClientOptions</c> (AZIOT501: <c>ConnectionRetryPolicy</c>).
    /// </summary>
    public object? ClientOptions { get; set; }

    /// <summary>The retry policy given to <c>SetRetryPolicy</c>, or a <c>RetryPolicyType</c> value (AZIOT501: <c>NoRetry</c>, <c>No_Retry</c>).</summary>
    public object? RetryPolicy { get; set; }

    /// <summary>
    /// The <c>IAuthenticationMethod</c> given to <c>DeviceClient.Create</c> (AZIOT101: <c>DeviceAuthenticationWithToken</c>,
    /// <c>ModuleAuthenticationWithToken</c> or any object with a fixed SAS <c>Token</c>).
    /// </summary>
    public object? AuthenticationMethod { get; set; }

    /// <summary>An MQTT keep-alive read from configuration (AZIOT301/302).</summary>
    public TimeSpan? MqttKeepAlive { get; set; }

    /// <summary>An AMQP idle timeout read from configuration (AZIOT303).</summary>
    public TimeSpan? AmqpIdleTimeout { get; set; }

    /// <summary>
    /// MQTTnet's <c>MqttClientOptions</c> for a raw-MQTT device: <c>KeepAlivePeriod</c> (AZIOT301/302) and a fixed SAS
    /// password in <c>Credentials</c> (AZIOT103).
    /// </summary>
    public object? MqttClientOptions { get; set; }

    /// <summary>
    /// The device SDK assembly to check (AZIOT401/402). Default: the <c>Microsoft.Azure.Devices.Client</c> assembly of
    /// any SDK object given above, else the one loaded in the app domain, else the one the entry assembly references.
    /// </summary>
    public Assembly? SdkAssembly { get; set; }

    /// <summary>Set to false to skip AZIOT401/402 (for example a raw-MQTT device). Default true.</summary>
    public bool CheckSdkVersion { get; set; } = true;

    /// <summary>The current time, for tests; default <see cref="DateTimeOffset.UtcNow"/>.</summary>
    public DateTimeOffset? Now { get; set; }

    /// <summary>Highest MQTT keep-alive the hub honours, in seconds (<c>azure_iot.mqtt_keep_alive_max_seconds</c>, default 1177).</summary>
    public int MqttKeepAliveMaxSeconds { get; set; } = RuleDefaults.MqttKeepAliveMaxSeconds;

    /// <summary>Lowest sensible MQTT keep-alive, in seconds (<c>azure_iot.mqtt_keep_alive_min_seconds</c>, default 10).</summary>
    public int MqttKeepAliveMinSeconds { get; set; } = RuleDefaults.MqttKeepAliveMinSeconds;

    /// <summary>Highest AMQP idle timeout, in seconds (<c>azure_iot.amqp_idle_timeout_max_seconds</c>, default 1177).</summary>
    public int AmqpIdleTimeoutMaxSeconds { get; set; } = RuleDefaults.AmqpIdleTimeoutMaxSeconds;

    /// <summary>Lowest AMQP idle timeout, in seconds (<c>azure_iot.amqp_idle_timeout_min_seconds</c>, default 10).</summary>
    public int AmqpIdleTimeoutMinSeconds { get; set; } = RuleDefaults.AmqpIdleTimeoutMinSeconds;

    /// <summary>Shortest SAS token lifetime, in seconds (<c>azure_iot.sas_ttl_min_seconds</c>, default 900).</summary>
    public int SasTtlMinSeconds { get; set; } = RuleDefaults.SasTtlMinSeconds;

    /// <summary>Longest SAS token lifetime, in seconds (<c>azure_iot.sas_ttl_max_seconds</c>, default 86400).</summary>
    public int SasTtlMaxSeconds { get; set; } = RuleDefaults.SasTtlMaxSeconds;

    /// <summary>Smallest SAS renewal buffer, in percent (<c>azure_iot.sas_renewal_buffer_min_percent</c>, default 5).</summary>
    public int SasRenewalBufferMinPercent { get; set; } = RuleDefaults.SasRenewalBufferMinPercent;

    /// <summary>Largest SAS renewal buffer, in percent (<c>azure_iot.sas_renewal_buffer_max_percent</c>, default 50).</summary>
    public int SasRenewalBufferMaxPercent { get; set; } = RuleDefaults.SasRenewalBufferMaxPercent;

    /// <summary>Oldest acceptable device SDK (<c>azure_iot.sdk_minimum_version</c>, default 1.42.0).</summary>
    public Version SdkMinimumVersion { get; set; } = SdkVersionDefects.ParseOrThrow(RuleDefaults.SdkMinimumVersion);

    /// <summary>
    /// Oldest acceptable <c>Microsoft.Azure.Iot.Device</c> (<c>azure_iot.iot_device_sdk_minimum_version</c>, default 1.0.0),
    /// a version line unrelated to <see cref="SdkMinimumVersion"/>.
    /// </summary>
    public Version IotDeviceSdkMinimumVersion { get; set; } = SdkVersionDefects.ParseOrThrow(IotDeviceVersions.DefaultMinimumVersion);
}
