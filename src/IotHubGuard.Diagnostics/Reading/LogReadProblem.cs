namespace IotHubGuard.Diagnostics;

/// <summary>A line of an input file that could not be used, and why. Reading goes on after it.</summary>
public sealed class LogReadProblem
{
    /// <summary>Creates a problem report.</summary>
    public LogReadProblem(string file, long line, string message)
    {
        File = file;
        Line = line;
        Message = message;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The 1-based line where the unusable record starts (0 when the whole file is affected).</summary>
    public long Line { get; }

    /// <summary>What is wrong, in words a user can act on.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Line > 0 ? File + ":" + Line + ": " + Message : File + ": " + Message;
}
