// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Provisioning/Models/ConnectionProfile.cs (the two values the connection
// client distinguishes: a classic MQTT 3.1.1 hub and an MQTT 5 hub).
namespace Microsoft.Azure.Iot.Device.Provisioning.Models
{
    public enum ConnectionProfile
    {
        Classic,
        MqttV5,
    }
}
