using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Azure.Devices.Client;
using Microsoft.Azure.Devices.Client.Transport.Mqtt;
using MQTTnet;

namespace ValidCode.ConnectionLifetime;

/// <summary>
/// Device programs that run until they are stopped and close their client on the way out (AZIOT206 must stay silent):
/// Ctrl+C and SIGTERM cancel the loop, the close runs after it.
/// </summary>
public static class TelemetryProgram
{
    public static async Task<int> Main(string[] args)
    {
        var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });

        var client = DeviceClient.CreateFromConnectionString(args[0], TransportType.Mqtt);
        client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} {reason}"));
        await client.OpenAsync();
        while (!stopping.IsCancellationRequested)
        {
            await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes("{}")));
            await Task.Delay(1000);
        }

        await client.CloseAsync();
        client.Dispose();
        return 0;
    }
}

/// <summary>The IoT Edge module shape, with the client closed when the edge agent stops the module.</summary>
public static class FilterModule
{
    public static async Task RunAsync(CancellationToken stopping)
    {
        ITransportSettings[] settings = { new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) };
        var moduleClient = await ModuleClient.CreateFromEnvironmentAsync(settings);
        moduleClient.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} {reason}"));
        try
        {
            await moduleClient.OpenAsync(stopping);
            await moduleClient.SetInputMessageHandlerAsync("input1", PipeMessageAsync, moduleClient, stopping);
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException)
        {
            // stopped by the edge agent
        }
        finally
        {
            await moduleClient.CloseAsync(CancellationToken.None);
        }
    }

    private static async Task<MessageResponse> PipeMessageAsync(Message message, object userContext)
    {
        var moduleClient = (ModuleClient)userContext;
        using var forwarded = new Message(message.GetBytes());
        await moduleClient.SendEventAsync("output1", forwarded);
        return MessageResponse.Completed;
    }
}

/// <summary>A gateway keeps one client per downstream device: the cache owns them and closes them all.</summary>
public sealed class DeviceClientCache : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DeviceClient> _clients = new();

    public async Task<DeviceClient> GetAsync(string deviceId, string connectionString)
    {
        if (_clients.TryGetValue(deviceId, out var existing))
        {
            return existing;
        }

        var client = CreateClient(connectionString);
        client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{deviceId}: {status} {reason}"));
        await client.OpenAsync();
        return _clients.GetOrAdd(deviceId, client);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            await client.CloseAsync();
            client.Dispose();
        }

        _clients.Clear();
    }

    private static DeviceClient CreateClient(string connectionString)
    {
        var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Amqp_Tcp_Only);
        client.SetRetryPolicy(new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
        return client;
    }
}

/// <summary>Clients that keep no connection, or whose close is a shutdown handler's job.</summary>
public static class OtherEndings
{
    public static async Task SendOverHttpAsync(string connectionString)
    {
        var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Http1);
        await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes("{}")));
    }

    public static async Task RunUntilExitAsync(string connectionString)
    {
        var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
        client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} {reason}"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => client.CloseAsync().GetAwaiter().GetResult();
        await client.OpenAsync();
        await Task.Delay(Timeout.Infinite);
    }

    public static async Task PublishToHubAsync(string hubName, string deviceId, IMqttClientCredentialsProvider credentials, CancellationToken stopping)
    {
        var mqtt = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer($"{hubName}.azure-devices.net", 8883)
            .WithClientId(deviceId)
            .WithCredentials(credentials)
            .WithTlsOptions(tls => tls.UseTls())
            .Build();
        await mqtt.ConnectAsync(options, stopping);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await mqtt.PublishStringAsync($"devices/{deviceId}/messages/events/", "{}", cancellationToken: stopping);
                await Task.Delay(1000, stopping);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
        finally
        {
            await mqtt.DisconnectAsync();
            mqtt.Dispose();
        }
    }
}
