// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/ModuleClient.cs (Azure/azure-iot-sdk-csharp @ 6097889d), netstandard2.1/net6+ build
// (with IAsyncDisposable): public signatures only; bodies are stand-ins.
// Creation validates like the SDK and does no I/O. Network operations throw NotSupportedException
// ("IotHubGuard SDK surface stand-in: no I/O.") or, after Dispose, ObjectDisposedException. CloseAsync, Dispose,
// DisposeAsync, SetConnectionStatusChangesHandler and SetRetryPolicy are harmless and only record what was asked.

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Azure.Devices.Shared;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Contains methods that a module can use to send messages to and receive from the service and interact with module twins.</summary>
public class ModuleClient : IDisposable, IAsyncDisposable
{
    internal ModuleClient(ClientCore core)
    {
        StandIn = core ?? throw new ArgumentNullException("internalClient");
        if (string.IsNullOrWhiteSpace(core.ConnectionStringBuilder.ModuleId))
        {
            throw new ArgumentException("A valid module Id should be specified to create a ModuleClient");
        }
    }

    /// <summary>Stand-in state (not SDK API): what the client was created with and what was done to it.</summary>
    internal ClientCore StandIn { get; }

    // ---- Factories ----

    public static ModuleClient Create(string hostname, IAuthenticationMethod authenticationMethod, ClientOptions options = default) =>
        Create(hostname, authenticationMethod, TransportType.Amqp, options);

    public static ModuleClient Create(string hostname, string gatewayHostname, IAuthenticationMethod authenticationMethod, ClientOptions options = default) =>
        Create(hostname, gatewayHostname, authenticationMethod, TransportType.Amqp, options);

    public static ModuleClient Create(string hostname, IAuthenticationMethod authenticationMethod, TransportType transportType, ClientOptions options = default) =>
        Create(hostname, null, authenticationMethod, transportType, options);

    public static ModuleClient Create(
        string hostname,
        string gatewayHostname,
        IAuthenticationMethod authenticationMethod,
        TransportType transportType,
        ClientOptions options = default) =>
        new ModuleClient(ClientCore.Create(hostname, gatewayHostname, authenticationMethod, transportType, options));

    public static ModuleClient Create(string hostname, IAuthenticationMethod authenticationMethod, ITransportSettings[] transportSettings, ClientOptions options = default) =>
        Create(hostname, null, authenticationMethod, transportSettings, options);

    public static ModuleClient Create(
        string hostname,
        string gatewayHostname,
        IAuthenticationMethod authenticationMethod,
        ITransportSettings[] transportSettings,
        ClientOptions options = default) =>
        new ModuleClient(ClientCore.Create(hostname, gatewayHostname, authenticationMethod, transportSettings, options));

    public static ModuleClient CreateFromConnectionString(string connectionString, ClientOptions options = default) =>
        CreateFromConnectionString(connectionString, TransportType.Amqp, options);

