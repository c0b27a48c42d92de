// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/IotHubConnectionStringBuilder.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace Microsoft.Azure.Devices.Client;

/// <summary>
/// Builds and validates IoT hub device/module connection strings ("Key=Value;..." with case-insensitive keys).
/// </summary>
public sealed class IotHubConnectionStringBuilder
{
    private const string HostNameKey = "HostName";
    private const string DeviceIdKey = "DeviceId";
    private const string ModuleIdKey = "ModuleId";
    private const string SharedAccessKeyNameKey = "SharedAccessKeyName";
    private const string SharedAccessKeyKey = "SharedAccessKey";
    private const string SharedAccessSignatureKey = "SharedAccessSignature";
    private const string GatewayHostNameKey = "GatewayHostName";
    private const string X509Key = "x509";
    private const string LegacyX509Key = "X509Cert";

    // Documented identity rule: 1..128 of letters, digits and -:.+%_#*?!(),=@;$'
    private static readonly Regex s_identity = new Regex(@"^[A-Za-z0-9\-:.+%_#*?!(),=@;$']{1,128}$", RegexOptions.CultureInvariant);
    // Like the SDK, only the end of a host name is checked.
    private static readonly Regex s_hostName = new Regex(@"[A-Za-z0-9_\-\.]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_keyName = new Regex(@"^[A-Za-z0-9_\-@\.]+$", RegexOptions.CultureInvariant);

    private string _hostName;
    private IAuthenticationMethod _authenticationMethod;

    internal IotHubConnectionStringBuilder()
    {
    }

    public static IotHubConnectionStringBuilder Create(string hostname, IAuthenticationMethod authenticationMethod) =>
        Create(hostname, null, authenticationMethod);

    public static IotHubConnectionStringBuilder Create(string hostname, string gatewayHostname, IAuthenticationMethod authenticationMethod)
    {
        var builder = new IotHubConnectionStringBuilder
        {
            HostName = hostname,
            GatewayHostName = gatewayHostname,
            AuthenticationMethod = authenticationMethod,
        };
        builder.Validate();
        return builder;
    }

    public static IotHubConnectionStringBuilder Create(string iotHubConnectionString)
    {
        if (string.IsNullOrWhiteSpace(iotHubConnectionString))
        {
            throw new ArgumentNullException(nameof(iotHubConnectionString));
        }

        var builder = new IotHubConnectionStringBuilder();
        builder.Parse(iotHubConnectionString);
        builder.AuthenticationMethod = AuthenticationMethodFactory.GetAuthenticationMethod(builder);
        return builder;
    }

    public string HostName
    {
        get => _hostName;
        set => SetHostName(value);
    }

    public IAuthenticationMethod AuthenticationMethod
    {
        get => _authenticationMethod;
        set
        {
            if (value == null)
            {
                throw new ArgumentNullException("authMethod");
            }

            value.Populate(this);
            _authenticationMethod = value;
            Validate();
        }
    }

    public string DeviceId { get; internal set; }

    public string ModuleId { get; internal set; }

    public string SharedAccessKeyName { get; internal set; }

    public string SharedAccessKey { get; internal set; }

    public string GatewayHostName { get; internal set; }

    public string SharedAccessSignature { get; internal set; }

    public bool UsingX509Cert { get; internal set; }

    // Internal in the SDK as well.
    internal string IotHubName { get; private set; }

    internal X509Certificate2 Certificate { get; set; }

    internal X509Certificate2Collection ChainCertificates { get; set; }

    internal TimeSpan SasTokenTimeToLive { get; set; }

    internal int SasTokenRenewalBuffer { get; set; }

    public override sealed string ToString()
    {
        Validate();
        var parts = new List<string>();
        Add(parts, HostNameKey, HostName);
        Add(parts, DeviceIdKey, DeviceId);
        Add(parts, ModuleIdKey, ModuleId);
        Add(parts, SharedAccessKeyNameKey, SharedAccessKeyName);
        Add(parts, SharedAccessKeyKey, SharedAccessKey);
        Add(parts, SharedAccessSignatureKey, SharedAccessSignature);
        if (UsingX509Cert)
        {
            Add(parts, X509Key, "True");
        }

        Add(parts, GatewayHostNameKey, GatewayHostName);
        return string.Join(";", parts);
    }

    private static void Add(List<string> parts, string key, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parts.Add(key + "=" + value);
        }
    }

