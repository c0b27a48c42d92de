// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/DirectMethod/MethodRequest.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Text;

namespace Microsoft.Azure.Devices.Client;

/// <summary>A direct method call (received, or sent with ModuleClient.InvokeMethodAsync).</summary>
public sealed class MethodRequest
{
    public MethodRequest(string name)
        : this(name, null, null, null)
    {
    }

    public MethodRequest(string name, byte[] data)
        : this(name, data, null, null)
    {
    }

    public MethodRequest(string name, TimeSpan? responseTimeout, TimeSpan? connectionTimeout)
        : this(name, null, responseTimeout, connectionTimeout)
    {
    }

    public MethodRequest(string name, byte[] data, TimeSpan? responseTimeout, TimeSpan? connectionTimeout)
    {
        Name = name;
        Data = data;
        ResponseTimeout = responseTimeout;
        ConnectionTimeout = connectionTimeout;
    }

    public string Name { get; private set; }

    public byte[] Data { get; private set; }

    public TimeSpan? ResponseTimeout { get; private set; }

    public TimeSpan? ConnectionTimeout { get; private set; }

    public string DataAsJson => Data == null || Data.Length == 0 ? null : Encoding.UTF8.GetString(Data);
}
