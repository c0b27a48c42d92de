namespace IotHubGuard.Analyzers;

/// <summary>
/// The flow state in one <see cref="ulong"/>: four fact rows of <see cref="Capacity"/> variables each, fact
/// <c>f</c> of variable <c>i</c> at bit <c>row(f) * Capacity + i</c>. Every fact is a must-fact, so the meet of
/// two states is their bitwise AND and every effect is "clear some bits, then set some".
/// </summary>
internal static class FactBits
{
    /// <summary>Variables tracked per graph; more are left alone (no verdict, so no report).</summary>
    public const int Capacity = 16;

    public const ulong All = ulong.MaxValue;

    /// <summary>The rows of <see cref="NotOpen"/> (every variable): what a release may set.</summary>
    public const ulong NotOpenRows = (1UL << (3 * Capacity)) - 1;

    /// <summary>The facts that say "nothing open here": what a close, a null or an unassigned variable gives.</summary>
    public const ReleaseFacts NotOpen = ReleaseFacts.Closed | ReleaseFacts.Ended | ReleaseFacts.Settled;

    public static ulong Mask(int index, ReleaseFacts facts)
    {
        ulong mask = 0;
        var row = 0;
        for (var fact = (int)ReleaseFacts.Closed; fact <= (int)ReleaseFacts.OpenCreatedHere; fact <<= 1, row++)
        {
            if (((int)facts & fact) != 0)
            {
                mask |= 1UL << ((row * Capacity) + index);
            }
        }

        return mask;
    }

    public static ReleaseFacts FactsOf(ulong state, int index)
    {
        var facts = ReleaseFacts.None;
        var row = 0;
        for (var fact = (int)ReleaseFacts.Closed; fact <= (int)ReleaseFacts.OpenCreatedHere; fact <<= 1, row++)
        {
            if ((state & (1UL << ((row * Capacity) + index))) != 0)
            {
                facts |= (ReleaseFacts)fact;
            }
        }

        return facts;
    }
}

/// <summary>What one operation does to the flow state: clear <see cref="Clear"/>, then set <see cref="Set"/>.</summary>
internal readonly struct FlowEffect
{
    public FlowEffect(ulong set, ulong clear)
    {
        Set = set;
        Clear = clear;
    }

    public ulong Set { get; }

    public ulong Clear { get; }

    public bool IsEmpty => Set == 0 && Clear == 0;

    /// <summary>Released with <paramref name="kind"/> (or known not open, for <see cref="ReleaseKind.Close"/>).</summary>
    public static FlowEffect Release(int index, ReleaseKind kind)
    {
        var facts = kind switch
        {
            ReleaseKind.Close => FactBits.NotOpen,
            ReleaseKind.Dispose => ReleaseFacts.Ended | ReleaseFacts.Settled,
            ReleaseKind.HandOff => ReleaseFacts.Settled,
            _ => ReleaseFacts.None,
        };
        return facts == ReleaseFacts.None ? default : new FlowEffect(FactBits.Mask(index, facts), FactBits.Mask(index, ReleaseFacts.OpenCreatedHere));
    }

    /// <summary>Assigned a value: nothing is known of it, except that it is a client created here when it is one.</summary>
    public static FlowEffect Assign(int index, bool createsClient)
        => createsClient
            ? new FlowEffect(FactBits.Mask(index, ReleaseFacts.OpenCreatedHere), FactBits.Mask(index, FactBits.NotOpen))
            : new FlowEffect(0, FactBits.Mask(index, FactBits.NotOpen | ReleaseFacts.OpenCreatedHere));

    public ulong Apply(ulong state) => (state & ~Clear) | Set;
}
