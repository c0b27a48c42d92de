namespace IotHubGuard.CodeFixes;

public static partial class EquivalenceKeys
{
    /// <summary>AZIOT206: declare the client with <c>await using</c> (DisposeAsync closes first).</summary>
    public const string NeverClosedUseAwaitUsing = "AZIOT206_UseAwaitUsing";

    /// <summary>AZIOT206: close (MQTTnet: disconnect) the client in a <c>finally</c> around the rest of its scope.</summary>
    public const string NeverClosedCloseInFinally = "AZIOT206_CloseInFinally";

    /// <summary>AZIOT206: stop the endless loop on Ctrl+C/SIGTERM and close the client after it.</summary>
    public const string NeverClosedCloseOnShutdown = "AZIOT206_CloseOnShutdown";
}
