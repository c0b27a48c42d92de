using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers;

internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor FixedSasToken = Create(
        RuleIds.FixedSasToken,
        "A fixed SAS token reaches the client",
        "{0} gives the client a fixed SAS token that the SDK never renews: when it expires IoT Hub closes the connection (401003, then 404104)",
        Categories.Authentication,
        DiagnosticSeverity.Warning,
        "DeviceAuthenticationWithToken, ModuleAuthenticationWithToken, AuthenticationMethodFactory.CreateAuthenticationWithToken and connection strings with a SharedAccessSignature= part hand the SDK a token it cannot renew. At expiry the hub disconnects the device (401003 IoTHubUnauthorized, then 404104) and every reconnect fails with the same token.");

    public static readonly DiagnosticDescriptor SasLifetimeOutOfRange = Create(
        RuleIds.SasLifetimeOutOfRange,
        "SAS token lifetime or renewal buffer is out of range",
        "{0} is {1}, outside {2}: {3}",
        Categories.Authentication,
        DiagnosticSeverity.Warning,
        "The SAS token lifetime and renewal buffer decide when the SDK renews the token. On MQTT every renewal is a reconnect, so very short lifetimes or very large buffers disconnect the device often; a very small buffer lets the token expire before the renewal lands (401003, then 404104). A buffer outside 0..100 or a negative lifetime throws ArgumentOutOfRangeException. Zero means the SDK default (1 h, 15 %).");

    public static readonly DiagnosticDescriptor MqttFixedPassword = Create(
        RuleIds.MqttFixedPassword,
        "Raw MQTT connection to IoT Hub has a fixed SAS password",
        "{0} gives the MQTT connection to IoT Hub a fixed password: MQTT 3.1.1 cannot re-authenticate and reconnects reuse the same options, so after the SAS token expires the hub closes the connection (401003, then 404104) and every reconnect is refused",
        Categories.Authentication,
        DiagnosticSeverity.Warning,
        "IoT Hub takes the SAS token as the MQTT password. A password given once (WithCredentials(user, password), new MqttClientCredentials(user, password)) is sent unchanged on every CONNECT, so it expires and is never renewed. An IMqttClientCredentialsProvider is asked for the password on every CONNECT and can mint a fresh token.");
}
