using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers;

internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor RetryDisabled = Create(
        RuleIds.RetryDisabled,
        "Automatic reconnection is disabled",
        "{0} {1}; keep the SDK's default {2} so the client reconnects after transient hub errors",
        Categories.Recovery,
        DiagnosticSeverity.Warning,
        "With NoRetry the client gives up at the first transient error (a hub restart, a load-balancer move, a network blip): "
            + "it reports Disconnected / Retry_Expired (Microsoft.Azure.Iot.Device: raises ConnectionFaultedAsync) and stays offline "
            + "until the app creates a new client or connects again, while the hub logs 404104.");

    public static readonly DiagnosticDescriptor NoConnectionStatusHandler = Create(
        RuleIds.NoConnectionStatusHandler,
        "The client has no connection status handler",
        "{0} is opened or used without SetConnectionStatusChangesHandler: the app cannot see that the hub closed the connection, nor that the client gave up and must be recreated",
        Categories.Recovery,
        DiagnosticSeverity.Info,
        "Without a connection status handler a device cannot log why IoT Hub closed its connection (404104) and cannot react to the terminal "
            + "statuses (Disconnected after retries ran out or the credentials were rejected, Disabled after CloseAsync) by creating a new client.");
}
