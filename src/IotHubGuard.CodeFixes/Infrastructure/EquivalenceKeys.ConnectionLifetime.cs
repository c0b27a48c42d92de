namespace IotHubGuard.CodeFixes;

public static partial class EquivalenceKeys
{
    /// <summary>AZIOT201: turn <c>using</c> into <c>await using</c> (DisposeAsync closes first).</summary>
    public const string UseAwaitUsing = "AZIOT201_UseAwaitUsing";

    /// <summary>AZIOT201: close the client in a <c>finally</c> around the rest of the <c>using</c> scope.</summary>
    public const string CloseInFinally = "AZIOT201_CloseInFinally";

    /// <summary>AZIOT201: insert <c>await client.CloseAsync()</c> before <c>Dispose()</c>.</summary>
    public const string CloseBeforeDispose = "AZIOT201_CloseBeforeDispose";

    /// <summary>AZIOT201 (field disposed in a synchronous method): close and dispose it from <c>DisposeAsync</c>.</summary>
    public const string CloseFieldFromDisposeAsync = "AZIOT201_CloseFromDisposeAsync";

    /// <summary>AZIOT201: in a <c>BackgroundService</c> that disposes a client field, close it in a <c>StopAsync</c> override.</summary>
    public const string CloseFieldFromStopAsync = "AZIOT201_CloseFromStopAsync";

    /// <summary>AZIOT202: close and dispose the client from the type's <c>DisposeAsync</c> (added when missing).</summary>
    public const string CloseFromDisposeAsync = "AZIOT202_CloseFromDisposeAsync";

    /// <summary>AZIOT202: in a <c>BackgroundService</c>, close and dispose the client in a <c>StopAsync</c> override.</summary>
    public const string CloseFromStopAsync = "AZIOT202_CloseFromStopAsync";

    /// <summary>AZIOT203: create the client once, before the loop, in an <c>await using</c> declaration.</summary>
    public const string HoistClientCreation = "AZIOT203_HoistClientCreation";

    /// <summary>AZIOT204: disconnect in a <c>finally</c> around the rest of the <c>using</c> scope.</summary>
    public const string DisconnectInFinally = "AZIOT204_DisconnectInFinally";

    /// <summary>AZIOT204: insert <c>await client.DisconnectAsync()</c> before <c>Dispose()</c>.</summary>
    public const string DisconnectBeforeDispose = "AZIOT204_DisconnectBeforeDispose";

    /// <summary>AZIOT205: close and dispose the previous client (null-safe) before the assignment.</summary>
    public const string CloseBeforeOverwrite = "AZIOT205_CloseBeforeOverwrite";
}
