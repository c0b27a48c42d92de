using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IotHubGuard.Runtime;

/// <summary>How a device connection string authenticates.</summary>
public enum IotHubAuthenticationKind
{
    /// <summary><c>SharedAccessKey=</c>: the client mints (and the SDK renews) tokens from the key.</summary>
    SharedAccessKey = 0,

    /// <summary><c>SharedAccessSignature=</c>: a fixed token that nobody renews (AZIOT101).</summary>
    SharedAccessSignature = 1,

    /// <summary><c>x509=true</c>: a client certificate; no token.</summary>
    X509 = 2,
}

/// <summary>
/// A parsed IoT Hub device or module connection string (<c>HostName=…;DeviceId=…;SharedAccessKey=…</c>). Keys are
/// case-insensitive, as in the SDK. <see cref="ToString"/> masks the key and the token signature.
/// </summary>
public sealed class IotHubConnectionString
{
    // The device SDK's own rules, Azure/azure-iot-sdk-csharp at 1.42.3,
    // iothub/device/src/Authentication/IotHubConnectionStringBuilder.cs: s_idNameRegex for DeviceId and ModuleId,
    // s_sharedAccessKeyNameRegex, and s_hostNameRegex for HostName and GatewayHostName. The SDK's host pattern
    // ([a-zA-Z0-9_\-\.]+$) lacks the leading ^, so it only checks the end of the name ("my hub.net" passes, then fails
    // in DNS); it is anchored here, which is what the character set means.
    private static readonly Regex IdPattern = new Regex(@"^[A-Za-z0-9\-:.+%_#*?!(),=@;$']{1,128}$", RegexOptions.CultureInvariant);
    private static readonly Regex KeyNamePattern = new Regex(@"^[A-Za-z0-9_\-@.]+$", RegexOptions.CultureInvariant);

    private IotHubConnectionString(
        string hostName,
        string deviceId,
        string? moduleId,
        string? gatewayHostName,
        string? sharedAccessKeyName,
        string? sharedAccessKey,
        string? sharedAccessSignature,
        SasTokenInfo? token,
        IotHubAuthenticationKind kind)
    {
        HostName = hostName;
        DeviceId = deviceId;
        ModuleId = moduleId;
        GatewayHostName = gatewayHostName;
        SharedAccessKeyName = sharedAccessKeyName;
        SharedAccessKey = sharedAccessKey;
        SharedAccessSignature = sharedAccessSignature;
        Token = token;
        AuthenticationKind = kind;
    }

    /// <summary>The IoT hub host name, for example <c>myhub.azure-devices.net</c>.</summary>
    public string HostName { get; }

    /// <summary>The device ID.</summary>
    public string DeviceId { get; }

    /// <summary>The module ID, or null for a device connection string.</summary>
    public string? ModuleId { get; }

    /// <summary>The gateway (IoT Edge) host to connect to instead of <see cref="HostName"/>, or null.</summary>
    public string? GatewayHostName { get; }

    /// <summary>The shared access policy name, or null for a device key.</summary>
    public string? SharedAccessKeyName { get; }

    /// <summary>The Base64 shared access key (a secret: never log it), or null.</summary>
    public string? SharedAccessKey { get; }

    /// <summary>The fixed SAS token (a secret: never log it), or null.</summary>
    public string? SharedAccessSignature { get; }

    /// <summary>The fixed token's resource and expiry when <see cref="AuthenticationKind"/> is <see cref="IotHubAuthenticationKind.SharedAccessSignature"/>.</summary>
    public SasTokenInfo? Token { get; }

    /// <summary>How the connection string authenticates.</summary>
    public IotHubAuthenticationKind AuthenticationKind { get; }

    /// <summary>The token resource for this identity: <c>{host}/devices/{deviceId}[/modules/{moduleId}]</c>.</summary>
    public string ResourceUri => IotHubSasToken.GetResourceUri(HostName, DeviceId, ModuleId);

    /// <summary>Parses a connection string.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The parsed connection string.</returns>
    /// <exception cref="ArgumentException">
    /// The connection string is malformed; the message names the part that is wrong and never contains a secret.
    /// </exception>
    public static IotHubConnectionString Parse(string connectionString) =>
        Parse(connectionString, nameof(connectionString), "The connection string");

    /// <summary>The connection string with the key and the token signature masked, fit for a log.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("HostName=").Append(HostName).Append(";DeviceId=").Append(DeviceId);
        Append(text, "ModuleId", ModuleId);
        Append(text, "GatewayHostName", GatewayHostName);
        Append(text, "SharedAccessKeyName", SharedAccessKeyName);
        if (SharedAccessKey != null)
        {
            text.Append(";SharedAccessKey=").Append(SecretRedactor.Mask);
        }

        if (Token != null)
        {
            text.Append(";SharedAccessSignature=").Append(Token);
        }

        if (AuthenticationKind == IotHubAuthenticationKind.X509)
        {
            text.Append(";x509=true");
        }

