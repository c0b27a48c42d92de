// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/DeviceAuthenticationWithTpm.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Threading.Tasks;
using Microsoft.Azure.Devices.Shared;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Token-renewing device authentication whose tokens are signed by a TPM.</summary>
public sealed class DeviceAuthenticationWithTpm : DeviceAuthenticationWithTokenRefresh
{
    private readonly SecurityProviderTpm _securityProvider;

    public DeviceAuthenticationWithTpm(string deviceId, SecurityProviderTpm securityProvider)
        : base(deviceId)
    {
        _securityProvider = securityProvider ?? throw new ArgumentNullException(nameof(securityProvider));
    }

    public DeviceAuthenticationWithTpm(
        string deviceId,
        SecurityProviderTpm securityProvider,
        int suggestedTimeToLiveSeconds,
        int timeBufferPercentage)
        : this(deviceId, securityProvider, suggestedTimeToLiveSeconds, timeBufferPercentage, true)
    {
    }

    public DeviceAuthenticationWithTpm(
        string deviceId,
        SecurityProviderTpm securityProvider,
        int suggestedTimeToLiveSeconds,
        int timeBufferPercentage,
        bool disposeWithClient)
        : base(deviceId, suggestedTimeToLiveSeconds, timeBufferPercentage, disposeWithClient)
    {
        _securityProvider = securityProvider ?? throw new ArgumentNullException(nameof(securityProvider));
    }

    /// <summary>Stand-in: signs "{hub}/devices/{id}" with the provider, like the SDK, but builds the token itself.</summary>
    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLiveSeconds)
    {
        var builder = new TpmSignatureBuilder(_securityProvider)
        {
            TimeToLive = TimeSpan.FromSeconds(suggestedTimeToLiveSeconds),
            Target = iotHub + "/devices/" + Uri.EscapeDataString(DeviceId),
        };
        return Task.FromResult(builder.ToSignature());
    }

    private sealed class TpmSignatureBuilder : SharedAccessSignatureBuilder
    {
        private readonly SecurityProviderTpm _provider;

        internal TpmSignatureBuilder(SecurityProviderTpm provider)
        {
            _provider = provider;
        }

        protected override string Sign(string requestString, string key) =>
            Convert.ToBase64String(_provider.Sign(System.Text.Encoding.UTF8.GetBytes(requestString)));
    }
}
