// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Models/ConnectionContext.cs.
using System.Collections.Generic;
using Microsoft.Azure.Iot.Device.Provisioning.Models;

namespace Microsoft.Azure.Iot.Device.Models
{
    public class ConnectionContext
    {
        internal ConnectionContext()
        {
        }

        public required string DeviceId { get; init; }

        public required string IotHubHostName { get; init; }

        public required ConnectionProfile ConnectionProfile { get; init; }

        public IReadOnlyList<string>? IssuedClientCertificates { get; init; }

        public required X509AuthenticationProvider AuthenticationProvider { get; set; }
    }
}
