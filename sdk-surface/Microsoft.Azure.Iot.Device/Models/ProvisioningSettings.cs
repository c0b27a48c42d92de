// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Models/ProvisioningSettings.cs (ProvisioningPayload, a JsonNode, and
// CertificateSigningRequest are left out: no rule or sample reads them).
namespace Microsoft.Azure.Iot.Device.Models
{
    public class ProvisioningSettings
    {
        public ProvisioningSettings(string idScope)
        {
            IdScope = idScope;
        }

        public string? RegistrationId { get; set; }

        public string IdScope { get; set; }

        public string GlobalEndpointAddress { get; set; } = "global.azure-devices-provisioning.net";
    }
}
