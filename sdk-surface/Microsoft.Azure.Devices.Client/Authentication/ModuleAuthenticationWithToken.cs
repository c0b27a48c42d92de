// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/ModuleAuthenticationWithToken.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Fixed SAS token authentication for a module. The SDK never renews this token.</summary>
public sealed class ModuleAuthenticationWithToken : IAuthenticationMethod
{
    private string _deviceId;
    private string _moduleId;
    private string _token;

    public ModuleAuthenticationWithToken(string deviceId, string moduleId, string token)
    {
        DeviceId = deviceId;
        ModuleId = moduleId;
        Token = token;
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

    public string Token
    {
        get => _token;
        set => _token = StandInValidation.RequireSasToken(value, "token");
    }

    public IotHubConnectionStringBuilder Populate(IotHubConnectionStringBuilder iotHubConnectionStringBuilder)
    {
        if (iotHubConnectionStringBuilder == null)
        {
            throw new ArgumentNullException(nameof(iotHubConnectionStringBuilder));
        }

        iotHubConnectionStringBuilder.DeviceId = DeviceId;
        iotHubConnectionStringBuilder.ModuleId = ModuleId;
        iotHubConnectionStringBuilder.SharedAccessSignature = Token;
        iotHubConnectionStringBuilder.SharedAccessKey = null;
        iotHubConnectionStringBuilder.SharedAccessKeyName = null;
        return iotHubConnectionStringBuilder;
    }
}