    private void Parse(string connectionString)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string segment in connectionString.Split(';'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            int eq = segment.IndexOf('=');
            if (eq < 0)
            {
                throw new FormatException("Malformed Token");
            }

            string key = segment.Substring(0, eq);
            if (map.ContainsKey(key))
            {
                throw new ArgumentException("The connection string has a duplicate property: " + key + ".");
            }

            map.Add(key, segment.Substring(eq + 1));
        }

        if (map.Count == 0)
        {
            throw new FormatException("Malformed Token");
        }

        if (!map.TryGetValue(HostNameKey, out string hostName))
        {
            throw new ArgumentException("The connection string is missing the property: " + HostNameKey + ".");
        }

        HostName = hostName;
        DeviceId = Optional(map, DeviceIdKey);
        ModuleId = Optional(map, ModuleIdKey);
        SharedAccessKeyName = Optional(map, SharedAccessKeyNameKey);
        SharedAccessKey = Optional(map, SharedAccessKeyKey);
        SharedAccessSignature = Optional(map, SharedAccessSignatureKey);
        UsingX509Cert = IsTrue(Optional(map, LegacyX509Key)) || IsTrue(Optional(map, X509Key));
        GatewayHostName = Optional(map, GatewayHostNameKey);
        Validate();
    }

    private static string Optional(Dictionary<string, string> map, string key) =>
        map.TryGetValue(key, out string value) ? value : null;

    private static bool IsTrue(string value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    private void Validate()
    {
        if (string.IsNullOrWhiteSpace(DeviceId))
        {
            throw new ArgumentException("DeviceId must be specified in connection string");
        }

        bool hasKey = !string.IsNullOrWhiteSpace(SharedAccessKey);
        bool hasSas = !string.IsNullOrWhiteSpace(SharedAccessSignature);
        if (hasKey == hasSas && !(UsingX509Cert || AuthenticationMethod is AuthenticationWithTokenRefresh))
        {
            throw new ArgumentException("Should specify either SharedAccessKey or SharedAccessSignature if X.509 certificate is not used");
        }

        if ((UsingX509Cert || Certificate != null) && (hasKey || hasSas))
        {
            throw new ArgumentException("Should not specify either SharedAccessKey or SharedAccessSignature if X.509 certificate is used");
        }

        if (string.IsNullOrWhiteSpace(IotHubName))
        {
            throw new FormatException("Missing IoT hub name");
        }

        if (hasKey)
        {
            Convert.FromBase64String(SharedAccessKey);
        }

        if (hasSas)
        {
            StandInValidation.ValidateFixedSas(SharedAccessSignature);
        }

        Check(HostName, HostNameKey, s_hostName);
        Check(DeviceId, DeviceIdKey, s_identity);
        CheckIfSet(ModuleId, ModuleIdKey, s_identity);
        CheckIfSet(SharedAccessKeyName, SharedAccessKeyNameKey, s_keyName);
        CheckIfSet(GatewayHostName, GatewayHostNameKey, s_hostName);
    }

    private static void Check(string value, string property, Regex regex)
    {
        if (!regex.IsMatch(value))
        {
            throw new ArgumentException("The connection string has an invalid value for property: " + property + ".");
        }
    }

    private static void CheckIfSet(string value, string property, Regex regex)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Check(value, property, regex);
        }
    }

    private void SetHostName(string hostname)
    {
        if (string.IsNullOrWhiteSpace(hostname))
        {
            throw new ArgumentNullException(nameof(hostname));
        }

        Check(hostname, HostNameKey, s_hostName);
        _hostName = hostname;

        // "acme.azure-devices.net" => "acme"; a bare gateway name ("myGateway") is its own hub name.
        int dot = hostname.IndexOf('.');
        IotHubName = dot >= 0 ? hostname.Substring(0, dot) : hostname;
    }
}
