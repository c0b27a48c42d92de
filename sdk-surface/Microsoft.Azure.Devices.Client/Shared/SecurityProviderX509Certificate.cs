// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/SecurityProviderX509Certificate.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.

using System.Security.Cryptography.X509Certificates;

namespace Microsoft.Azure.Devices.Shared;

public class SecurityProviderX509Certificate : SecurityProviderX509
{
    private readonly X509Certificate2 _clientCertificate;
    private readonly X509Certificate2Collection _certificateChain;

    public SecurityProviderX509Certificate(X509Certificate2 clientCertificate, X509Certificate2Collection certificateChain = null)
    {
        _clientCertificate = clientCertificate;
        _certificateChain = certificateChain;
    }

    public override X509Certificate2 GetAuthenticationCertificate() => _clientCertificate;

    public override X509Certificate2Collection GetAuthenticationCertificateChain() => _certificateChain;

    protected override void Dispose(bool disposing)
    {
    }
}