    public static ModuleClient CreateFromConnectionString(string connectionString, TransportType transportType, ClientOptions options = default)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            throw new ArgumentNullException(nameof(connectionString));
        }

        return new ModuleClient(ClientCore.FromConnectionString(connectionString, null, ClientCore.ExpandTransportType(transportType), options));
    }

    public static ModuleClient CreateFromConnectionString(string connectionString, ITransportSettings[] transportSettings, ClientOptions options = default) =>
        new ModuleClient(ClientCore.FromConnectionString(connectionString, null, transportSettings, options));

    /// <summary>IoT Edge module from the environment, over AMQP.</summary>
    public static Task<ModuleClient> CreateFromEnvironmentAsync(ClientOptions options = default) =>
        CreateFromEnvironmentAsync(TransportType.Amqp, options);

    public static Task<ModuleClient> CreateFromEnvironmentAsync(TransportType transportType, ClientOptions options = default) =>
        CreateFromEnvironmentAsync(ClientCore.ExpandTransportType(transportType), options);

    /// <summary>
    /// Stand-in: with EdgeHubConnectionString (or IotHubConnectionString) set, creates the client from it; otherwise reports the
    /// first missing IOTEDGE_* variable like the SDK, and with all of them present refuses (the SDK would call the Edge
    /// workload API). Errors come back in the returned task.
    /// </summary>
    public static Task<ModuleClient> CreateFromEnvironmentAsync(ITransportSettings[] transportSettings, ClientOptions options = default)
    {
        if (transportSettings == null)
        {
            throw new ArgumentNullException(nameof(transportSettings));
        }

        try
        {
            string connectionString = Environment.GetEnvironmentVariable("EdgeHubConnectionString")
                ?? Environment.GetEnvironmentVariable("IotHubConnectionString");
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                return Task.FromResult(CreateFromConnectionString(connectionString, transportSettings, options));
            }

            foreach (string name in new[]
            {
                "IOTEDGE_WORKLOADURI", "IOTEDGE_DEVICEID", "IOTEDGE_MODULEID", "IOTEDGE_IOTHUBHOSTNAME", "IOTEDGE_AUTHSCHEME", "IOTEDGE_MODULEGENERATIONID",
            })
            {
                if (Environment.GetEnvironmentVariable(name) == null)
                {
                    throw new InvalidOperationException("Environment variable " + name + " is required.");
                }
            }

            throw StandInIo.NoIo();
        }
        catch (Exception ex)
        {
            return Task.FromException<ModuleClient>(ex);
        }
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

    /// <summary>Stand-in: records the policy. SDK default: ExponentialBackoff(int.MaxValue, 100 ms, 10 s, 100 ms).</summary>
    public void SetRetryPolicy(IRetryPolicy retryPolicy)
    {
        StandIn.RetryPolicy = retryPolicy;
        StandIn.RetryPolicySet = true;
    }

    /// <summary>Stand-in: records the handler.</summary>
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

    // ---- Messages ----

    public Task CompleteAsync(string lockToken) => throw StandIn.IoRefusal();

    public Task CompleteAsync(string lockToken, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task CompleteAsync(Message message) => throw StandIn.IoRefusal();

    public Task CompleteAsync(Message message, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task AbandonAsync(string lockToken) => throw StandIn.IoRefusal();

    public Task AbandonAsync(string lockToken, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task AbandonAsync(Message message) => throw StandIn.IoRefusal();

    public Task AbandonAsync(Message message, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task SendEventAsync(Message message) => throw StandIn.IoRefusal();

    public Task SendEventAsync(Message message, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task SendEventBatchAsync(IEnumerable<Message> messages) => throw StandIn.IoRefusal();

    public Task SendEventBatchAsync(IEnumerable<Message> messages, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task SendEventAsync(string outputName, Message message) => throw StandIn.IoRefusal();

    public Task SendEventAsync(string outputName, Message message, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task SendEventBatchAsync(string outputName, IEnumerable<Message> messages) => throw StandIn.IoRefusal();

    public Task SendEventBatchAsync(string outputName, IEnumerable<Message> messages, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    public Task SetInputMessageHandlerAsync(string inputName, MessageHandler messageHandler, object userContext) => throw StandIn.IoRefusal();

    public Task SetInputMessageHandlerAsync(string inputName, MessageHandler messageHandler, object userContext, CancellationToken cancellationToken) =>
        throw StandIn.IoRefusal();

    public Task SetMessageHandlerAsync(MessageHandler messageHandler, object userContext) => throw StandIn.IoRefusal();

    public Task SetMessageHandlerAsync(MessageHandler messageHandler, object userContext, CancellationToken cancellationToken) => throw StandIn.IoRefusal();

    // ---- Direct methods ----

    public Task SetMethodHandlerAsync(string methodName, MethodCallback methodHandler, object userContext) => throw StandIn.IoRefusal();

    public Task SetMethodHandlerAsync(string methodName, MethodCallback methodHandler, object userContext, CancellationToken cancellationToken) =>
        throw StandIn.IoRefusal();

    public Task SetMethodDefaultHandlerAsync(MethodCallback methodHandler, object userContext) => throw StandIn.IoRefusal();

    public Task SetMethodDefaultHandlerAsync(MethodCallback methodHandler, object userContext, CancellationToken cancellationToken) =>
        throw StandIn.IoRefusal();

    public Task<MethodResponse> InvokeMethodAsync(string deviceId, MethodRequest methodRequest) => throw StandIn.IoRefusal();

    public Task<MethodResponse> InvokeMethodAsync(string deviceId, MethodRequest methodRequest, CancellationToken cancellationToken) =>
        throw StandIn.IoRefusal();

    public Task<MethodResponse> InvokeMethodAsync(string deviceId, string moduleId, MethodRequest methodRequest) => throw StandIn.IoRefusal();

    public Task<MethodResponse> InvokeMethodAsync(string deviceId, string moduleId, MethodRequest methodRequest, CancellationToken cancellationToken) =>
        throw StandIn.IoRefusal();

    // ---- Twin ----

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
