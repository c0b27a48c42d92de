using System;
using System.Collections.Generic;

namespace IotHubGuard.Diagnostics.Attribution;

/// <summary>
/// A min-heap by time that releases a record once it is older than the newest one seen minus the reorder window:
/// records from several files or partitions that overlap a little come out in time order, in bounded memory.
/// </summary>
internal sealed class TimeOrderBuffer
{
    private readonly List<(ConnectionRecord Record, long Sequence)> heap = new List<(ConnectionRecord, long)>();
    private readonly TimeSpan window;
    private long sequence;

    public TimeOrderBuffer(TimeSpan window)
    {
        this.window = window;
    }

    public DateTimeOffset Newest { get; private set; } = DateTimeOffset.MinValue;

    public int Count => heap.Count;

    public void Add(ConnectionRecord record)
    {
        if (record.Time > Newest)
        {
            Newest = record.Time;
        }

        heap.Add((record, sequence++));
        int i = heap.Count - 1;
        while (i > 0)
        {
            int parent = (i - 1) / 2;
            if (!Less(heap[i], heap[parent]))
            {
                break;
            }

            (heap[i], heap[parent]) = (heap[parent], heap[i]);
            i = parent;
        }
    }

    /// <summary>Removes the oldest record if it is past the window (or always, when <paramref name="drain"/>).</summary>
    public bool TryTake(bool drain, out ConnectionRecord? record)
    {
        record = null;
        if (heap.Count == 0 || (!drain && heap[0].Record.Time > Newest - window))
        {
            return false;
        }

        record = heap[0].Record;
        int last = heap.Count - 1;
        heap[0] = heap[last];
        heap.RemoveAt(last);
        int i = 0;
        while (true)
        {
            int left = (2 * i) + 1;
            if (left >= heap.Count)
            {
                break;
            }

            int smallest = left + 1 < heap.Count && Less(heap[left + 1], heap[left]) ? left + 1 : left;
            if (!Less(heap[smallest], heap[i]))
            {
                break;
            }

            (heap[i], heap[smallest]) = (heap[smallest], heap[i]);
            i = smallest;
        }

        return true;
    }

    private static bool Less((ConnectionRecord Record, long Sequence) a, (ConnectionRecord Record, long Sequence) b)
    {
        int byTime = a.Record.Time.CompareTo(b.Record.Time);
        return byTime < 0 || (byTime == 0 && a.Sequence < b.Sequence);
    }
}
