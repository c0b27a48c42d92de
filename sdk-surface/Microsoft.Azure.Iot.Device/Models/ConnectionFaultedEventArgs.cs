// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Models/ConnectionFaultedEventArgs.cs: raised only once the client has
// permanently stopped maintaining its connection.
using System;
using Microsoft.Azure.Iot.Device.Exceptions;

namespace Microsoft.Azure.Iot.Device.Models
{
    public class ConnectionFaultedEventArgs : EventArgs
    {
        public required DeviceException Exception { get; init; }
    }
}
