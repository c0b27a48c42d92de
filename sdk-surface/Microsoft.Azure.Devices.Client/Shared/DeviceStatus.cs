// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/DeviceStatus.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.
// Note the namespace: Microsoft.Azure.Devices (not .Shared), as in the SDK.

using System.Runtime.Serialization;

namespace Microsoft.Azure.Devices;

public enum DeviceStatus
{
    [EnumMember(Value = "enabled")]
    Enabled = 0,

    [EnumMember(Value = "disabled")]
    Disabled,
}
