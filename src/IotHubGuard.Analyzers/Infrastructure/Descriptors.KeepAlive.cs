using Microsoft.CodeAnalysis;

namespace IotHubGuard.Analyzers;

internal static partial class Descriptors
{
    public static readonly DiagnosticDescriptor KeepAliveTooLong = Create(
        RuleIds.KeepAliveTooLong,
        "MQTT keep-alive is longer than IoT Hub honours",
        "MQTT keep-alive of {0} s is above the maximum of {1} s: IoT Hub caps its wait at 1767 s (1.5 × keep-alive) and closes the link with 404104",
        Categories.KeepAlive,
        DiagnosticSeverity.Warning,
        "IoT Hub waits 1.5 × the client keep-alive but never longer than 1767 s, so any keep-alive above 1177 s lets the hub drop an idle connection (404104 DeviceConnectionClosedRemotely) before the client pings.");

    public static readonly DiagnosticDescriptor KeepAliveDisabledOrTooShort = Create(
        RuleIds.KeepAliveDisabledOrTooShort,
        "MQTT keep-alive is disabled or too short",
        "MQTT keep-alive {0}: below the minimum of {1} s a dead link goes unnoticed or a normal latency spike closes the connection without DISCONNECT",
        Categories.KeepAlive,
        DiagnosticSeverity.Warning,
        "With keep-alive 0 the client never pings, so a half-open link is never detected; a very short keep-alive makes ordinary latency look like a dead link. Either way the connection ends without an MQTT DISCONNECT (404104).");

    public static readonly DiagnosticDescriptor AmqpIdleTimeoutOutOfRange = Create(
        RuleIds.AmqpIdleTimeoutOutOfRange,
        "AMQP idle timeout is out of range",
        "AMQP IdleTimeout of {0} is outside the range {1}–{2} s: the idle link is not kept alive, or reconnects aggressively",
        Categories.KeepAlive,
        DiagnosticSeverity.Warning,
        "AMQP IdleTimeout drives the keep-alive of the AMQP connection. Zero or negative disables it, a value below the minimum causes aggressive reconnects, and a value above the hub's limit lets the hub close the idle link (404104).");
}
