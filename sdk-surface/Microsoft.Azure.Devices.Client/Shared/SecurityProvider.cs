// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors shared/src/SecurityProvider.cs (Azure/azure-iot-sdk-csharp @ 6097889d), which ships in the separate Microsoft.Azure.Devices.Shared
// assembly; the stand-in compiles it into the surface assembly (see README.md). Public signatures only; bodies are stand-ins.

using System;

namespace Microsoft.Azure.Devices.Shared;

/// <summary>Base of the device security providers (TPM, X.509, symmetric key).</summary>
public abstract class SecurityProvider : IDisposable
{
    public abstract string GetRegistrationID();

    protected abstract void Dispose(bool disposing);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
