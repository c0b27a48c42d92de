// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/Metadata.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Shared;

/// <summary>Last-updated metadata of a twin property.</summary>
public sealed class Metadata
{
    public Metadata(DateTime lastUpdated, long? lastUpdatedVersion)
    {
        LastUpdated = lastUpdated;
        LastUpdatedVersion = lastUpdatedVersion;
    }

    public DateTime LastUpdated { get; set; }

    public long? LastUpdatedVersion { get; set; }
}
