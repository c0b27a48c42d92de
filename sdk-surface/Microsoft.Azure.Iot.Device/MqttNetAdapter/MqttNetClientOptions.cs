// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors dotnet/src/Microsoft.Azure.Iot.Device/MqttNetAdapter/MqttNetClientOptions.cs. Note the namespace casing: the
// options live in "MqttNetAdapter", the client in "MQTTnetAdapter", as in the SDK.
using System;
using System.Net;

namespace Microsoft.Azure.Iot.Device.MqttNetAdapter
{
    public class MqttNetClientOptions
    {
        public bool UseWebsocket { get; set; }

        public bool EnableMqttLogs { get; set; }

        public IWebProxy? Proxy { get; set; }

        public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromSeconds(60);
    }
}
