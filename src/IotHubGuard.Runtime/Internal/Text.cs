using System;
using System.Collections.Generic;
using System.Globalization;

namespace IotHubGuard.Runtime.Internal;

/// <summary>Invariant, human-readable formatting for finding messages.</summary>
internal static class Text
{
    /// <summary>"1 h 5 min", "7 min 30 s", "45 s", "2 d 3 h", "250 ms" (sign dropped).</summary>
    public static string Duration(TimeSpan span)
    {
        // TimeSpan.MinValue has no positive counterpart (Duration() throws OverflowException); one tick less is the same text.
        TimeSpan d = span == TimeSpan.MinValue ? TimeSpan.MaxValue : span.Duration();
        if (d.TotalSeconds < 1)
        {
            return Number((long)Math.Round(d.TotalMilliseconds)) + " ms";
        }

        var parts = new List<string>(2);
        if (d.TotalDays >= 1)
        {
            parts.Add(Number((long)d.TotalDays) + " d");
            if (d.Hours > 0)
            {
                parts.Add(Number(d.Hours) + " h");
            }
        }
        else if (d.TotalHours >= 1)
        {
            parts.Add(Number(d.Hours) + " h");
            if (d.Minutes > 0)
            {
                parts.Add(Number(d.Minutes) + " min");
            }
        }
        else if (d.TotalMinutes >= 1)
        {
            parts.Add(Number(d.Minutes) + " min");
            if (d.Seconds > 0)
            {
                parts.Add(Number(d.Seconds) + " s");
            }
        }
        else
        {
            parts.Add(Number(d.Seconds) + " s");
        }

        return string.Join(" ", parts);
    }

    /// <summary>Seconds as "3600 s (1 h)" or "45 s".</summary>
    public static string Seconds(double seconds)
    {
        string plain = seconds == Math.Floor(seconds)
            ? Number((long)seconds) + " s"
            : seconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
        // Below TimeSpan's range by a margin, so that FromSeconds cannot round past it.
        return Math.Abs(seconds) >= 60 && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds / 2
            ? plain + " (" + Duration(TimeSpan.FromSeconds(seconds)) + ")"
            : plain;
    }

    /// <summary>ISO 8601 UTC, to the second: 2026-11-27T05:33:00Z.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
