// Shared source: compiled into IotHubGuard.Analyzers and IotHubGuard.Runtime so both report the same IDs.
// The IDs are a public contract (docs/rules, users' .editorconfig files): never renumber.
namespace IotHubGuard
{
    /// <summary>The rule identifiers, named by intent.</summary>
    internal static class RuleIds
    {
        public const string FixedSasToken = "AZIOT101";
        public const string SasLifetimeOutOfRange = "AZIOT102";
        public const string MqttFixedPassword = "AZIOT103";

        public const string DisposedWithoutClose = "AZIOT201";
        public const string ClientFieldNeverClosed = "AZIOT202";
        public const string ClientPerOperation = "AZIOT203";
        public const string MqttDisposedWithoutDisconnect = "AZIOT204";
        public const string ClientOverwrittenWhileOpen = "AZIOT205";
        public const string ClientNeverClosed = "AZIOT206";

        public const string KeepAliveTooLong = "AZIOT301";
        public const string KeepAliveDisabledOrTooShort = "AZIOT302";
        public const string AmqpIdleTimeoutOutOfRange = "AZIOT303";

        public const string SdkTooOld = "AZIOT401";
        public const string SdkPreviewOrEndOfLife = "AZIOT402";

        public const string RetryDisabled = "AZIOT501";
        public const string NoConnectionStatusHandler = "AZIOT502";
    }
}
