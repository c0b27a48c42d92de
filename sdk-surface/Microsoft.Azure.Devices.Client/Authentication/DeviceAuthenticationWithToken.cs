// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/DeviceAuthenticationWithToken.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Fixed SAS token authentication for a device. The SDK never renews this token.</summary>
public sealed class DeviceAuthenticationWithToken : IAuthenticationMethod
{
    private string _deviceId;
    private string _token;

    public DeviceAuthenticationWithToken(string deviceId, string token)
    {
        DeviceId = deviceId;
        Token = token;
    }

    public string DeviceId
    {
        get => _deviceId;
        set => _deviceId = StandInValidation.RequireText(value, "deviceId");
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
        iotHubConnectionStringBuilder.SharedAccessSignature = Token;
        iotHubConnectionStringBuilder.SharedAccessKey = null;
        iotHubConnectionStringBuilder.SharedAccessKeyName = null;
        return iotHubConnectionStringBuilder;
    }
}
