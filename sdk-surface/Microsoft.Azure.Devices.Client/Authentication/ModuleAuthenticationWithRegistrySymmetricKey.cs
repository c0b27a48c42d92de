// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/ModuleAuthenticationWithRegistrySymmetricKey.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Module key authentication. The SDK mints and renews SAS tokens from the key.</summary>
public sealed class ModuleAuthenticationWithRegistrySymmetricKey : IAuthenticationMethod
{
    private string _deviceId;
    private string _moduleId;
    private byte[] _key;

    public ModuleAuthenticationWithRegistrySymmetricKey(string deviceId, string moduleId, string key)
    {
        DeviceId = deviceId;
        ModuleId = moduleId;
        KeyAsBase64String = key;
    }

    public string DeviceId
    {
        get => _deviceId;
        set => _deviceId = StandInValidation.RequireText(value, "deviceId");
    }

    public string ModuleId
    {
        get => _moduleId;
        set => _moduleId = StandInValidation.RequireText(value, "moduleId");
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
        iotHubConnectionStringBuilder.ModuleId = ModuleId;
        iotHubConnectionStringBuilder.SharedAccessKey = KeyAsBase64String;
        iotHubConnectionStringBuilder.SharedAccessKeyName = null;
        iotHubConnectionStringBuilder.SharedAccessSignature = null;
        return iotHubConnectionStringBuilder;
    }
}
