using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Devices.Client;
using MQTTnet;

namespace FiringDevice;

/// <summary>
/// Token handling as it is often written. Every pattern here works on the bench and then disconnects in the field
/// when the SAS token expires: 401003 IoTHubUnauthorized, then 404104 DeviceConnectionClosedRemotely.
/// </summary>
internal static class Authentication
{
    // A token pasted into the connection string during provisioning: valid until `se`, then never again.
    private const string ProvisionedConnectionString =
        "HostName=contoso-hub.azure-devices.net;DeviceId=thermostat-01;"
        + "SharedAccessSignature=SharedAccessSignature sr=contoso-hub.azure-devices.net%2Fdevices%2Fthermostat-01&sig=c2lnbmF0dXJl&se=1900000000";

    public static DeviceClient FromProvisionedString()
        => DeviceClient.CreateFromConnectionString(ProvisionedConnectionString, TransportType.Mqtt);       // AZIOT101

    // Signed once at startup from the device key; the SDK could have done the signing (and the renewing) itself.
    public static DeviceClient WithSignedToken(string hubHost, string deviceId, string deviceKey)
    {
        var token = new SharedAccessSignatureBuilder
        {
            Key = deviceKey,
            Target = $"{hubHost}/devices/{deviceId}",
            TimeToLive = TimeSpan.FromMinutes(5),                                                           // AZIOT102
        }.ToSignature();
        return DeviceClient.Create(hubHost, new DeviceAuthenticationWithToken(deviceId, token), TransportType.Mqtt); // AZIOT101
    }

    // Fetched once from the backend's token service.
    public static async Task<ModuleClient> FromTokenServiceAsync(ITokenService tokens, string hubHost, string deviceId, string moduleId)
    {
        var token = await tokens.GetModuleSasAsync(deviceId, moduleId);
        return ModuleClient.Create(hubHost, new ModuleAuthenticationWithToken(deviceId, moduleId, token));   // AZIOT101
    }

    // "Renew early, renew often": every renewal is a reconnect on MQTT.
    public static ClientOptions AggressiveRenewal() => new()
    {
        SasTokenTimeToLive = TimeSpan.FromMinutes(2),                                                      // AZIOT102
        SasTokenRenewalBuffer = 90,                                                                         // AZIOT102
    };

    // Raw MQTT: the token is the password, given once; every reconnect after expiry is refused.
    public static MqttClientOptions RawMqtt(string hubHost, string deviceId, string deviceKey) => new MqttClientOptionsBuilder()
        .WithTcpServer(hubHost, 8883)
        .WithTlsOptions(tls => tls.UseTls())
        .WithClientId(deviceId)
        .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V311)
        .WithCredentials($"{hubHost}/{deviceId}/?api-version=2021-04-12", SasToken.Create(hubHost, deviceId, deviceKey)) // AZIOT103
        .Build();

    public static MqttClientOptions RawMqttOverInitializer(string hubHost, string deviceId, string deviceKey) => new()
    {
        ClientId = deviceId,
        ChannelOptions = new MqttClientTcpOptions { RemoteEndpoint = new DnsEndPoint(hubHost, 8883) },
        Credentials = new MqttClientCredentials(                                                            // AZIOT103
            $"{hubHost}/{deviceId}/?api-version=2021-04-12",
            Encoding.UTF8.GetBytes(SasToken.Create(hubHost, deviceId, deviceKey))),
    };
}

internal interface ITokenService
{
    Task<string> GetModuleSasAsync(string deviceId, string moduleId);
}

/// <summary>Asks the vault for a token that lives two minutes: the device reconnects all the time.</summary>
internal sealed class VaultTokenRefresh : DeviceAuthenticationWithTokenRefresh
{
    private readonly Func<string, Task<string>> _vault;

    public VaultTokenRefresh(string deviceId, Func<string, Task<string>> vault)
        : base(deviceId, 120, 15)                                                                           // AZIOT102
    {
        _vault = vault;
    }

    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => _vault(DeviceId);
}

internal static class SasToken
{
    public static string Create(string hubHost, string deviceId, string deviceKey)
    {
        var resource = Uri.EscapeDataString($"{hubHost}/devices/{deviceId}".ToLowerInvariant());
        var expiry = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        using var hmac = new HMACSHA256(Convert.FromBase64String(deviceKey));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{resource}\n{expiry}")));
        return $"SharedAccessSignature sr={resource}&sig={Uri.EscapeDataString(signature)}&se={expiry}";
    }
}
