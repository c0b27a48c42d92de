using Microsoft.CodeAnalysis;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot206>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class ClientNeverClosedAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        """;

    private const string MqttUsings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using MQTTnet;

        """;

    private static Task VerifyAsync(string body) => VerifyAnalyzer.VerifyAnalyzerAsync(Usings + body, Libraries.DeviceSdk);

    private static Task VerifyProgramAsync(string program, Libraries libraries = Libraries.DeviceSdk)
    {
        var test = new VerifyAnalyzer.Test(libraries) { TestCode = (libraries == Libraries.MqttNet ? MqttUsings : Usings) + program };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    // ---- must not fire ----

    [Fact]
    public async Task TopLevelProgram_ClosingAfterTheCancellableLoop_DoesNotReport()
    {
        await VerifyProgramAsync("""
            using var stopping = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
            var client = DeviceClient.CreateFromConnectionString(args[0], TransportType.Mqtt);
            await client.OpenAsync();
            while (!stopping.IsCancellationRequested)
            {
                await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes("{}")));
                await Task.Delay(1000);
            }

            await client.CloseAsync();
            """);
    }

    [Fact]
    public async Task AwaitUsing_AndTryFinally_DoNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendOnceAsync(string cs, Message message)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.SendEventAsync(message);
                }

                async Task SendTwiceAsync(string cs, Message message)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    try
                    {
                        await client.SendEventAsync(message);
                    }
                    finally
                    {
                        await client.CloseAsync();
                        client.Dispose();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ClientHandedOff_DoesNotReport()
    {
        await VerifyAsync("""
            sealed class MessageSample
            {
                public MessageSample(DeviceClient client) { }
                public Task RunSampleAsync() => Task.CompletedTask;
            }

            sealed class Gateway
            {
                private readonly ConcurrentDictionary<string, DeviceClient> _clients = new();
                private DeviceClient _last;

                async Task<DeviceClient> ConnectAsync(string deviceId, string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Amqp_Tcp_Only);
                    await client.OpenAsync();
                    _clients[deviceId] = client;
                    return client;
                }

                async Task AddAsync(string deviceId, string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.OpenAsync();
                    _clients.TryAdd(deviceId, client);
                }

                async Task KeepAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.OpenAsync();
                    _last = client;
                }

                async Task RunSampleAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.OpenAsync();
                    var sample = new MessageSample(client);
                    await sample.RunSampleAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task ClosedByAHelperOrAShutdownHandler_DoesNotReport()
    {
        await VerifyAsync("""
            static class Program
            {
                static async Task ShutdownAsync(DeviceClient client)
                {
                    await client.CloseAsync();
                    client.Dispose();
                }

                static async Task RunAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.OpenAsync();
                    await ShutdownAsync(client);
                }

                static async Task Main(string[] args)
                {
                    var client = DeviceClient.CreateFromConnectionString(args[0]);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => client.CloseAsync().GetAwaiter().GetResult();
                    await client.OpenAsync();
                    await Task.Delay(Timeout.Infinite);
                }
            }
            """);
    }

    [Fact]
    public async Task Http1Client_KeepsNoConnection_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Http1);
                    await client.SendEventAsync(message);
                }

                async Task SendWithSettingsAsync(string cs, Message message)
                {
                    var settings = new ITransportSettings[] { new Http1TransportSettings() };
                    var client = DeviceClient.CreateFromConnectionString(cs, settings);
                    await client.SendEventAsync(message);
                }
            }
            """);
    }

    [Fact]
    public async Task ClientNeverUsed_OrReconnectSupervisor_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                void Configure(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    client.SetRetryPolicy(new ExponentialBackoff(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
                }

                async Task SuperviseAsync(string cs, CancellationToken ct)
                {
                    DeviceClient client = null;
                    while (!ct.IsCancellationRequested)
                    {
                        if (client != null)
                        {
                            await client.CloseAsync();
                            client.Dispose();
                        }

                        client = DeviceClient.CreateFromConnectionString(cs);
                        await client.OpenAsync(ct);
                        await Task.Delay(TimeSpan.FromMinutes(5), ct);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task MqttClientToAnotherBroker_DoesNotReport()
    {
        await VerifyProgramAsync("""
            var client = new MqttClientFactory().CreateMqttClient();
            var options = new MqttClientOptionsBuilder().WithTcpServer("broker.example.com", 1883).Build();
            await client.ConnectAsync(options);
            while (true)
            {
                await client.PublishStringAsync("telemetry", "{}");
                await Task.Delay(1000);
            }
            """, Libraries.MqttNet);
    }

    private const string BackgroundServiceStandIn = """
        abstract class BackgroundService
        {
            protected abstract Task ExecuteAsync(CancellationToken stoppingToken);
        }

        """;

    [Fact]
    public async Task BackgroundService_ClosingInFinally_DoesNotReport()
    {
        await VerifyAsync(BackgroundServiceStandIn + """
            sealed class TelemetryWorker : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var client = DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5", TransportType.Mqtt);
                    try
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            await client.SendEventAsync(new Message(), stoppingToken);
                            await Task.Delay(1000, stoppingToken);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                    }
                    finally
                    {
                        await client.CloseAsync(CancellationToken.None);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task BackgroundService_LoopingOnTheTokenWithoutClose_Reports()
    {
        await VerifyAsync(BackgroundServiceStandIn + """
            sealed class TelemetryWorker : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var client = {|AZIOT206:DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5", TransportType.Mqtt)|};
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await client.SendEventAsync(new Message(), stoppingToken);
                        await Task.Delay(1000, stoppingToken);
                    }
                }
            }
            """);
    }

    // ---- must fire ----

    [Fact]
    public async Task TopLevelProgram_LoopingUntilKilled_Reports()
    {
        await VerifyProgramAsync("""
            var client = {|AZIOT206:DeviceClient.CreateFromConnectionString(args[0], TransportType.Mqtt)|};
            await client.OpenAsync();
            while (true)
            {
                await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes("{}")));
                await Task.Delay(1000);
            }
            """);
    }

    [Fact]
    public async Task CloseAfterAnEndlessLoop_IsUnreachable_Reports()
    {
        await VerifyAsync("""
            class Worker
            {
                async Task RunAsync(string cs)
                {
                    var client = {|AZIOT206:DeviceClient.CreateFromConnectionString(cs)|};
                    for (;;)
                    {
                        await client.SendEventAsync(new Message());
                        await Task.Delay(1000);
                    }

            #pragma warning disable CS0162
                    await client.CloseAsync();
            #pragma warning restore CS0162
                }
            }
            """);
    }

    [Fact]
    public async Task MainEndingWithoutClose_Reports()
    {
        await VerifyAsync("""
            static class Program
            {
                static async Task Main(string[] args)
                {
                    var deviceClient = {|AZIOT206:DeviceClient.CreateFromConnectionString(args[0])|};
                    await deviceClient.SendEventAsync(new Message(Encoding.UTF8.GetBytes("hello")));
                    Console.WriteLine("Sent.");
                }
            }
            """);
    }

    [Fact]
    public async Task EdgeModule_ClientAsHandlerUserContext_IsNotAHandOff_Reports()
    {
        await VerifyAsync("""
            static class Program
            {
                static async Task Init()
                {
                    ITransportSettings[] settings = { new Microsoft.Azure.Devices.Client.Transport.Mqtt.MqttTransportSettings(TransportType.Mqtt_Tcp_Only) };
                    ModuleClient ioTHubModuleClient = await {|AZIOT206:ModuleClient.CreateFromEnvironmentAsync(settings)|};
                    await ioTHubModuleClient.OpenAsync();
                    await ioTHubModuleClient.SetInputMessageHandlerAsync("input1", PipeMessage, ioTHubModuleClient);
                }

                static Task<MessageResponse> PipeMessage(Message message, object userContext)
                    => Task.FromResult(MessageResponse.Completed);
            }
            """);
    }

    [Fact]
    public async Task FactoryOfTheCompilation_IsACreationSiteForItsCaller_Reports()
    {
        await VerifyAsync("""
            static class Program
            {
                static DeviceClient CreateClient(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    client.SetRetryPolicy(new ExponentialBackoff(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));
                    return client;
                }

                static async Task RunAsync(string cs)
                {
                    var client = {|AZIOT206:CreateClient(cs)|};
                    await client.SendEventAsync(new Message());
                }
            }
            """);
    }

    [Fact]
    public async Task MqttClientToIotHub_Reports()
    {
        await VerifyProgramAsync("""
            var client = {|AZIOT206:new MqttClientFactory().CreateMqttClient()|};
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer("contoso.azure-devices.net", 8883)
                .WithClientId("device-1")
                .Build();
            await client.ConnectAsync(options);
            while (true)
            {
                await client.PublishStringAsync("devices/device-1/messages/events/", "{}");
                await Task.Delay(1000);
            }
            """, Libraries.MqttNet);
    }
}
