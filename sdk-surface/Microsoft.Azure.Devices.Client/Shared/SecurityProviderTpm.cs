// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/SecurityProviderTpm.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.

namespace Microsoft.Azure.Devices.Shared;

/// <summary>TPM security provider, needed by DeviceAuthenticationWithTpm.</summary>
public abstract class SecurityProviderTpm : SecurityProvider
{
    private readonly string _registrationId;

    public SecurityProviderTpm(string registrationId)
    {
        _registrationId = registrationId;
    }

    public override string GetRegistrationID() => _registrationId;

    public abstract byte[] GetEndorsementKey();

    public abstract byte[] GetStorageRootKey();

    public abstract void ActivateIdentityKey(byte[] encryptedKey);

    public abstract byte[] Sign(byte[] data);
}
