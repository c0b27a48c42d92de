// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/ModuleAuthenticationWithTokenRefresh.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Token-renewing module authentication. TTL 0 means 3600 s and buffer 0 means 15 %.</summary>
public abstract class ModuleAuthenticationWithTokenRefresh : AuthenticationWithTokenRefresh
{
    private const int DefaultTimeToLiveSeconds = 3600;
    private const int DefaultBufferPercentage = 15;

    public ModuleAuthenticationWithTokenRefresh(string deviceId, string moduleId)
        : this(deviceId, moduleId, DefaultTimeToLiveSeconds, DefaultBufferPercentage)
    {
    }

    public ModuleAuthenticationWithTokenRefresh(string deviceId, string moduleId, int suggestedTimeToLiveSeconds, int timeBufferPercentage)
        : this(deviceId, moduleId, suggestedTimeToLiveSeconds, timeBufferPercentage, true)
    {
    }

    public ModuleAuthenticationWithTokenRefresh(
        string deviceId,
        string moduleId,
        int suggestedTimeToLiveSeconds,
        int timeBufferPercentage,
        bool disposeWithClient)
        : base(
            suggestedTimeToLiveSeconds == 0 ? DefaultTimeToLiveSeconds : suggestedTimeToLiveSeconds,
            timeBufferPercentage == 0 ? DefaultBufferPercentage : timeBufferPercentage,
            disposeWithClient)
    {
        ModuleId = StandInValidation.RequireText(moduleId, nameof(moduleId));
        DeviceId = StandInValidation.RequireText(deviceId, nameof(deviceId));
    }

    public string ModuleId { get; }

    public string DeviceId { get; }

    public override IotHubConnectionStringBuilder Populate(IotHubConnectionStringBuilder iotHubConnectionStringBuilder)
    {
        IotHubConnectionStringBuilder builder = base.Populate(iotHubConnectionStringBuilder);
        builder.DeviceId = DeviceId;
        builder.ModuleId = ModuleId;
        return builder;
    }
}
