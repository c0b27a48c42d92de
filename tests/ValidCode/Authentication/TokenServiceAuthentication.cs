using Microsoft.Azure.Devices.Client;

namespace ValidCode.Authentication;

/// <summary>
/// Tokens from a backend token service, renewed by the SDK through DeviceAuthenticationWithTokenRefresh: the
/// correct shape for devices that must not hold their key. TTL and buffer are the defaults or in range (AZIOT102).
/// </summary>
public sealed class TokenServiceAuthentication : DeviceAuthenticationWithTokenRefresh
{
    private readonly Func<string, int, Task<string>> _issue;

    public TokenServiceAuthentication(string deviceId, Func<string, int, Task<string>> issue)
        : base(deviceId)
    {
        _issue = issue;
    }

    public TokenServiceAuthentication(string deviceId, int suggestedTimeToLiveSeconds, int timeBufferPercentage, Func<string, int, Task<string>> issue)
        : base(deviceId, suggestedTimeToLiveSeconds, timeBufferPercentage)
    {
        _issue = issue;
    }

    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => _issue(DeviceId, suggestedTimeToLive);
}

/// <summary>A module that signs its own tokens with a key kept in a hardware store; 2 h tokens renewed at 20 %.</summary>
public sealed class HsmModuleAuthentication : ModuleAuthenticationWithTokenRefresh
{
    private const int TwoHours = 2 * 60 * 60;
    private readonly Func<string, string> _sign;

    public HsmModuleAuthentication(string deviceId, string moduleId, Func<string, string> sign)
        : base(deviceId, moduleId, TwoHours, 20, disposeWithClient: false)
    {
        _sign = sign;
    }

    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
    {
        // The builder's lifetime comes from the SDK at run time: not a compile-time value, not reported.
        var builder = new HsmSignatureBuilder(_sign)
        {
            Target = $"{iotHub}/devices/{DeviceId}/modules/{ModuleId}",
            TimeToLive = TimeSpan.FromSeconds(suggestedTimeToLive),
        };
        return Task.FromResult(builder.ToSignature());
    }

    private sealed class HsmSignatureBuilder : SharedAccessSignatureBuilder
    {
        private readonly Func<string, string> _sign;

        public HsmSignatureBuilder(Func<string, string> sign) => _sign = sign;

        protected override string Sign(string requestString, string key) => _sign(requestString);
    }
}

public static class RenewingClients
{
    public static DeviceClient Create(string hubHost, string deviceId, Func<string, int, Task<string>> issue)
    {
        var options = new ClientOptions
        {
            SasTokenTimeToLive = TimeSpan.FromHours(1),
            SasTokenRenewalBuffer = 15,
        };
        return DeviceClient.Create(hubHost, new TokenServiceAuthentication(deviceId, issue), TransportType.Amqp, options);
    }

    public static DeviceClient Configured(string hubHost, string deviceId, Func<string, int, Task<string>> issue, TimeSpan lifetime, int buffer)
    {
        var options = new ClientOptions { SasTokenTimeToLive = lifetime, SasTokenRenewalBuffer = buffer };
        return DeviceClient.Create(hubHost, new TokenServiceAuthentication(deviceId, (int)lifetime.TotalSeconds, buffer, issue), TransportType.Mqtt, options);
    }

    // Zero means "SDK default" everywhere: 1 h, 15 %.
    public static ClientOptions Defaults() => new() { SasTokenTimeToLive = TimeSpan.Zero, SasTokenRenewalBuffer = 0 };

    public static string OneDayToken(string deviceKey, string resource)
        => new SharedAccessSignatureBuilder { Key = deviceKey, Target = resource, TimeToLive = TimeSpan.FromDays(1) }.ToSignature();
}
