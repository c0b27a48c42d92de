// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors the public interface at the end of iothub/device/src/Common/ReadOnlyDictionary45.cs (Azure/azure-iot-sdk-csharp @ 6097889d).

namespace Microsoft.Azure.Devices.Client;

/// <summary>Indicates if a class is read-only.</summary>
public interface IReadOnlyIndicator
{
    bool IsReadOnly { get; }
}
