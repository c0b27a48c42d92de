// Shared source: the thresholds of docs/rules.md, one place for the analyzers and the runtime check.
namespace IotHubGuard
{
    /// <summary>Default thresholds and the option keys that override them.</summary>
    internal static class RuleDefaults
    {
        // The hub waits 1.5 x keep-alive, capped at 1767 s: 1767 / 1.5 = 1177 s is the usable maximum.
        public const int MqttKeepAliveMaxSeconds = 1177;
        public const int MqttKeepAliveMinSeconds = 10;
        public const int AmqpIdleTimeoutMaxSeconds = 1177;
        public const int AmqpIdleTimeoutMinSeconds = 10;
        public const int SasTtlMinSeconds = 900;
        public const int SasTtlMaxSeconds = 86400;
        public const int SasRenewalBufferMinPercent = 5;
        public const int SasRenewalBufferMaxPercent = 50;
        public const string SdkMinimumVersion = "1.42.0";

        // What the fixes insert: the SDK's own defaults.
        public const int SdkDefaultMqttKeepAliveSeconds = 300;
        public const int SdkDefaultAmqpIdleTimeoutSeconds = 120;
        public const int SdkDefaultSasTtlSeconds = 3600;
        public const int SdkDefaultSasRenewalBufferPercent = 15;

        public const string MqttKeepAliveMaxKey = "azure_iot.mqtt_keep_alive_max_seconds";
        public const string MqttKeepAliveMinKey = "azure_iot.mqtt_keep_alive_min_seconds";
        public const string AmqpIdleTimeoutMaxKey = "azure_iot.amqp_idle_timeout_max_seconds";
        public const string AmqpIdleTimeoutMinKey = "azure_iot.amqp_idle_timeout_min_seconds";
        public const string SasTtlMinKey = "azure_iot.sas_ttl_min_seconds";
        public const string SasTtlMaxKey = "azure_iot.sas_ttl_max_seconds";
        public const string SasRenewalBufferMinKey = "azure_iot.sas_renewal_buffer_min_percent";
        public const string SasRenewalBufferMaxKey = "azure_iot.sas_renewal_buffer_max_percent";
        public const string SdkMinimumVersionKey = "azure_iot.sdk_minimum_version";
    }
}
