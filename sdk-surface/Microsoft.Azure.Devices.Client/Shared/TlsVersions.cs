// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/TlsVersions.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.

using System.Security.Authentication;

namespace Microsoft.Azure.Devices.Shared;

/// <summary>Process-wide TLS settings (the SDK's static singleton).</summary>
public class TlsVersions
{
    public static readonly TlsVersions Instance = new TlsVersions();

#pragma warning disable SYSLIB0039 // Tls and Tls11 are obsolete; the SDK still names them.
    private const SslProtocols Allowed = SslProtocols.Tls | SslProtocols.Tls11 | SslProtocols.Tls12;
    private const SslProtocols Legacy = SslProtocols.Tls | SslProtocols.Tls11;
#pragma warning restore SYSLIB0039

    internal TlsVersions()
    {
    }

    public SslProtocols MinimumTlsVersions { get; private set; } = SslProtocols.Tls12;

    public SslProtocols Preferred { get; private set; } = SslProtocols.None;

    public bool CertificateRevocationCheck { get; set; }

    /// <summary>None resets to the default (TLS 1.2); TLS 1.0/1.1 get TLS 1.2 added.</summary>
    public void SetMinimumTlsVersions(SslProtocols protocols = SslProtocols.None)
    {
        protocols &= Allowed;
        if (protocols == SslProtocols.None)
        {
            Preferred = SslProtocols.None;
            MinimumTlsVersions = SslProtocols.Tls12;
            return;
        }

        if ((protocols & Legacy) != 0)
        {
            protocols |= SslProtocols.Tls12;
        }

        MinimumTlsVersions = Preferred = protocols;
    }

    /// <summary>Only did something on .NET Framework 4.5.1; a no-op here too.</summary>
    public void SetLegacyAcceptableVersions()
    {
    }
}
