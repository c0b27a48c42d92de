using System;
using System.Collections.Generic;

namespace IotHubGuard.Diagnostics;

/// <summary>Session lengths in fixed-width buckets (5 minutes wide, the last one open-ended): the 60-minute comb shows here.</summary>
public sealed class SessionHistogram
{
    private readonly long[] counts;

    /// <summary>Creates an empty histogram.</summary>
    public SessionHistogram(TimeSpan bucketWidth, int bucketCount)
    {
        if (bucketWidth <= TimeSpan.Zero || bucketCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketWidth));
        }

        BucketWidth = bucketWidth;
        counts = new long[bucketCount];
    }

    /// <summary>The width of each bucket.</summary>
    public TimeSpan BucketWidth { get; }

    /// <summary>Sessions per bucket; bucket i holds [i·width, (i+1)·width), the last one everything longer.</summary>
    public IReadOnlyList<long> Counts => counts;

    /// <summary>All sessions counted.</summary>
    public long Total { get; private set; }

    /// <summary>Counts one session.</summary>
    public void Add(TimeSpan length)
    {
        if (length < TimeSpan.Zero)
        {
            return;
        }

        long index = (long)(length.Ticks / BucketWidth.Ticks);
        counts[index >= counts.Length ? counts.Length - 1 : (int)index]++;
        Total++;
    }
}
