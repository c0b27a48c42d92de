using Microsoft.Azure.Devices.Client;

namespace ValidCode.Authentication;

/// <summary>Key-based authentication: the SDK mints and renews the SAS token itself. None of this is AZIOT101.</summary>
public static class KeyBasedClients
{
    private const string Hub = "contoso-hub.azure-devices.net";

    // A key connection string (key names are case-insensitive in the SDK, as here).
    private const string DevelopmentConnectionString = "HostName=" + Hub + ";DeviceId=bench-01;sharedaccesskey=AAAAAAAAAAAAAAAAAAAAAA==";

    public static DeviceClient FromEnvironment()
    {
        var connectionString = Environment.GetEnvironmentVariable("IOTHUB_DEVICE_CONNECTION_STRING")
            ?? throw new InvalidOperationException("IOTHUB_DEVICE_CONNECTION_STRING is not set.");
        return DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
    }

    public static DeviceClient Development() => DeviceClient.CreateFromConnectionString(DevelopmentConnectionString, TransportType.Mqtt);

    public static DeviceClient FromParts(string deviceId, string deviceKey)
        => DeviceClient.CreateFromConnectionString($"HostName={Hub};DeviceId={deviceId};SharedAccessKey={deviceKey}", TransportType.Amqp);

    // A policy key: SharedAccessKeyName + SharedAccessKey, also renewed.
    public static DeviceClient WithPolicy(string deviceId, string policyKey)
        => DeviceClient.CreateFromConnectionString($"HostName={Hub};SharedAccessKeyName=device;SharedAccessKey={policyKey}", deviceId);

    // Whatever the caller assembled: unknown at compile time, never reported.
    public static ModuleClient FromCallerParts(string hostAndIdentity, string authentication)
        => ModuleClient.CreateFromConnectionString($"{hostAndIdentity};{authentication}", TransportType.Mqtt_Tcp_Only);

    public static DeviceClient WithKeyObject(string deviceId, string deviceKey)
        => DeviceClient.Create(Hub, new DeviceAuthenticationWithRegistrySymmetricKey(deviceId, deviceKey), TransportType.Mqtt);

    public static ModuleClient ModuleWithFactory(string deviceId, string moduleId, string moduleKey)
        => ModuleClient.Create(Hub, AuthenticationMethodFactory.CreateAuthenticationWithRegistrySymmetricKey(deviceId, moduleId, moduleKey));

    public static DeviceClient X509(string deviceId, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
        => DeviceClient.Create(Hub, new DeviceAuthenticationWithX509Certificate(deviceId, certificate), TransportType.Mqtt);

    /// <summary>Logs a connection string without its secrets: mentions SharedAccessSignature= but never connects with it.</summary>
    public static string Redact(string connectionString)
        => string.Join(';', connectionString.Split(';').Select(part =>
            part.StartsWith("SharedAccessSignature=", StringComparison.OrdinalIgnoreCase) || part.StartsWith("SharedAccessKey=", StringComparison.OrdinalIgnoreCase)
                ? part[..(part.IndexOf('=') + 1)] + "***"
                : part));
}
