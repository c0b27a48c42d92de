// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/DeviceAuthenticationWithX509Certificate.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Security.Cryptography.X509Certificates;

namespace Microsoft.Azure.Devices.Client;

/// <summary>X.509 certificate authentication. No token; a new certificate needs a new client.</summary>
public sealed class DeviceAuthenticationWithX509Certificate : IAuthenticationMethod, IDisposable
{
    private string _deviceId;

    public DeviceAuthenticationWithX509Certificate(
        string deviceId,
        X509Certificate2 certificate,
        X509Certificate2Collection chainCertificates = null)
    {
        DeviceId = deviceId;
        Certificate = certificate;
        ChainCertificates = chainCertificates;
    }

    public string DeviceId
    {
        get => _deviceId;
        set => _deviceId = StandInValidation.RequireText(value, "deviceId");
    }

    public X509Certificate2 Certificate { get; set; }

    public X509Certificate2Collection ChainCertificates { get; }

    public IotHubConnectionStringBuilder Populate(IotHubConnectionStringBuilder iotHubConnectionStringBuilder)
    {
        if (iotHubConnectionStringBuilder == null)
        {
            throw new ArgumentNullException(nameof(iotHubConnectionStringBuilder));
        }

        iotHubConnectionStringBuilder.DeviceId = DeviceId;
        iotHubConnectionStringBuilder.UsingX509Cert = true;
        iotHubConnectionStringBuilder.Certificate = Certificate;
        iotHubConnectionStringBuilder.ChainCertificates = ChainCertificates;
        iotHubConnectionStringBuilder.SharedAccessSignature = null;
        iotHubConnectionStringBuilder.SharedAccessKey = null;
        iotHubConnectionStringBuilder.SharedAccessKeyName = null;
        return iotHubConnectionStringBuilder;
    }

    /// <summary>Does nothing, as in the SDK (the certificate belongs to the caller).</summary>
    public void Dispose()
    {
    }
}
