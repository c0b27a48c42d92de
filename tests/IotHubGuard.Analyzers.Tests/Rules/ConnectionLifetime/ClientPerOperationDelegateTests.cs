using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ClientPerOperationAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

/// <summary>
/// AZIOT203 when the per-item code is written first and handed over later: a lambda stored in a <c>Func&lt;&gt;</c> local,
/// or a local function passed as a method group to <c>Select</c> / <c>ForEach</c> / <c>Parallel.ForEachAsync</c>.
/// </summary>
public class ClientPerOperationDelegateTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        """;

    private static Task VerifyAsync(string body) => VerifyAnalyzer.VerifyAnalyzerAsync(Usings + body, Libraries.DeviceSdk);

    [Fact]
    public async Task StoredDelegates_NotRunPerItem_OrOneClientPerDevice_DoNotReport()
    {
        await VerifyAsync("""
            class Gateway
            {
                async Task RunAsync(string cs, IReadOnlyList<string> deviceConnectionStrings, string reading)
                {
                    // Run once, not per item.
                    Func<string, Task> sendOnce = async r =>
                    {
                        await using var client = DeviceClient.CreateFromConnectionString(cs);
                        await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes(r)));
                        await client.CloseAsync();
                    };
                    await sendOnce(reading);
                    await Task.Run(() => sendOnce(reading));

                    // One client per device: the client is made from the item itself.
                    Func<string, Task> connectDevice = async deviceCs =>
                    {
                        await using var client = DeviceClient.CreateFromConnectionString(deviceCs);
                        await client.OpenAsync();
                        await client.CloseAsync();
                    };
                    await Task.WhenAll(deviceConnectionStrings.Select(connectDevice));

                    async Task ConnectAsync(string deviceCs)
                    {
                        await using var client = DeviceClient.CreateFromConnectionString(deviceCs);
                        await client.OpenAsync();
                        await client.CloseAsync();
                    }

                    await Task.WhenAll(deviceConnectionStrings.Select(ConnectAsync));

                    // A local function that is only called, not handed to a per-item call.
                    async Task SendAsync()
                    {
                        await using var client = DeviceClient.CreateFromConnectionString(cs);
                        await client.SendEventAsync(new Message());
                        await client.CloseAsync();
                    }

                    await SendAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task LambdaStoredInFunc_ThenSelectOrForEach_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAllAsync(string cs, List<string> readings)
                {
                    Func<string, Task> send = async reading =>
                    {
                        using var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt)|};
                        await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes(reading)));
                        await client.CloseAsync();
                    };

                    await Task.WhenAll(readings.Select(send));
                }

                void SendEach(string cs, List<string> readings)
                {
                    Action<string> send = reading =>
                    {
                        var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs)|};
                        client.SendEventAsync(new Message(Encoding.UTF8.GetBytes(reading))).Wait();
                        client.CloseAsync().Wait();
                        client.Dispose();
                    };

                    readings.ForEach(send);
                }
            }
            """);
    }

    [Fact]
    public async Task LocalFunction_AsMethodGroup_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAllAsync(string cs, IEnumerable<string> readings, CancellationToken ct)
                {
                    await Parallel.ForEachAsync(readings, ct, SendOneAsync);

                    async ValueTask SendOneAsync(string reading, CancellationToken token)
                    {
                        await using var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs)|};
                        await client.SendEventAsync(new Message(Encoding.UTF8.GetBytes(reading)), token);
                        await client.CloseAsync(token);
                    }
                }
            }
            """);
    }
}
