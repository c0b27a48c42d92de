using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer,
    IotHubGuard.Analyzers.Tests.Aziot201,
    IotHubGuard.CodeFixes.DisposedWithoutCloseFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer, IotHubGuard.Analyzers.Tests.Aziot201>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

/// <summary>AZIOT201 on Microsoft.Azure.Iot.Device: a ConnectionClient disposed on a path without DisconnectAsync().</summary>
public class DisposedWithoutCloseIotDeviceTests
{
    private const Libraries IotDevice = Libraries.IotDevice | Libraries.MqttNet;

    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Iot.Device;
        using Microsoft.Azure.Iot.Device.Models;
        using Microsoft.Azure.Iot.Device.Unified.Connection;
        using Microsoft.Azure.Iot.Device.Unified.Telemetry;

        """;

    private static Task VerifyAsync(string body) => VerifyAnalyzer.VerifyAnalyzerAsync(Usings + body, IotDevice);

    [Fact]
    public async Task DisconnectedBeforeDispose_OnEveryPath_DoesNotReport()
    {
        await VerifyAsync("""
            class Device
            {
                async Task SampleShapeAsync(ProvisioningSettings settings, X509AuthenticationProvider auth, CancellationToken ct)
                {
                    using var client = new ConnectionClient();
                    try
                    {
                        await client.ProvisionAndConnectAsync(settings, auth, ct);
                    }
                    finally
                    {
                        await client.DisconnectAsync();
                    }
                }

                async Task ExplicitAsync()
                {
                    var client = new ConnectionClient(new ConnectionClientOptions());
                    await client.DisconnectAsync(CancellationToken.None);
                    client.Dispose();
                }

                // Not a ConnectionClient: the interface has no DisconnectAsync, so there is nothing to ask for.
                void Interface(IConnectionClient connection)
                {
                    using (connection)
                    {
                    }
                }
            }

            sealed class Pump : IDisposable
            {
                private readonly ConnectionClient _client = new();

                public Task StopAsync() => _client.DisconnectAsync();

                public void Dispose() => _client.Dispose(); // closed elsewhere in the type
            }
            """);
    }

    [Fact]
    public async Task DisposedWithoutDisconnect_Reports()
    {
        await VerifyAsync("""
            class Device
            {
                async Task UsingAsync(ProvisioningSettings settings, X509AuthenticationProvider auth)
                {
                    {|AZIOT201:using var client = new ConnectionClient();|}
                    await client.ProvisionAndConnectAsync(settings, auth);
                    await new TelemetryClient(client).SendTelemetryAsync(new Microsoft.Azure.Iot.Device.Models.Telemetry.DeviceToCloudTelemetry());
                }

                async Task OneBranchAsync(bool stop)
                {
                    var client = new ConnectionClient();
                    if (stop)
                    {
                        await client.DisconnectAsync();
                    }

                    {|AZIOT201:client.Dispose()|};
                }
            }
            """);
    }

    [Fact]
    public async Task Message_NamesDisconnectAsync()
    {
        var source = Usings + """
            class Device
            {
                void Drop(ConnectionClient client) => {|#0:client.Dispose()|};
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(
            source,
            IotDevice,
            editorConfig: null,
            VerifyAnalyzer.Diagnostic("AZIOT201").WithLocation(0).WithArguments("client", "DisconnectAsync"));
    }

    [Fact]
    public async Task Fix_DisconnectsBeforeDispose()
    {
        await new Verify.Test(IotDevice)
        {
            TestCode = Usings + """
                class Device
                {
                    async Task StopAsync(ConnectionClient client)
                    {
                        // shutting down
                        {|AZIOT201:client.Dispose()|};
                    }
                }
                """,
            FixedCode = Usings + """
                class Device
                {
                    async Task StopAsync(ConnectionClient client)
                    {
                        await client.DisconnectAsync();
                        // shutting down
                        client.Dispose();
                    }
                }
                """,
            CodeActionEquivalenceKey = EquivalenceKeys.CloseBeforeDispose,
        }.RunAsync();
    }

    [Fact]
    public async Task Fix_DisconnectsInFinally()
    {
        await new Verify.Test(IotDevice)
        {
            TestCode = Usings + """
                class Device
                {
                    async Task RunAsync(ProvisioningSettings settings, X509AuthenticationProvider auth)
                    {
                        {|AZIOT201:using var client = new ConnectionClient();|}
                        await client.ProvisionAndConnectAsync(settings, auth);
                    }
                }
                """,
            FixedCode = Usings + """
                class Device
                {
                    async Task RunAsync(ProvisioningSettings settings, X509AuthenticationProvider auth)
                    {
                        using var client = new ConnectionClient();
                        try
                        {
                            await client.ProvisionAndConnectAsync(settings, auth);
                        }
                        finally
                        {
                            await client.DisconnectAsync();
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = EquivalenceKeys.CloseInFinally,
        }.RunAsync();
    }
}
