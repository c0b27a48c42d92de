namespace IotHubGuard.Diagnostics;

/// <summary>One Kusto query of <see cref="KqlQueries"/>: runnable on its own in Log Analytics or Azure Data Explorer.</summary>
public sealed class KqlQuery
{
    internal KqlQuery(string id, string title, DisconnectCause? cause, string returns, string text)
    {
        Id = id;
        Title = title;
        Cause = cause;
        Returns = returns;
        Text = text;
    }

    /// <summary>A short stable name (<c>token-expiry</c>, <c>duplicate-identity</c>, …).</summary>
    public string Id { get; }

    /// <summary>What it looks for.</summary>
    public string Title { get; }

    /// <summary>The cause it attributes, or null for the overview.</summary>
    public DisconnectCause? Cause { get; }

    /// <summary>What each result row means.</summary>
    public string Returns { get; }

    /// <summary>The query text, with the thresholds as <c>let</c> statements at the top.</summary>
    public string Text { get; }
}
