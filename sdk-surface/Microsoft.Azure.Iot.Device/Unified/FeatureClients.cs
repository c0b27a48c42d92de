// STAND-IN for the Microsoft.Azure.Iot.Device public API (Azure/azure-iot-sdk, dotnet/; see README.md). Used only by IotHubGuard tests and samples; never shipped.
#nullable enable
// Mirrors the feature clients of dotnet/src/Microsoft.Azure.Iot.Device/Unified/: Telemetry/TelemetryClient.cs,
// Twin/TwinClient.cs, DirectMethods/DirectMethodClient.cs (constructors, both Dispose overloads and the telemetry send;
// the twin and direct-method request/response members, and TelemetryClient's property-name constants, are left out).
// As in the SDK, disposing any feature client disposes the connection client it was given, without a disconnect.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Iot.Device.Models.Telemetry;
using Microsoft.Azure.Iot.Device.Unified.Connection;

namespace Microsoft.Azure.Iot.Device.Unified.Telemetry
{
    public class TelemetryClient : IDisposable
    {
        private readonly IConnectionClient _connection;
        private bool _isDisposed;

        public TelemetryClient(IConnectionClient connection)
        {
            _connection = connection;
        }

        public Task SendTelemetryAsync(DeviceToCloudTelemetry message, CancellationToken cancellationToken = default)
        {
            ObjectDisposedException.ThrowIf(_isDisposed, this);
            return Task.CompletedTask;
        }

        public void Dispose(bool disposing)
        {
            if (disposing)
            {
                _connection.Dispose();
            }

            _isDisposed = true;
        }

        public void Dispose()
        {
            _connection.Dispose();
            _isDisposed = true;
        }
    }
}

namespace Microsoft.Azure.Iot.Device.Unified.Twin
{
    public class TwinClient : IDisposable
    {
        private readonly IConnectionClient _connection;

        public TwinClient(IConnectionClient connection)
        {
            _connection = connection;
        }

        public void Dispose(bool disposing)
        {
            if (disposing)
            {
                _connection.Dispose();
            }
        }

        public void Dispose() => _connection.Dispose();
    }
}

namespace Microsoft.Azure.Iot.Device.Unified.DirectMethods
{
    public class DirectMethodClient : IDisposable
    {
        private readonly IConnectionClient _connection;

        public DirectMethodClient(IConnectionClient connection)
        {
            _connection = connection;
        }

        public void Dispose(bool disposing)
        {
            if (disposing)
            {
                _connection.Dispose();
            }
        }

        public void Dispose() => _connection.Dispose();
    }
}
