// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Exceptions/DeviceException.cs and ErrorRetryability.cs (enum values as
// used by AbstractConnectionClient: Retryable, Terminal).
using System;

namespace Microsoft.Azure.Iot.Device.Exceptions
{
    public class DeviceException : Exception
    {
        public DeviceException()
        {
        }

        public DeviceException(string? message)
            : base(message)
        {
        }

        public DeviceException(string? message, Exception? innerException)
            : base(message, innerException)
        {
        }

        public required ErrorRetryability Retryability { get; set; }

        public required bool IsContained { get; set; }
    }

    public enum ErrorRetryability
    {
        Retryable,
        Terminal,
    }
}
