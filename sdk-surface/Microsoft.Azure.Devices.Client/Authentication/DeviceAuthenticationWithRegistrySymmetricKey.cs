// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/DeviceAuthenticationWithRegistrySymmetricKey.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Device key authentication. The SDK mints and renews SAS tokens from the key.</summary>
public sealed class DeviceAuthenticationWithRegistrySymmetricKey : IAuthenticationMethod
{
    private string _deviceId;
    private byte[] _key;

    public DeviceAuthenticationWithRegistrySymmetricKey(string deviceId, string key)
    {
        DeviceId = deviceId;
        KeyAsBase64String = key;
    }

    public string DeviceId
    {
        get => _deviceId;
        set => _deviceId = StandInValidation.RequireText(value, "deviceId");
    }

    public byte[] Key
    {
        get => _key;
        set => _key = value ?? throw new ArgumentNullException("key");
    }

    public string KeyAsBase64String
    {
        get => Convert.ToBase64String(Key);
        set => _key = Convert.FromBase64String(StandInValidation.RequireBase64Key(value, "key"));
    }

    public IotHubConnectionStringBuilder Populate(IotHubConnectionStringBuilder iotHubConnectionStringBuilder)
    {
        if (iotHubConnectionStringBuilder == null)
        {
            throw new ArgumentNullException(nameof(iotHubConnectionStringBuilder));
        }

        iotHubConnectionStringBuilder.DeviceId = DeviceId;
        iotHubConnectionStringBuilder.SharedAccessKey = KeyAsBase64String;
        iotHubConnectionStringBuilder.SharedAccessKeyName = null;
        iotHubConnectionStringBuilder.SharedAccessSignature = null;
        return iotHubConnectionStringBuilder;
    }
}
