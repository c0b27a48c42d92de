// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/Models/ConnectionClientOptions.cs (defaults included: the rules and the
// runtime check compare against them).
using System;
using Microsoft.Azure.Iot.Device.Mqtt;
using Microsoft.Azure.Iot.Device.Retry;

namespace Microsoft.Azure.Iot.Device.Models
{
    public class ConnectionClientOptions
    {
        public IRetryPolicy ConnectionRetryPolicy { get; set; } = new ExponentialBackoffRetryPolicy(uint.MaxValue, TimeSpan.FromSeconds(60));

        public TimeSpan ConnectionAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

        public bool EnableMqttLogging { get; set; }

        public IMqttClient? MqttClient { get; set; }
    }
}
