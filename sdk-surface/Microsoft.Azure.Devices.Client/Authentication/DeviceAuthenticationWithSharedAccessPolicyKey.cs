// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/DeviceAuthenticationWithSharedAccessPolicyKey.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Shared access policy key authentication. The SDK mints and renews SAS tokens (with skn) from the key.</summary>
public sealed class DeviceAuthenticationWithSharedAccessPolicyKey : IAuthenticationMethod
{
    private string _deviceId;
    private string _policyName;
    private string _key;

    public DeviceAuthenticationWithSharedAccessPolicyKey(string deviceId, string policyName, string key)
    {
        DeviceId = deviceId;
        Key = key;
        PolicyName = policyName;
    }

    public string DeviceId
    {
        get => _deviceId;
        set => _deviceId = StandInValidation.RequireText(value, "deviceId");
    }

    public string Key
    {
        get => _key;
        set => _key = StandInValidation.RequireBase64Key(value, "key");
    }

    public string PolicyName
    {
        get => _policyName;
        set => _policyName = StandInValidation.RequireText(value, "policyName");
    }

    public IotHubConnectionStringBuilder Populate(IotHubConnectionStringBuilder iotHubConnectionStringBuilder)
    {
        if (iotHubConnectionStringBuilder == null)
        {
            throw new ArgumentNullException(nameof(iotHubConnectionStringBuilder));
        }

        iotHubConnectionStringBuilder.DeviceId = DeviceId;
        iotHubConnectionStringBuilder.SharedAccessKey = Key;
        iotHubConnectionStringBuilder.SharedAccessKeyName = PolicyName;
        iotHubConnectionStringBuilder.SharedAccessSignature = null;
        return iotHubConnectionStringBuilder;
    }
}
