namespace IotHubGuard.Diagnostics.Reporting;

/// <summary>The output formats of a diagnosis.</summary>
public enum ReportFormat
{
    /// <summary>A console summary.</summary>
    Text = 0,

    /// <summary>Machine-readable JSON.</summary>
    Json = 1,

    /// <summary>SARIF 2.1.0, for code-scanning dashboards.</summary>
    Sarif = 2,

    /// <summary>Markdown, for an issue or a pull request.</summary>
    Markdown = 3,
}
