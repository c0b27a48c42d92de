using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers;

internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor DisposedWithoutClose = Create(
        RuleIds.DisposedWithoutClose,
        "Client disposed without CloseAsync",
        "'{0}' is disposed on a path where {1}() was not called first: the SDK requires {1}() before Dispose(), otherwise the connection can end without a clean close (404104)",
        Categories.ConnectionLifetime,
        DiagnosticSeverity.Warning,
        "The device SDK documents that CloseAsync() must be called before disposing a DeviceClient or ModuleClient. CloseAsync sends the MQTT DISCONNECT / AMQP close and stops the SDK's retries; Dispose alone has, depending on transport and version, left connections open or retries running, and the hub then closes the link with 404104 DeviceConnectionClosedRemotely. 'await using' is fine: DisposeAsync closes first. Microsoft.Azure.Iot.Device's ConnectionClient is the same with DisconnectAsync(): its Dispose() drops the socket without a DISCONNECT.");

    public static readonly DiagnosticDescriptor ClientFieldNeverClosed = Create(
        RuleIds.ClientFieldNeverClosed,
        "Client field is never closed nor disposed",
        "Client '{0}' is created by '{1}' but '{1}' never closes nor disposes it: the connection is dropped without a clean close when the process exits (404104)",
        Categories.ConnectionLifetime,
        DiagnosticSeverity.Warning,
        "A DeviceClient or ModuleClient that a type creates and keeps in a field or property must be closed and disposed by that type (DisposeAsync, Dispose, StopAsync, …). Otherwise the connection only ends when the process dies, without a DISCONNECT, and the hub logs 404104.");

    public static readonly DiagnosticDescriptor ClientPerOperation = Create(
        RuleIds.ClientPerOperation,
        "Client created per operation",
        "'{0}' creates a new client for every {1}: connecting per message is throttled by IoT Hub, and when two connections of one device overlap the hub drops one (400027, then 404104); create the client once and reuse it",
        Categories.ConnectionLifetime,
        DiagnosticSeverity.Warning,
        "IoT Hub allows one connection per device identity and throttles the rate of new connections. A client created in a loop body or in a per-item lambda opens a connection per message: connections pile up or overlap (the hub then closes one with 400027 ConnectionForcefullyClosedOnNewConnection, seen as 404104), sends time out, and the churn hits the connect throttle.");

    public static readonly DiagnosticDescriptor MqttDisposedWithoutDisconnect = Create(
        RuleIds.MqttDisposedWithoutDisconnect,
        "MQTTnet client disposed without DisconnectAsync",
        "MQTTnet client '{0}' is disposed on a path where DisconnectAsync() was not called first: Dispose() sends no DISCONNECT, so IoT Hub sees the link drop (404104)",
        Categories.ConnectionLifetime,
        DiagnosticSeverity.Warning,
        "MQTTnet's Dispose() tears the socket down without sending an MQTT DISCONNECT packet. To IoT Hub this is a connection lost without DISCONNECT: it logs 404104 DeviceConnectionClosedRemotely and publishes the Will message. Call DisconnectAsync() (or TryDisconnectAsync()) before disposing.");

    public static readonly DiagnosticDescriptor ClientOverwrittenWhileOpen = Create(
        RuleIds.ClientOverwrittenWhileOpen,
        "Client overwritten while the previous one is open",
        "'{0}' is overwritten with a new client on a path where the previous one was not closed nor disposed: two connections for one device identity make IoT Hub drop one of them (400027, then 404104)",
        Categories.ConnectionLifetime,
        DiagnosticSeverity.Warning,
        "Replacing a client without closing the previous one leaves two live connections for the same device identity. IoT Hub keeps only one: it closes the other with 400027 ConnectionForcefullyClosedOnNewConnection, which the device sees as 404104, and the two clients then fight over the connection.");

    public static readonly DiagnosticDescriptor ClientNeverClosed = Create(
        RuleIds.ClientNeverClosed,
        "Client is never closed",
        "Client '{0}' is created here and never closed, disposed nor handed off: when the method or the process ends, the connection drops without a DISCONNECT and IoT Hub logs 404104",
        Categories.ConnectionLifetime,
        DiagnosticSeverity.Warning,
        "A DeviceClient or ModuleClient (or an MQTTnet client that targets IoT Hub) held in a local must be closed before the program lets go of it: 'await using', or CloseAsync()/DisconnectAsync() in a finally block. Code that runs until the process is stopped (Main, top-level programs, while (true) workers) ends with the socket open unless it closes on Ctrl+C/SIGTERM; the hub then sees the link drop without an MQTT DISCONNECT and logs 404104 DeviceConnectionClosedRemotely.");
}
