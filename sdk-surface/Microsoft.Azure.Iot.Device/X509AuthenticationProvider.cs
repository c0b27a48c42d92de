// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/X509AuthenticationProvider.cs.
using System;
using System.Security.Cryptography.X509Certificates;

namespace Microsoft.Azure.Iot.Device
{
    public class X509AuthenticationProvider
    {
        public X509AuthenticationProvider(X509Certificate2 clientCertificate, X509Certificate2Collection? certificateChain = null)
        {
            ClientCertificate = clientCertificate ?? throw new ArgumentException("No certificate was found.", nameof(clientCertificate));
            CertificateChain = certificateChain;
        }

        public X509Certificate2 ClientCertificate { get; }

        public X509Certificate2Collection? CertificateChain { get; }
    }
}
