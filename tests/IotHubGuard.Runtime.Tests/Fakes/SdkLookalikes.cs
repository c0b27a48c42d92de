// Test-local stand-ins that have the SDK's type names and public members (Microsoft.Azure.Devices.Client 1.42.3 and the v2 preview; see sdk-surface/Microsoft.Azure.Devices.Client/README.md).
// The runtime reads SDK objects by member name, so these exercise the same code paths as the real SDK objects.
using System;

namespace IotHubGuard.Runtime.Tests.Fakes;

public class MqttTransportSettings
{
    public int KeepAliveInSeconds { get; set; } = 300;
}

public sealed class AmqpTransportSettings
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class Http1TransportSettings
{
    public TimeSpan DefaultReceiveTimeout => TimeSpan.FromMinutes(1);
}

public class ClientOptions
{
    public TimeSpan SasTokenTimeToLive { get; set; }

    public int SasTokenRenewalBuffer { get; set; }
}

public interface IRetryPolicy
{
}

public class NoRetry : IRetryPolicy
{
}

public class ExponentialBackoff : IRetryPolicy
{
    public ExponentialBackoff(int retryCount, TimeSpan minBackoff, TimeSpan maxBackoff, TimeSpan deltaBackoff)
    {
    }
}

public enum RetryPolicyType
{
    No_Retry = 0,
    Exponential_Backoff_With_Jitter = 1,
}

public sealed class DeviceAuthenticationWithToken
{
    public DeviceAuthenticationWithToken(string deviceId, string token)
    {
        DeviceId = deviceId;
        Token = token;
    }

    public string DeviceId { get; }

    public string Token { get; set; }
}

public sealed class ModuleAuthenticationWithToken
{
    public ModuleAuthenticationWithToken(string deviceId, string moduleId, string token)
    {
        DeviceId = deviceId;
        ModuleId = moduleId;
        Token = token;
    }

    public string DeviceId { get; }

    public string ModuleId { get; }

    public string Token { get; set; }
}

public sealed class DeviceAuthenticationWithRegistrySymmetricKey
{
    public DeviceAuthenticationWithRegistrySymmetricKey(string deviceId, string key)
    {
        DeviceId = deviceId;
        KeyAsBase64String = key;
    }

    public string DeviceId { get; }

    public string KeyAsBase64String { get; set; }
}

public abstract class AuthenticationWithTokenRefresh
{
    public DateTime ExpiresOn { get; protected set; }

    public DateTime RefreshesOn { get; protected set; }

    // Deliberately looks like a fixed token: a refreshing auth must never be reported as AZIOT101.
    public string Token { get; protected set; } = "SharedAccessSignature sr=x&sig=y&se=1";
}

public abstract class DeviceAuthenticationWithTokenRefresh : AuthenticationWithTokenRefresh
{
}

public sealed class MyTokenRefresh : DeviceAuthenticationWithTokenRefresh
{
}

// A getter that throws, as some SDK objects do after dispose: it must read as "not available", not crash.
public sealed class ThrowingMqttTransportSettings
{
    public int KeepAliveInSeconds => throw new ObjectDisposedException("settings");
}

// v2 preview shapes (Azure/azure-iot-sdk-csharp, branch previews/v2).
public sealed class IotHubClientMqttSettings
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class IotHubClientAmqpSettings
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

public sealed class IotHubClientNoRetry
{
}

public sealed class IotHubClientOptions
{
    public IotHubClientOptions(object transportSettings)
    {
        TransportSettings = transportSettings;
    }

    public object TransportSettings { get; }

    public object? RetryPolicy { get; set; }
}
