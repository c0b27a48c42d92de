// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/SecurityProviderX509.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.

using System.Security.Cryptography.X509Certificates;

namespace Microsoft.Azure.Devices.Shared;

public abstract class SecurityProviderX509 : SecurityProvider
{
    public override string GetRegistrationID() => GetAuthenticationCertificate().GetNameInfo(X509NameType.DnsName, false);

    public abstract X509Certificate2Collection GetAuthenticationCertificateChain();

    public abstract X509Certificate2 GetAuthenticationCertificate();
}
