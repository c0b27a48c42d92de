namespace IotHubGuard.Tool;

/// <summary>The process exit codes (docs/diagnose.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>The diagnosis ran and found no 404104 to attribute; or --kql / simulate / --help succeeded.</summary>
    public const int Clean = 0;

    /// <summary>The diagnosis ran and attributed 404104 disconnects (findings, like a linter).</summary>
    public const int Findings = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>No usable record: the inputs are missing, empty, or every line is unusable.</summary>
    public const int NoInput = 3;
}
