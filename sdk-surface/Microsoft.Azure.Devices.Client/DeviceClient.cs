// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/DeviceClient.cs (Azure/azure-iot-sdk-csharp @ 6097889d), netstandard2.1/net6+ build
// (with IAsyncDisposable): public signatures only; bodies are stand-ins.
// Creation validates like the SDK and does no I/O. Network operations throw NotSupportedException
// ("IotHubGuard SDK surface stand-in: no I/O.") or, after Dispose, ObjectDisposedException. CloseAsync, Dispose,
// DisposeAsync, SetConnectionStatusChangesHandler and SetRetryPolicy are harmless and only record what was asked.

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Devices.Client.Transport;
using Microsoft.Azure.Devices.Shared;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Contains methods that a device can use to send messages to and receive from the service.</summary>
public class DeviceClient : IDisposable, IAsyncDisposable
{
    /// <summary>Default operation timeout: 4 minutes.</summary>
    public const uint DefaultOperationTimeoutInMilliseconds = 4 * 60 * 1000;

    private DeviceClient(ClientCore core)
    {
        StandIn = core ?? throw new ArgumentNullException("internalClient");
        if (core.ConnectionStringBuilder.ModuleId != null)
        {
            throw new ArgumentException("A module Id was specified in the connection string - please use ModuleClient for modules.");
        }
    }

    /// <summary>Stand-in state (not SDK API): what the client was created with and what was done to it.</summary>
    internal ClientCore StandIn { get; }

    // ---- Factories ----

    public static DeviceClient Create(string hostname, IAuthenticationMethod authenticationMethod, ClientOptions options = default) =>
        Create(hostname, authenticationMethod, TransportType.Amqp, options);

    public static DeviceClient Create(string hostname, string gatewayHostname, IAuthenticationMethod authenticationMethod, ClientOptions options = default) =>
        Create(hostname, gatewayHostname, authenticationMethod, TransportType.Amqp, options);

    public static DeviceClient Create(string hostname, IAuthenticationMethod authenticationMethod, TransportType transportType, ClientOptions options = default) =>
        Create(hostname, null, authenticationMethod, transportType, options);

    public static DeviceClient Create(
        string hostname,
        string gatewayHostname,
        IAuthenticationMethod authenticationMethod,
        TransportType transportType,
        ClientOptions options = default) =>
        new DeviceClient(ClientCore.Create(hostname, gatewayHostname, authenticationMethod, transportType, options));

    public static DeviceClient Create(string hostname, IAuthenticationMethod authenticationMethod, ITransportSettings[] transportSettings, ClientOptions options = default) =>
        Create(hostname, null, authenticationMethod, transportSettings, options);

    public static DeviceClient Create(
        string hostname,
        string gatewayHostname,
        IAuthenticationMethod authenticationMethod,
        ITransportSettings[] transportSettings,
        ClientOptions options = default) =>
        new DeviceClient(ClientCore.Create(hostname, gatewayHostname, authenticationMethod, transportSettings, options));

    public static DeviceClient CreateFromConnectionString(string connectionString, ClientOptions options = default) =>
        CreateFromConnectionString(connectionString, TransportType.Amqp, options);

    public static DeviceClient CreateFromConnectionString(string connectionString, string deviceId, ClientOptions options = default) =>
        CreateFromConnectionString(connectionString, deviceId, TransportType.Amqp, options);

