using System;
using System.Collections.Generic;

namespace IotHubGuard.Runtime;

/// <summary>
/// Thrown by <see cref="StartupCheckReport.ThrowIfErrors"/> (and by the hosting integration at start-up) when the
/// startup check found errors. The message lists every finding; it never contains a key or a token signature.
/// </summary>
public sealed class IotHubGuardException : Exception
{
    /// <summary>Creates the exception for a report; the message lists every finding of the report.</summary>
    /// <param name="report">The report with errors.</param>
    public IotHubGuardException(StartupCheckReport report)
        : base(BuildMessage(report))
    {
        Findings = report.Findings;
    }

    /// <summary>Creates the exception with a message of your own (secrets are redacted from it).</summary>
    /// <param name="message">The message.</param>
    public IotHubGuardException(string message)
        : base(SecretRedactor.Redact(message))
    {
        Findings = Array.Empty<Finding>();
    }

    /// <summary>The findings of the report that failed (errors, warnings and infos).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    private static string BuildMessage(StartupCheckReport report)
    {
        if (report == null)
        {
            throw new ArgumentNullException(nameof(report));
        }

        return report.ToString();
    }
}
