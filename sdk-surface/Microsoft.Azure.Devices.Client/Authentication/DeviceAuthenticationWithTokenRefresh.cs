// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/DeviceAuthenticationWithTokenRefresh.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Token-renewing device authentication. TTL 0 means 3600 s and buffer 0 means 15 %.</summary>
public abstract class DeviceAuthenticationWithTokenRefresh : AuthenticationWithTokenRefresh
{
    internal const int DefaultTimeToLiveSeconds = 3600;
    internal const int DefaultBufferPercentage = 15;

    public DeviceAuthenticationWithTokenRefresh(string deviceId)
        : this(deviceId, DefaultTimeToLiveSeconds, DefaultBufferPercentage)
    {
    }

    public DeviceAuthenticationWithTokenRefresh(string deviceId, int suggestedTimeToLiveSeconds, int timeBufferPercentage)
        : this(deviceId, suggestedTimeToLiveSeconds, timeBufferPercentage, true)
    {
    }

    public DeviceAuthenticationWithTokenRefresh(
        string deviceId,
        int suggestedTimeToLiveSeconds,
        int timeBufferPercentage,
        bool disposeWithClient)
        : base(
            suggestedTimeToLiveSeconds == 0 ? DefaultTimeToLiveSeconds : suggestedTimeToLiveSeconds,
            timeBufferPercentage == 0 ? DefaultBufferPercentage : timeBufferPercentage,
            disposeWithClient)
    {
        DeviceId = StandInValidation.RequireText(deviceId, nameof(deviceId));
    }

    public string DeviceId { get; private set; }

    public override IotHubConnectionStringBuilder Populate(IotHubConnectionStringBuilder iotHubConnectionStringBuilder)
    {
        IotHubConnectionStringBuilder builder = base.Populate(iotHubConnectionStringBuilder);
        builder.DeviceId = DeviceId;
        return builder;
    }
}
