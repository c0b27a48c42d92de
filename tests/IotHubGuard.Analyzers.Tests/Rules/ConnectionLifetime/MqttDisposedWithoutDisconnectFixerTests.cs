using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer,
    IotHubGuard.Analyzers.Tests.Aziot204,
    IotHubGuard.CodeFixes.MqttDisposedWithoutDisconnectFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class MqttDisposedWithoutDisconnectFixerTests
{
    private static Task VerifyAsync(string source, string fixedSource, string equivalenceKey)
        => new Verify.Test(Libraries.MqttNet)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        }.RunAsync();

    [Fact]
    public async Task UsingDeclaration_TryDisconnectInFinally()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using MQTTnet;

            class Device
            {
                async Task PublishAsync(MqttClientOptions options)
                {
                    {|AZIOT204:using var client = new MqttClientFactory().CreateMqttClient();|}
                    await client.ConnectAsync(options);
                    await client.PublishStringAsync("devices/d1/messages/events/", "{}");
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using MQTTnet;

            class Device
            {
                async Task PublishAsync(MqttClientOptions options)
                {
                    using var client = new MqttClientFactory().CreateMqttClient();
                    try
                    {
                        await client.ConnectAsync(options);
                        await client.PublishStringAsync("devices/d1/messages/events/", "{}");
                    }
                    finally
                    {
                        await client.TryDisconnectAsync();
                    }
                }
            }
            """,
            EquivalenceKeys.DisconnectInFinally);
    }

    [Fact]
    public async Task UsingStatement_TryDisconnectInFinally()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using MQTTnet;

            class Device
            {
                async Task PublishAsync(MqttClientFactory factory, MqttClientOptions options)
                {
                    {|AZIOT204:using (var client = factory.CreateMqttClient())|}
                    {
                        await client.ConnectAsync(options);
                    }
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using MQTTnet;

            class Device
            {
                async Task PublishAsync(MqttClientFactory factory, MqttClientOptions options)
                {
                    using (var client = factory.CreateMqttClient())
                    {
                        try
                        {
                            await client.ConnectAsync(options);
                        }
                        finally
                        {
                            await client.TryDisconnectAsync();
                        }
                    }
                }
            }
            """,
            EquivalenceKeys.DisconnectInFinally);
    }

    [Fact]
    public async Task ExplicitDispose_DisconnectInserted_FixAll()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using MQTTnet;

            class Device
            {
                async Task StopAsync(IMqttClient primary, IMqttClient? backup)
                {
                    await Task.Yield();
                    {|AZIOT204:primary.Dispose()|};
                    {|AZIOT204:backup?.Dispose()|};
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using MQTTnet;

            class Device
            {
                async Task StopAsync(IMqttClient primary, IMqttClient? backup)
                {
                    await Task.Yield();
                    if (primary.IsConnected)
                    {
                        await primary.DisconnectAsync();
                    }

                    primary.Dispose();
                    if (backup != null && backup.IsConnected)
                    {
                        await backup.DisconnectAsync();
                    }

                    backup?.Dispose();
                }
            }
            """,
            EquivalenceKeys.DisconnectBeforeDispose);
    }

    [Fact]
    public async Task ExtensionNotInScope_UsesTheInterfaceOverload()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;

            class Device
            {
                async Task StopAsync(MQTTnet.IMqttClient client)
                {
                    await Task.Yield();
                    {|AZIOT204:client.Dispose()|};
                }
            }
            """,
            """
            using System.Threading.Tasks;

            class Device
            {
                async Task StopAsync(MQTTnet.IMqttClient client)
                {
                    await Task.Yield();
                    if (client.IsConnected)
                    {
                        await client.DisconnectAsync(new MQTTnet.MqttClientDisconnectOptions());
                    }

                    client.Dispose();
                }
            }
            """,
            EquivalenceKeys.DisconnectBeforeDispose);
    }

    [Fact]
    public async Task SynchronousMethod_NoFix()
    {
        const string source = """
            using MQTTnet;

            class Device
            {
                void Stop(IMqttClient client) => {|AZIOT204:client.Dispose()|};
            }
            """;
        await new Verify.Test(Libraries.MqttNet) { TestCode = source, FixedCode = source }.RunAsync();
    }
}
