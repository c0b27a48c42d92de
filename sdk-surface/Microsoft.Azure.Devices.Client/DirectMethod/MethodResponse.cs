// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/DirectMethod/MethodResponse.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System.Text;

namespace Microsoft.Azure.Devices.Client;

/// <summary>The answer to a direct method call.</summary>
public sealed class MethodResponse
{
    public MethodResponse(byte[] result, int status)
    {
        Result = result;
        Status = status;
    }

    public MethodResponse(int status)
    {
        Status = status;
    }

    /// <summary>JSON payload (the SDK checks it is empty or JSON; the stand-in does not).</summary>
    public byte[] Result { get; private set; }

    public string ResultAsJson => Result == null || Result.Length == 0 ? null : Encoding.UTF8.GetString(Result);

    public int Status { get; private set; }
}
