using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ClientPerOperationAnalyzer,
    IotHubGuard.CodeFixes.ClientPerOperationFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class ClientPerOperationFixerTests
{
    [Fact]
    public async Task NoFix_WhenTheClientIsNotAUsingDeclarationOfTheBody()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendEachAsync(string cs, Message[] messages)
                {
                    foreach (var message in messages)
                    {
                        var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt)|};
                        await client.SendEventAsync(message);
                        await client.CloseAsync();
                        client.Dispose();
                    }
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task LoopInvariantCreation_AndTheLocalItReads_AreHoistedIntoAnAwaitUsing()
    {
        await Verify.VerifyCodeFixAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendEachAsync(string hub, string deviceId, string key, Message[] messages)
                {
                    foreach (var message in messages)
                    {
                        var cs = $"HostName={hub};DeviceId={deviceId};SharedAccessKey={key}";
                        await using var client = {|AZIOT203:DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt)|}; // one per message
                        await client.SendEventAsync(message);
                    }
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendEachAsync(string hub, string deviceId, string key, Message[] messages)
                {
                    var cs = $"HostName={hub};DeviceId={deviceId};SharedAccessKey={key}";
                    await using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt); // one per message
                    foreach (var message in messages)
                    {
                        await client.SendEventAsync(message);
                    }
                }
            }
            """,
            Libraries.DeviceSdk);
    }
}
