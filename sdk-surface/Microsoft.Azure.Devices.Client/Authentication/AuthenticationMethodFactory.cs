// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/AuthenticationMethodFactory.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Creates authentication methods.</summary>
public sealed class AuthenticationMethodFactory
{
    /// <summary>
    /// What the SDK picks for a parsed connection string: SharedAccessKeyName, then SharedAccessKey, then
    /// SharedAccessSignature, then x509 (internal in the SDK too).
    /// </summary>
    internal static IAuthenticationMethod GetAuthenticationMethod(IotHubConnectionStringBuilder csBuilder)
    {
        if (csBuilder.SharedAccessKeyName != null)
        {
            return new DeviceAuthenticationWithSharedAccessPolicyKey(csBuilder.DeviceId, csBuilder.SharedAccessKeyName, csBuilder.SharedAccessKey);
        }

        if (csBuilder.SharedAccessKey != null)
        {
            return csBuilder.ModuleId == null
                ? new DeviceAuthenticationWithRegistrySymmetricKey(csBuilder.DeviceId, csBuilder.SharedAccessKey)
                : new ModuleAuthenticationWithRegistrySymmetricKey(csBuilder.DeviceId, csBuilder.ModuleId, csBuilder.SharedAccessKey);
        }

        if (csBuilder.SharedAccessSignature != null)
        {
            return csBuilder.ModuleId == null
                ? new DeviceAuthenticationWithToken(csBuilder.DeviceId, csBuilder.SharedAccessSignature)
                : new ModuleAuthenticationWithToken(csBuilder.DeviceId, csBuilder.ModuleId, csBuilder.SharedAccessSignature);
        }

        if (csBuilder.UsingX509Cert)
        {
            return new DeviceAuthenticationWithX509Certificate(csBuilder.DeviceId, csBuilder.Certificate);
        }

        throw new InvalidOperationException("Unsupported authentication method in the connection string.");
    }

    public static IAuthenticationMethod CreateAuthenticationWithSharedAccessPolicyKey(string deviceId, string policyName, string key) =>
        new DeviceAuthenticationWithSharedAccessPolicyKey(deviceId, policyName, key);

    public static IAuthenticationMethod CreateAuthenticationWithToken(string deviceId, string token) =>
        new DeviceAuthenticationWithToken(deviceId, token);

    public static IAuthenticationMethod CreateAuthenticationWithToken(string deviceId, string moduleId, string token) =>
        new ModuleAuthenticationWithToken(deviceId, moduleId, token);

    public static IAuthenticationMethod CreateAuthenticationWithRegistrySymmetricKey(string deviceId, string key) =>
        new DeviceAuthenticationWithRegistrySymmetricKey(deviceId, key);

    public static IAuthenticationMethod CreateAuthenticationWithRegistrySymmetricKey(string deviceId, string moduleId, string key) =>
        new ModuleAuthenticationWithRegistrySymmetricKey(deviceId, moduleId, key);
}
