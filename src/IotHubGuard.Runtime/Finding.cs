using System;

namespace IotHubGuard.Runtime;

/// <summary>How serious a <see cref="Finding"/> is.</summary>
public enum FindingSeverity
{
    /// <summary>Worth knowing; nothing will break.</summary>
    Info = 0,

    /// <summary>The configuration is known to lead to dropped connections (IoT Hub error 404104) or slow recovery.</summary>
    Warning = 1,

    /// <summary>The configuration cannot work: the device will fail to connect or the SDK will throw.</summary>
    Error = 2,
}

/// <summary>
/// One result of <see cref="StartupCheck.Run(StartupCheckInput)"/>. The rule ID is the same as the
/// IotHubGuard.Analyzers diagnostic for the same cause (for example <c>AZIOT301</c>).
/// </summary>
public sealed class Finding
{
    /// <summary>Creates a finding. Secrets in <paramref name="message"/> (SharedAccessKey and sig= values) are redacted.</summary>
    /// <param name="ruleId">The rule ID, for example <c>AZIOT101</c>.</param>
    /// <param name="severity">How serious the finding is.</param>
    /// <param name="message">What is wrong, naming the offending value or setting.</param>
    /// <exception cref="ArgumentException"><paramref name="ruleId"/> or <paramref name="message"/> is null or empty.</exception>
    public Finding(string ruleId, FindingSeverity severity, string message)
    {
        if (string.IsNullOrEmpty(ruleId))
        {
            throw new ArgumentException("A finding needs a rule ID.", nameof(ruleId));
        }

        if (string.IsNullOrEmpty(message))
        {
            throw new ArgumentException("A finding needs a message.", nameof(message));
        }

        RuleId = ruleId;
        Severity = severity;
        Message = SecretRedactor.Redact(message);
    }

    /// <summary>The rule ID, matching the analyzer diagnostic (for example <c>AZIOT101</c>).</summary>
    public string RuleId { get; }

    /// <summary>How serious the finding is.</summary>
    public FindingSeverity Severity { get; }

    /// <summary>What is wrong and how to fix it. Never contains a key or a token signature.</summary>
    public string Message { get; }

    /// <summary>One line for a log: <c>warning AZIOT301: message</c>.</summary>
    public override string ToString() => SeverityText(Severity) + " " + RuleId + ": " + Message;

    internal static string SeverityText(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "info",
    };
}
