using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ClientPerOperationAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class ClientPerOperationAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        """;

    private static Task VerifyAsync(string body) => VerifyAnalyzer.VerifyAnalyzerAsync(Usings + body, Libraries.DeviceSdk);

    [Fact]
    public async Task UsingPerMessage_InForeach_Reports()
    {
        // Azure/azure-iot-sdk-csharp #832: a using DeviceClient per message inside a loop.
        await VerifyAsync("""
            class Device
            {
                async Task SendAllAsync(string cs, IEnumerable<string> readings)
                {
                    foreach (var reading in readings)
                    {
                        using var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs, TransportType.Amqp)|};
                        await client.SendEventAsync(new Message(System.Text.Encoding.UTF8.GetBytes(reading)));
                        await client.CloseAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task PerMessage_InForAndWhileAndDo_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs, CancellationToken ct)
                {
                    for (var i = 0; i < 10; i++)
                    {
                        var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs)|};
                        await client.SendEventAsync(new Message());
                        await client.CloseAsync();
                        client.Dispose();
                    }

                    while (!ct.IsCancellationRequested)
                    {
                        await using (var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs)|})
                        {
                            await client.SendEventAsync(new Message(), ct);
                        }

                        await Task.Delay(5000, ct);
                    }

                    do
                    {
                        await {|AZIOT203:DeviceClient.CreateFromConnectionString(cs)|}.SendEventAsync(new Message());
                    }
                    while (!ct.IsCancellationRequested);

                    foreach (var output in new[] { "a", "b" })
                    {
                        using var module = await {|AZIOT203:ModuleClient.CreateFromEnvironmentAsync()|};
                        await module.SendEventAsync(output, new Message());
                        await module.CloseAsync();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task PerItemLambdas_Report()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs, List<string> readings)
                {
                    Parallel.ForEach(readings, reading =>
                    {
                        using var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs)|};
                        client.SendEventAsync(new Message()).GetAwaiter().GetResult();
                    });

                    await Task.WhenAll(readings.Select(async reading =>
                    {
                        await using var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs)|};
                        await client.SendEventAsync(new Message());
                    }));

                    await Parallel.ForEachAsync(readings, async (reading, ct) =>
                    {
                        await using var client = {|AZIOT203:ModuleClient.CreateFromConnectionString(cs)|};
                        await client.SendEventAsync(new Message(), ct);
                    });
                }
            }
            """);
    }

    [Fact]
    public async Task TaskRunInsideLoop_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                void Run(string cs, string[] readings)
                {
                    foreach (var reading in readings)
                    {
                        _ = Task.Run(async () =>
                        {
                            await using var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs)|};
                            await client.SendEventAsync(new Message());
                        });
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ReconnectLoop_StoringInOuterVariable_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient? _client;

                async Task RunAsync(string cs, CancellationToken ct)
                {
                    DeviceClient? client = null;
                    while (!ct.IsCancellationRequested)
                    {
                        if (client != null)
                        {
                            await client.CloseAsync(ct);
                            client.Dispose();
                        }

                        client = DeviceClient.CreateFromConnectionString(cs);
                        await client.OpenAsync(ct);
                        await Task.Delay(TimeSpan.FromMinutes(5), ct);
                    }
                }

                async Task RunWithFieldAsync(string cs, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        if (_client != null)
                        {
                            await _client.CloseAsync(ct);
                            _client.Dispose();
                        }

                        _client = DeviceClient.CreateFromConnectionString(cs);
                        await _client.OpenAsync(ct);
                        await Task.Delay(TimeSpan.FromMinutes(5), ct);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task SessionPerIteration_WithInnerLoop_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await using var client = DeviceClient.CreateFromConnectionString(cs);
                        try
                        {
                            await client.OpenAsync(ct);
                            while (!ct.IsCancellationRequested)
                            {
                                await client.SendEventAsync(new Message(), ct);
                                await Task.Delay(30_000, ct);
                            }
                        }
                        catch (TimeoutException)
                        {
                            await Task.Delay(10_000, ct);
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task SessionPerIteration_InAHelper_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task RunAsync(string cs, CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await using var client = DeviceClient.CreateFromConnectionString(cs);
                        await RunSessionAsync(client, ct);
                    }
                }

                static Task RunSessionAsync(DeviceClient client, CancellationToken ct) => Task.Delay(-1, ct);
            }
            """);
    }

    [Fact]
    public async Task OneClientPerDevice_DoesNotReport()
    {
        await VerifyAsync("""
            record DeviceInfo(string ConnectionString);

            class Simulator
            {
                readonly List<DeviceClient> _clients = new();

                async Task SendOnceAsync(IEnumerable<DeviceInfo> devices, string[] connectionStrings)
                {
                    foreach (var device in devices)
                    {
                        await using var client = DeviceClient.CreateFromConnectionString(device.ConnectionString);
                        await client.SendEventAsync(new Message());
                    }

                    for (var i = 0; i < connectionStrings.Length; i++)
                    {
                        var cs = connectionStrings[i];
                        await using var client = DeviceClient.CreateFromConnectionString(cs);
                        await client.SendEventAsync(new Message());
                    }

                    Parallel.ForEach(devices, device =>
                    {
                        using var client = DeviceClient.CreateFromConnectionString(device.ConnectionString);
                        client.CloseAsync().GetAwaiter().GetResult();
                    });
                }

                void Connect(IEnumerable<string> cs)
                {
                    foreach (var _ in cs)
                    {
                        var client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");
                        _clients.Add(client);
                    }
                }

                IEnumerable<DeviceClient> All(IEnumerable<string> cs) => cs.Select(_ => DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5"));
            }
            """);
    }

    [Fact]
    public async Task RetryLoop_LeavingOnSuccess_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task<DeviceClient> ConnectAsync(string cs)
                {
                    for (var attempt = 0; ; attempt++)
                    {
                        var client = DeviceClient.CreateFromConnectionString(cs);
                        try
                        {
                            await client.OpenAsync();
                            return client;
                        }
                        catch (TimeoutException) when (attempt < 3)
                        {
                            client.Dispose();
                        }
                    }
                }

                async Task SendWithRetryAsync(string cs, Message message)
                {
                    while (true)
                    {
                        await using var client = DeviceClient.CreateFromConnectionString(cs);
                        try
                        {
                            await client.SendEventAsync(message);
                            break;
                        }
                        catch (TimeoutException)
                        {
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task CreatedOutsideTheLoop_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAllAsync(string cs, IEnumerable<string> readings)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(cs);
                    foreach (var reading in readings)
                    {
                        await client.SendEventAsync(new Message());
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task EventHandlerLambdaInsideLoop_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                private DeviceClient? _client;

                void Wire(string cs, IEnumerable<Action> hooks)
                {
                    foreach (var hook in hooks)
                    {
                        AppDomain.CurrentDomain.ProcessExit += (_, _) => { var c = DeviceClient.CreateFromConnectionString(cs); c.Dispose(); };
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Message_NamesTheFactoryAndTheUnit()
    {
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            Usings + """
            class Device
            {
                async Task SendAllAsync(string cs, string[] readings)
                {
                    foreach (var reading in readings)
                    {
                        await using var client = {|#0:DeviceClient.CreateFromConnectionString(cs)|};
                        await client.SendEventAsync(new Message());
                    }
                }
            }
            """,
            Libraries.DeviceSdk,
            null,
            VerifyAnalyzer.Diagnostic("AZIOT203").WithLocation(0).WithArguments("DeviceClient.CreateFromConnectionString", "loop iteration"));
    }
}
