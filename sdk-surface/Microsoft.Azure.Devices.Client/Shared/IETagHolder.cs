// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/IETagHolder.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.

namespace Microsoft.Azure.Devices.Shared;

public interface IETagHolder
{
    string ETag { get; set; }
}
