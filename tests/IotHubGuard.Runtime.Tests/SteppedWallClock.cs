using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace IotHubGuard.Runtime.Tests;

/// <summary>
/// A device clock whose wall time can be stepped (NTP, an RTC fix-up) while its monotonic time and timers keep running,
/// like <see cref="TimeProvider.System"/>: timestamps and timers come from a <see cref="FakeTimeProvider"/>, and
/// <see cref="GetUtcNow"/> is that fake time plus the steps.
/// </summary>
internal sealed class SteppedWallClock : TimeProvider
{
    private long _wallOffsetTicks;

    public SteppedWallClock(DateTimeOffset start) => Monotonic = new FakeTimeProvider(start);

    /// <summary>Drives time forward (timers fire as it passes them).</summary>
    public FakeTimeProvider Monotonic { get; }

    public override long TimestampFrequency => Monotonic.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => Monotonic.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _wallOffsetTicks));

    public override long GetTimestamp() => Monotonic.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Monotonic.CreateTimer(callback, state, dueTime, period);

    /// <summary>Steps the wall clock only (negative: backwards).</summary>
    public void StepWallClock(TimeSpan step) => Interlocked.Add(ref _wallOffsetTicks, step.Ticks);
}
