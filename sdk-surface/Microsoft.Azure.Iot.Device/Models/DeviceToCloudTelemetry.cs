// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Models/Telemetry/DeviceToCloudTelemetry.cs.
using System;
using System.Buffers;
using System.Collections.Generic;

namespace Microsoft.Azure.Iot.Device.Models.Telemetry
{
    public class DeviceToCloudTelemetry
    {
        public ReadOnlySequence<byte> PayloadAsReadOnlySequence { get; set; }

        public byte[] Payload
        {
            get => PayloadAsReadOnlySequence.IsEmpty ? Array.Empty<byte>() : PayloadAsReadOnlySequence.ToArray();
            set => PayloadAsReadOnlySequence = new ReadOnlySequence<byte>(value);
        }

        public string? MessageId { get; set; }

        public string? CorrelationId { get; set; }

        public string? ContentType { get; set; }

        public string? ContentEncoding { get; set; }

        public Dictionary<string, string> UserProperties { get; set; } = new();
    }
}
