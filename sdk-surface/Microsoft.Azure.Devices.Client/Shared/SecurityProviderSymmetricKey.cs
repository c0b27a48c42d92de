// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/SecurityProviderSymmetricKey.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.

namespace Microsoft.Azure.Devices.Shared;

public class SecurityProviderSymmetricKey : SecurityProvider
{
    private readonly string _registrationId;
    private readonly string _primaryKey;
    private readonly string _secondaryKey;

    public SecurityProviderSymmetricKey(string registrationId, string primaryKey, string secondaryKey)
    {
        _registrationId = registrationId;
        _primaryKey = primaryKey;
        _secondaryKey = secondaryKey;
    }

    public override string GetRegistrationID() => _registrationId;

    public string GetPrimaryKey() => _primaryKey;

    public string GetSecondaryKey() => _secondaryKey;

    protected override void Dispose(bool disposing)
    {
    }
}
