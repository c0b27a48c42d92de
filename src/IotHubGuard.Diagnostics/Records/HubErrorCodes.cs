using System.Collections.Generic;

namespace IotHubGuard.Diagnostics;

/// <summary>
/// The IoT Hub error codes that matter for connections, with their documented names
/// (https://learn.microsoft.com/azure/iot-hub/troubleshoot-error-codes).
/// </summary>
public static class HubErrorCodes
{
    /// <summary>DeviceConnectionClosedRemotely: the hub saw the connection end without a clean close.</summary>
    public const int DeviceConnectionClosedRemotely = 404104;

    /// <summary>IotHubUnauthorized: for connections, typically an expired SAS token (logged before 404104).</summary>
    public const int IotHubUnauthorized = 401003;

    /// <summary>ConnectionForcefullyClosedOnNewConnection: a second MQTT connection for the same identity.</summary>
    public const int ConnectionForcefullyClosedOnNewConnection = 400027;

    /// <summary>LinkCreationConflict: the AMQP form of a second connection for the same identity.</summary>
    public const int LinkCreationConflict = 409002;

    /// <summary>ConnectionForcefullyClosedOnFaultInjection: closed during service and platform upgrades.</summary>
    public const int ConnectionForcefullyClosedOnFaultInjection = 400029;

    /// <summary>ConnectionRejectedOnFaultInjection: rejected during service and platform upgrades.</summary>
    public const int ConnectionRejectedOnFaultInjection = 400030;

    /// <summary>ServerError (transient, retry).</summary>
    public const int ServerError = 500001;

    /// <summary>GenericTimeout: the hub could not complete the connection request in time.</summary>
    public const int GenericTimeout = 500008;

    private static readonly Dictionary<int, string> Names = new Dictionary<int, string>
    {
        [DeviceConnectionClosedRemotely] = "DeviceConnectionClosedRemotely",
        [IotHubUnauthorized] = "IotHubUnauthorized",
        [ConnectionForcefullyClosedOnNewConnection] = "ConnectionForcefullyClosedOnNewConnection",
        [LinkCreationConflict] = "LinkCreationConflict",
        [ConnectionForcefullyClosedOnFaultInjection] = "ConnectionForcefullyClosedOnFaultInjection",
        [ConnectionRejectedOnFaultInjection] = "ConnectionRejectedOnFaultInjection",
        [ServerError] = "ServerError",
        [GenericTimeout] = "GenericTimeout",
        [403002] = "IotHubQuotaExceeded",
        [403012] = "DeviceDisabled",
        [404001] = "DeviceNotFound",
        [429001] = "ThrottlingException",
        [503003] = "PartitionNotFound",
    };

    /// <summary>The documented name of <paramref name="code"/>, or null when it is not one this tool knows.</summary>
    public static string? NameOf(int code) => Names.TryGetValue(code, out string? name) ? name : null;

    /// <summary>The code for a documented name (used when an export carries only <c>resultDescription</c>).</summary>
    public static int? CodeOf(string? name)
    {
        if (name == null)
        {
            return null;
        }

        foreach (KeyValuePair<int, string> pair in Names)
        {
            if (string.Equals(pair.Value, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return pair.Key;
            }
        }

        return null;
    }

    /// <summary>True for codes that say the hub itself was upgrading or failing (not the device's fault).</summary>
    public static bool IsHubSide(int code) =>
        code == ConnectionForcefullyClosedOnFaultInjection || code == ConnectionRejectedOnFaultInjection || (code >= 500000 && code < 600000);

    /// <summary>True for codes that mean another connection took over the same identity.</summary>
    public static bool IsDuplicateIdentity(int code) => code == ConnectionForcefullyClosedOnNewConnection || code == LinkCreationConflict;
}