        return text.ToString();
    }

    internal static IotHubConnectionString Parse(string connectionString, string paramName, string subject)
    {
        if (connectionString == null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (connectionString.Trim().Length == 0)
        {
            throw Fail(subject + " is empty.");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string[] parts = connectionString.Split(';');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i].Trim();
            if (part.Length == 0)
            {
                continue;
            }

            int eq = part.IndexOf('=');
            if (eq <= 0)
            {
                // Never echo the part: it may be a key that lost its name.
                throw Fail(string.Format(CultureInfo.InvariantCulture,
                    "{0} is malformed: part {1} is not name=value (expected pairs like HostName=…;DeviceId=…;SharedAccessKey=… separated by ';').",
                    subject, i + 1));
            }

            string name = part.Substring(0, eq).Trim();
            if (values.ContainsKey(name))
            {
                throw Fail(subject + " has " + SafeName(name) + " more than once.");
            }

            values[name] = part.Substring(eq + 1).Trim();
        }

        string hostName = Required(values, "HostName", subject);
        RequireHost(hostName, "HostName");
        string deviceId = Required(values, "DeviceId", subject);
        RequireId(deviceId, "DeviceId");
        string? moduleId = Optional(values, "ModuleId");
        if (moduleId != null)
        {
            RequireId(moduleId, "ModuleId");
        }

        string? gateway = Optional(values, "GatewayHostName");
        if (gateway != null)
        {
            RequireHost(gateway, "GatewayHostName");
        }

        string? keyName = Optional(values, "SharedAccessKeyName");
        if (keyName != null && !KeyNamePattern.IsMatch(keyName))
        {
            throw Fail(subject + " has a SharedAccessKeyName that IoT Hub does not accept (letters, digits or _-@.).");
        }
        string? key = Optional(values, "SharedAccessKey");
        string? signature = Optional(values, "SharedAccessSignature");
        string? x509Text = Optional(values, "x509") ?? Optional(values, "X509Cert");
        bool x509 = false;
        if (x509Text != null && !bool.TryParse(x509Text, out x509))
        {
            throw Fail(subject + " has an x509 value that is not true or false.");
        }

        if (x509 && (key != null || signature != null))
        {
            throw Fail(subject + " has x509=true together with a SharedAccessKey or SharedAccessSignature; give one way to authenticate.");
        }

        if (key != null && signature != null)
        {
            throw Fail(subject + " has both SharedAccessKey and SharedAccessSignature; give one.");
        }

        if (!x509 && key == null && signature == null)
        {
            throw Fail(subject + " has neither SharedAccessKey, SharedAccessSignature nor x509=true.");
        }

        if (keyName != null && key == null)
        {
            throw Fail(subject + " has SharedAccessKeyName without SharedAccessKey.");
        }

        SasTokenInfo? token = null;
        IotHubAuthenticationKind kind = IotHubAuthenticationKind.X509;
        if (key != null)
        {
            IotHubSasToken.DecodeKey(key, paramName, subject + " has a SharedAccessKey that");
            kind = IotHubAuthenticationKind.SharedAccessKey;
        }
        else if (signature != null)
        {
            token = IotHubSasToken.Parse(signature, paramName, subject + " has a SharedAccessSignature that");
            kind = IotHubAuthenticationKind.SharedAccessSignature;
        }

        return new IotHubConnectionString(hostName, deviceId, moduleId, gateway, keyName, key, signature, token, kind);

        ArgumentException Fail(string message) => new ArgumentException(message, paramName);

        // The value is never echoed: a key pasted into the wrong field would end up in the message.
        void RequireHost(string value, string name)
        {
            if (!IsHostName(value))
            {
                throw Fail(subject + " has a " + name + " that is not a host name: only letters, digits and _-. are allowed "
                    + "(expected for example myhub.azure-devices.net, without scheme, port, path or spaces).");
            }
        }

        void RequireId(string value, string name)
        {
            if (!IdPattern.IsMatch(value))
            {
                throw Fail(subject + " has a " + name + " that IoT Hub does not accept (1-128 letters, digits or -:.+%_#*?!(),=@;$').");
            }
        }

        string Required(Dictionary<string, string> all, string name, string what)
        {
            if (!all.TryGetValue(name, out string? value) || value.Length == 0)
            {
                throw Fail(what + " has no " + name + ".");
            }

            return value;
        }
    }

    // s_hostNameRegex's character set, [a-zA-Z0-9_\-\.], over the whole name.
    private static bool IsHostName(string value)
    {
        foreach (char c in value)
        {
            bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
            if (!allowed)
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static string? Optional(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out string? value) && value.Length > 0 ? value : null;

    // A part name is shown only when it is a known key name, never free text that could be a secret.
    private static string SafeName(string name)
    {
        switch (name.ToUpperInvariant())
        {
            case "HOSTNAME":
            case "DEVICEID":
            case "MODULEID":
            case "GATEWAYHOSTNAME":
            case "SHAREDACCESSKEYNAME":
            case "SHAREDACCESSKEY":
            case "SHAREDACCESSSIGNATURE":
            case "X509":
            case "X509CERT":
                return name;
            default:
                return "a part";
        }
    }

    private static void Append(StringBuilder text, string name, string? value)
    {
        if (value != null)
        {
            text.Append(';').Append(name).Append('=').Append(value);
        }
    }
}
