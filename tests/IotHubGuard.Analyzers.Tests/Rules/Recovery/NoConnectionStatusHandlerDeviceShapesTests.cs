using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.NoConnectionStatusHandlerAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Recovery;

/// <summary>AZIOT502 on shapes of public device code: HTTP clients, factories of the project, SDK user contexts.</summary>
public class NoConnectionStatusHandlerDeviceShapesTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        """;

    private static Task VerifyAsync(string body) => VerifyAnalyzer.VerifyAnalyzerAsync(Usings + body, Libraries.DeviceSdk);

    [Fact]
    public async Task Http1Client_KeepsNoConnection_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SendAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Http1);
                    await client.SendEventAsync(new Message());
                    await client.CloseAsync();
                }

                async Task SendWithSettingsAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs, new ITransportSettings[] { new Http1TransportSettings() });
                    await client.SendEventAsync(new Message());
                    await client.CloseAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task FactoryOfTheProject_CallerRegistersOrFactoryRegisters_DoesNotReport()
    {
        await VerifyAsync("""
            static class Program
            {
                static DeviceClient CreateClient(string cs) => DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);

                static DeviceClient CreateWatchedClient(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} {reason}"));
                    return client;
                }

                static async Task RunAsync(string cs)
                {
                    var client = CreateClient(cs);
                    client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} {reason}"));
                    await client.OpenAsync();
                    await client.CloseAsync();
                }

                static async Task RunWatchedAsync(string cs)
                {
                    var client = CreateWatchedClient(cs);
                    await client.OpenAsync();
                    await client.CloseAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task FactoryOfTheProject_IsTheCreationSite_Reports()
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
                    var client = {|AZIOT502:CreateClient(cs)|};
                    await client.OpenAsync();
                    await client.CloseAsync();
                }
            }
            """);
    }

    [Fact]
    public async Task ClientAsUserContextOfAnSdkHandler_IsNotAHandOff_Reports()
    {
        await VerifyAsync("""
            static class Module
            {
                static async Task InitAsync()
                {
                    var moduleClient = await {|AZIOT502:ModuleClient.CreateFromEnvironmentAsync()|};
                    await moduleClient.OpenAsync();
                    await moduleClient.SetInputMessageHandlerAsync("input1", PipeMessage, moduleClient);
                }

                static Task<MessageResponse> PipeMessage(Message message, object userContext) => Task.FromResult(MessageResponse.Completed);
            }
            """);
    }
}
