// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Not part of the SDK: plays the role of the SDK's internal DefaultWebProxySettings.Instance, the value the
// WebSocket transport settings put in Proxy ("use the system default proxy").

using System;
using System.Net;

namespace Microsoft.Azure.Devices.Client;

internal sealed class StandInWebProxy : IWebProxy
{
    internal static StandInWebProxy Instance { get; } = new StandInWebProxy();

    private StandInWebProxy()
    {
    }

    public ICredentials Credentials
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public Uri GetProxy(Uri destination) => throw new NotSupportedException();

    public bool IsBypassed(Uri host) => throw new NotSupportedException();
}
