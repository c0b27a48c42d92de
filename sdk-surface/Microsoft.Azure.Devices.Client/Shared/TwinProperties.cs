// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/TwinProperties.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.
// The SDK's [JsonProperty] attributes (Newtonsoft.Json) are left out.

namespace Microsoft.Azure.Devices.Shared;

/// <summary>Desired and reported properties of a twin.</summary>
public class TwinProperties
{
    public TwinProperties()
    {
        Desired = new TwinCollection();
        Reported = new TwinCollection();
    }

    public TwinCollection Desired { get; set; }

    public TwinCollection Reported { get; set; }
}
