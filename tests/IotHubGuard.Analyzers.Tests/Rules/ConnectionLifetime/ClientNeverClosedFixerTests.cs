using IotHubGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer,
    IotHubGuard.Analyzers.Tests.Aziot206,
    IotHubGuard.CodeFixes.ClientNeverClosedFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class ClientNeverClosedFixerTests
{
    private static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, Libraries libraries = Libraries.DeviceSdk, bool program = false, bool secondAction = false)
    {
        var test = new Verify.Test(libraries)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (secondAction)
        {
            // Fix All applies every site's first action (await using), whichever action started it: not this one.
            test.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck;
        }

        if (program)
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        }

        return test.RunAsync();
    }

    [Fact]
    public async Task Local_BecomesAwaitUsing()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    // One message, then done.
                    var client = {|AZIOT206:DeviceClient.CreateFromConnectionString(cs)|};
                    await client.SendEventAsync(message);
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    // One message, then done.
                    await using var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.SendEventAsync(message);
                }
            }
            """,
            EquivalenceKeys.NeverClosedUseAwaitUsing);
    }

    [Fact]
    public async Task TopLevelProgram_CloseInFinally()
    {
        await VerifyAsync(
            """
            using System;
            using Microsoft.Azure.Devices.Client;

            var client = {|AZIOT206:DeviceClient.CreateFromConnectionString(args[0], TransportType.Mqtt)|};
            await client.OpenAsync();
            // Report once.
            await client.SendEventAsync(new Message());
            Console.WriteLine("sent");
            """,
            """
            using System;
            using Microsoft.Azure.Devices.Client;

            var client = DeviceClient.CreateFromConnectionString(args[0], TransportType.Mqtt);
            try
            {
                await client.OpenAsync();
                // Report once.
                await client.SendEventAsync(new Message());
                Console.WriteLine("sent");
            }
            finally
            {
                await client.CloseAsync();
            }
            """,
            EquivalenceKeys.NeverClosedCloseInFinally,
            program: true,
            secondAction: true);
    }

    [Fact]
    public async Task TopLevelWorker_StopsOnCtrlCAndSigterm_AndClosesAfterTheLoop()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            var client = {|AZIOT206:DeviceClient.CreateFromConnectionString(args[0], TransportType.Mqtt)|};
            await client.OpenAsync();
            while (true)
            {
                // Telemetry every second.
                await client.SendEventAsync(new Message());
                await Task.Delay(1000);
            }
            """,
            """
            using System;
            using System.Runtime.InteropServices;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            var stopping = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });
            var client = DeviceClient.CreateFromConnectionString(args[0], TransportType.Mqtt);
            await client.OpenAsync();
            while (!stopping.IsCancellationRequested)
            {
                // Telemetry every second.
                await client.SendEventAsync(new Message());
                await Task.Delay(1000);
            }

            await client.CloseAsync();
            """,
            EquivalenceKeys.NeverClosedCloseOnShutdown,
            program: true);
    }

    [Fact]
    public async Task EndlessWorkerMethod_MqttClient_DisconnectsAfterTheLoop()
    {
        await VerifyAsync(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using MQTTnet;

            class Worker
            {
                async Task RunAsync(MqttClientOptions ignored)
                {
                    var mqtt = {|AZIOT206:new MqttClientFactory().CreateMqttClient()|};
                    var options = new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build();
                    await mqtt.ConnectAsync(options);
                    for (;;)
                    {
                        await mqtt.PublishStringAsync("devices/d1/messages/events/", "{}");
                        await Task.Delay(1000);
                    }
                }
            }
            """,
            """
            using System;
            using System.Runtime.InteropServices;
            using System.Threading;
            using System.Threading.Tasks;
            using MQTTnet;

            class Worker
            {
                async Task RunAsync(MqttClientOptions ignored)
                {
                    var stopping = new CancellationTokenSource();
                    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
                    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });
                    var mqtt = new MqttClientFactory().CreateMqttClient();
                    var options = new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build();
                    await mqtt.ConnectAsync(options);
                    for (; !stopping.IsCancellationRequested;)
                    {
                        await mqtt.PublishStringAsync("devices/d1/messages/events/", "{}");
                        await Task.Delay(1000);
                    }

                    await mqtt.DisconnectAsync();
                }
            }
            """,
            EquivalenceKeys.NeverClosedCloseOnShutdown,
            Libraries.MqttNet);
    }

    [Fact]
    public async Task SynchronousMethod_GetsNoFix()
    {
        const string Source = """
                using Microsoft.Azure.Devices.Client;

                class Device
                {
                    void Send(string cs)
                    {
                        var client = {|AZIOT206:DeviceClient.CreateFromConnectionString(cs)|};
                        client.SendEventAsync(new Message()).Wait();
                    }
                }
                """;
        await new Verify.Test(Libraries.DeviceSdk) { TestCode = Source, FixedCode = Source }.RunAsync();
    }
}