    public static DeviceClient CreateFromConnectionString(string connectionString, TransportType transportType, ClientOptions options = default)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            throw new ArgumentNullException(nameof(connectionString));
        }

        return new DeviceClient(ClientCore.FromConnectionString(connectionString, null, ClientCore.ExpandTransportType(transportType), options));
    }

    public static DeviceClient CreateFromConnectionString(string connectionString, string deviceId, TransportType transportType, ClientOptions options = default)
    {
        if (connectionString == null)
        {
            throw new ArgumentNullException(nameof(connectionString));
        }

        if (deviceId == null)
        {
            throw new ArgumentNullException(nameof(deviceId));
        }

        return new DeviceClient(ClientCore.FromConnectionString(connectionString, deviceId, ClientCore.ExpandTransportType(transportType), options));
    }

    public static DeviceClient CreateFromConnectionString(string connectionString, ITransportSettings[] transportSettings, ClientOptions options = default) =>
        new DeviceClient(ClientCore.FromConnectionString(connectionString, null, transportSettings, options));

    public static DeviceClient CreateFromConnectionString(string connectionString, string deviceId, ITransportSettings[] transportSettings, ClientOptions options = default)
    {
        if (connectionString == null)
        {
            throw new ArgumentNullException(nameof(connectionString));
        }

        if (deviceId == null)
        {
            throw new ArgumentNullException(nameof(deviceId));
        }

        return new DeviceClient(ClientCore.FromConnectionString(connectionString, deviceId, transportSettings, options));
    }

    // ---- Settings ----

    /// <summary>Diagnostic sampling percentage, 0..100 (not supported over HTTP).</summary>
    public int DiagnosticSamplingPercentage
    {
        get => StandIn.DiagnosticSamplingPercentage;
        set => StandIn.SetDiagnosticSamplingPercentage(value);
    }

    /// <summary>Timeout of the operations without a CancellationToken. Default 240000; 0 = no timeout.</summary>
    public uint OperationTimeoutInMilliseconds
    {
        get => StandIn.OperationTimeoutInMilliseconds;
        set => StandIn.OperationTimeoutInMilliseconds = value;
    }

    public string ProductInfo
    {
        get => StandIn.ProductInfo;
        set => StandIn.ProductInfo = value;
    }

    [Obsolete("This method has been deprecated.  Please use Microsoft.Azure.Devices.Client.SetRetryPolicy(IRetryPolicy retryPolicy) instead.")]
    public RetryPolicyType RetryPolicy
    {
        get => StandIn.ObsoleteRetryPolicy;
        set => StandIn.ObsoleteRetryPolicy = value;
    }

    /// <summary>Stand-in: records the policy. SDK default: ExponentialBackoff(int.MaxValue, 100 ms, 10 s, 100 ms).</summary>
    public void SetRetryPolicy(IRetryPolicy retryPolicy)
    {
        StandIn.RetryPolicy = retryPolicy;
        StandIn.RetryPolicySet = true;
    }

    /// <summary>Stand-in: records the handler (the SDK never calls it for HTTP).</summary>
    public void SetConnectionStatusChangesHandler(ConnectionStatusChangesHandler statusChangesHandler) =>
        StandIn.ConnectionStatusChangesHandler = statusChangesHandler;

    // ---- Connection ----

    public Task OpenAsync() => throw StandIn.IoRefusal();

    public Task OpenAsync(CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    /// <summary>Stand-in: records the close; completes at once.</summary>
    public Task CloseAsync() => CloseAsync(CancellationToken.None);

    /// <summary>Stand-in: records the close; completes at once.</summary>
    public Task CloseAsync(CancellationToken cancellationToken)
    {
        StandIn.CloseCount++;
        return Task.CompletedTask;
    }

    // ---- Cloud-to-device messages ----

    public Task<Message> ReceiveAsync() => throw StandIn.IoRefusal();

    public Task<Message> ReceiveAsync(CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task<Message> ReceiveAsync(TimeSpan timeout) => throw StandIn.IoRefusal();

    public Task SetReceiveMessageHandlerAsync(ReceiveMessageCallback messageHandler, object userContext, CancellationToken cancellationToken = default) =>
        throw StandIn.IoRefusal();

    public Task CompleteAsync(string lockToken) => throw StandIn.IoRefusal();

    public Task CompleteAsync(string lockToken, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task CompleteAsync(Message message) => throw StandIn.IoRefusal();

    public Task CompleteAsync(Message message, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task AbandonAsync(string lockToken) => throw StandIn.IoRefusal();

    public Task AbandonAsync(string lockToken, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task AbandonAsync(Message message) => throw StandIn.IoRefusal();

    public Task AbandonAsync(Message message, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task RejectAsync(string lockToken) => throw StandIn.IoRefusal();

    public Task RejectAsync(string lockToken, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task RejectAsync(Message message) => throw StandIn.IoRefusal();

    public Task RejectAsync(Message message, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    // ---- Telemetry ----

    public Task SendEventAsync(Message message) => throw StandIn.IoRefusal();

    public Task SendEventAsync(Message message, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task SendEventBatchAsync(IEnumerable<Message> messages) => throw StandIn.IoRefusal();

    public Task SendEventBatchAsync(IEnumerable<Message> messages, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    // ---- File upload ----

    [Obsolete("This API has been split into three APIs: GetFileUploadSasUri, uploading to blob directly using the Azure Storage SDK, and CompleteFileUploadAsync")]
    public Task UploadToBlobAsync(string blobName, Stream source) => throw StandIn.IoRefusal();

    [Obsolete("This API has been split into three APIs: GetFileUploadSasUri, uploading to blob directly using the Azure Storage SDK, and CompleteFileUploadAsync")]
    public Task UploadToBlobAsync(string blobName, Stream source, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task<FileUploadSasUriResponse> GetFileUploadSasUriAsync(FileUploadSasUriRequest request, CancellationToken cancellationToken = default) =>
        throw StandIn.IoRefusal();

    public Task CompleteFileUploadAsync(FileUploadCompletionNotification notification, CancellationToken cancellationToken = default) =>
        throw StandIn.IoRefusal();

    // ---- Direct methods ----

    public Task SetMethodHandlerAsync(string methodName, MethodCallback methodHandler, object userContext) => throw StandIn.IoRefusal();

    public Task SetMethodHandlerAsync(string methodName, MethodCallback methodHandler, object userContext, CancellationToken cancellationToken) =>
        throw StandIn.IoRefusal();

    public Task SetMethodDefaultHandlerAsync(MethodCallback methodHandler, object userContext) => throw StandIn.IoRefusal();

    public Task SetMethodDefaultHandlerAsync(MethodCallback methodHandler, object userContext, CancellationToken cancellationToken) =>
        throw StandIn.IoRefusal();

    [Obsolete("Please use SetMethodHandlerAsync.")]
    public void SetMethodHandler(string methodName, MethodCallback methodHandler, object userContext) => throw StandIn.IoRefusal();

    // ---- Twin ----

    [Obsolete("Please use SetDesiredPropertyUpdateCallbackAsync.")]
    public Task SetDesiredPropertyUpdateCallback(DesiredPropertyUpdateCallback callback, object userContext) => throw StandIn.IoRefusal();

    public Task SetDesiredPropertyUpdateCallbackAsync(DesiredPropertyUpdateCallback callback, object userContext) => throw StandIn.IoRefusal();

    public Task SetDesiredPropertyUpdateCallbackAsync(DesiredPropertyUpdateCallback callback, object userContext, CancellationToken cancellationToken) =>
        throw StandIn.IoRefusal();

    public Task<Twin> GetTwinAsync() => throw StandIn.IoRefusal();

    public Task<Twin> GetTwinAsync(CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task UpdateReportedPropertiesAsync(TwinCollection reportedProperties) => throw StandIn.IoRefusal();

    public Task UpdateReportedPropertiesAsync(TwinCollection reportedProperties, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    // ---- Disposal ----

    /// <summary>The SDK docs: call CloseAsync() before disposing. Stand-in: marks the client disposed.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>As in the SDK: CloseAsync(), then Dispose().</summary>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        Dispose();
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            StandIn.IsDisposed = true;
        }
    }
}
