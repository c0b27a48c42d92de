using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace IotHubGuard.Runtime;

/// <summary>The result of <see cref="StartupCheck.Run(StartupCheckInput)"/>.</summary>
public sealed class StartupCheckReport
{
    /// <summary>Creates a report; findings are ordered by severity (errors first), then by rule ID.</summary>
    /// <param name="findings">The findings.</param>
    public StartupCheckReport(IEnumerable<Finding> findings)
        : this(findings, null)
    {
    }

    internal StartupCheckReport(IEnumerable<Finding> findings, string? sdkDescription)
    {
        if (findings == null)
        {
            throw new ArgumentNullException(nameof(findings));
        }

        Findings = findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToArray();
        SdkDescription = sdkDescription;
    }

    /// <summary>Every finding, errors first. Empty when nothing was found.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>True when at least one finding is an <see cref="FindingSeverity.Error"/>.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);

    /// <summary>True when at least one finding is a <see cref="FindingSeverity.Warning"/>.</summary>
    public bool HasWarnings => Findings.Any(f => f.Severity == FindingSeverity.Warning);

    /// <summary>
    /// The device SDK the check looked at, for example <c>Microsoft.Azure.Devices.Client 1.42.3</c>; null when none was
    /// given or loaded.
    /// </summary>
    public string? SdkDescription { get; }

    /// <summary>Throws <see cref="IotHubGuardException"/> listing every finding when <see cref="HasErrors"/> is true.</summary>
    /// <exception cref="IotHubGuardException">The report has at least one error.</exception>
    public void ThrowIfErrors()
    {
        if (HasErrors)
        {
            throw new IotHubGuardException(this);
        }
    }

    /// <summary>A summary line followed by one line per finding, fit for a log. Never contains a secret.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("IotHubGuard startup check: ");
        int errors = Findings.Count(f => f.Severity == FindingSeverity.Error);
        int warnings = Findings.Count(f => f.Severity == FindingSeverity.Warning);
        int infos = Findings.Count - errors - warnings;
        if (Findings.Count == 0)
        {
            text.Append("no findings");
        }
        else
        {
            var parts = new List<string>();
            AddCount(parts, errors, "error");
            AddCount(parts, warnings, "warning");
            AddCount(parts, infos, "info");
            text.Append(string.Join(", ", parts));
        }

        text.Append(SdkDescription == null ? " (no device SDK checked)." : " (" + SdkDescription + ").");
        foreach (Finding finding in Findings)
        {
            text.AppendLine();
            text.Append("  ").Append(finding.ToString());
        }

        return SecretRedactor.Redact(text.ToString());
    }

    private static void AddCount(List<string> parts, int count, string noun)
    {
        if (count > 0)
        {
            parts.Add(count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 || noun == "info" ? string.Empty : "s"));
        }
    }
}
