using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer,
    IotHubGuard.Analyzers.Tests.Aziot201,
    IotHubGuard.CodeFixes.DisposedWithoutCloseFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.ConnectionLifetime;

public class DisposedWithoutCloseFixerTests
{
    /// <summary>
    /// The single fix of <paramref name="equivalenceKey"/>. Fix All applies each site's best fix, so where the key is the
    /// second action (close in finally, where <c>await using</c> is offered) its Fix All result is <paramref name="fixAllSource"/>.
    /// </summary>
    private static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, string? fixAllSource = null)
    {
        var test = new Verify.Test(Libraries.DeviceSdk)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
        };
        if (fixAllSource is not null)
        {
            test.BatchFixedCode = fixAllSource;
        }
        else if (equivalenceKey == EquivalenceKeys.CloseInFinally)
        {
            test.CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck;
        }

        return test.RunAsync();
    }

    [Fact]
    public async Task UsingDeclaration_BecomesAwaitUsing()
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
                    {|AZIOT201:using var client = DeviceClient.CreateFromConnectionString(cs);|}
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
            EquivalenceKeys.UseAwaitUsing);
    }

    [Fact]
    public async Task UsingDeclaration_CloseInFinally()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendAsync(string cs, Message message, bool dryRun)
                {
                    {|AZIOT201:using var client = DeviceClient.CreateFromConnectionString(cs);|}
                    if (dryRun)
                    {
                        return; // nothing to send
                    }

                    await client.SendEventAsync(message);
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendAsync(string cs, Message message, bool dryRun)
                {
                    using var client = DeviceClient.CreateFromConnectionString(cs);
                    try
                    {
                        if (dryRun)
                        {
                            return; // nothing to send
                        }

                        await client.SendEventAsync(message);
                    }
                    finally
                    {
                        await client.CloseAsync();
                    }
                }
            }
            """,
            EquivalenceKeys.CloseInFinally);
    }

    [Fact]
    public async Task UsingStatement_BecomesAwaitUsing_AndCloseInFinally()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    {|AZIOT201:using (var client = DeviceClient.CreateFromConnectionString(cs))|}
                    {
                        await client.SendEventAsync(message);
                    }
                }
            }
            """;
        await VerifyAsync(source, """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    await using (var client = DeviceClient.CreateFromConnectionString(cs))
                    {
                        await client.SendEventAsync(message);
                    }
                }
            }
            """, EquivalenceKeys.UseAwaitUsing);
        await VerifyAsync(source, """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task SendAsync(string cs, Message message)
                {
                    using (var client = DeviceClient.CreateFromConnectionString(cs))
                    {
                        try
                        {
                            await client.SendEventAsync(message);
                        }
                        finally
                        {
                            await client.CloseAsync();
                        }
                    }
                }
            }
            """, EquivalenceKeys.CloseInFinally);
    }

    [Fact]
    public async Task ExplicitDispose_CloseInserted()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                private DeviceClient? _spare;

                async Task StopAsync(DeviceClient client, bool graceful)
                {
                    if (graceful)
                    {
                        await client.CloseAsync();
                    }

                    {|AZIOT201:client.Dispose()|}; // release the transport
                    if (_spare != null)
                        {|AZIOT201:_spare?.Dispose()|};
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                private DeviceClient? _spare;

                async Task StopAsync(DeviceClient client, bool graceful)
                {
                    if (graceful)
                    {
                        await client.CloseAsync();
                    }

                    await client.CloseAsync();
                    client.Dispose(); // release the transport
                    if (_spare != null)
                    {
                        if (_spare != null)
                        {
                            await _spare.CloseAsync();
                        }

                        _spare?.Dispose();
                    }
                }
            }
            """,
            EquivalenceKeys.CloseBeforeDispose);
    }

    [Fact]
    public async Task FieldDisposedInSyncDispose_ClosedFromNewDisposeAsync()
    {
        await VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class TelemetryService : IDisposable
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public Task SendAsync(Message message) => _client.SendEventAsync(message);

                public void Dispose() => {|AZIOT201:_client.Dispose()|};
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class TelemetryService : IDisposable, IAsyncDisposable
            {
                private readonly DeviceClient _client = DeviceClient.CreateFromConnectionString("HostName=h;DeviceId=d;SharedAccessKey=a2V5");

                public Task SendAsync(Message message) => _client.SendEventAsync(message);

                public void Dispose() => _client.Dispose();

                public async ValueTask DisposeAsync()
                {
                    await _client.CloseAsync();
                    Dispose();
                }
            }
            """,
            EquivalenceKeys.CloseFieldFromDisposeAsync);
    }

    [Fact]
    public async Task SynchronousMethod_NoFix()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Send(string cs, Message message)
                {
                    {|AZIOT201:using var client = DeviceClient.CreateFromConnectionString(cs);|}
                    client.SendEventAsync(message).GetAwaiter().GetResult();
                }

                void Stop(DeviceClient client) => {|AZIOT201:client.Dispose()|};
            }
            """;
        await new Verify.Test(Libraries.DeviceSdk) { TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public async Task FixAll_ClosesEveryClientInTheDocument()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task RunAsync(string cs, Message message)
                {
                    {|AZIOT201:using var device = DeviceClient.CreateFromConnectionString(cs);|}
                    {|AZIOT201:using var module = ModuleClient.CreateFromConnectionString(cs);|}
                    await device.SendEventAsync(message);
                    await module.SendEventAsync(message);
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task RunAsync(string cs, Message message)
                {
                    using var device = DeviceClient.CreateFromConnectionString(cs);
                    try
                    {
                        using var module = ModuleClient.CreateFromConnectionString(cs);
                        try
                        {
                            await device.SendEventAsync(message);
                            await module.SendEventAsync(message);
                        }
                        finally
                        {
                            await module.CloseAsync();
                        }
                    }
                    finally
                    {
                        await device.CloseAsync();
                    }
                }
            }
            """,
            EquivalenceKeys.CloseInFinally,
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task RunAsync(string cs, Message message)
                {
                    await using var device = DeviceClient.CreateFromConnectionString(cs);
                    await using var module = ModuleClient.CreateFromConnectionString(cs);
                    await device.SendEventAsync(message);
                    await module.SendEventAsync(message);
                }
            }
            """);
    }

    [Fact]
    public async Task FixAll_CloseBeforeEveryDispose()
    {
        await VerifyAsync(
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task StopAsync(DeviceClient a, DeviceClient b)
                {
                    {|AZIOT201:a.Dispose()|};
                    {|AZIOT201:b.Dispose()|};
                    await Task.Yield();
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task StopAsync(DeviceClient a, DeviceClient b)
                {
                    await a.CloseAsync();
                    a.Dispose();
                    await b.CloseAsync();
                    b.Dispose();
                    await Task.Yield();
                }
            }
            """,
            EquivalenceKeys.CloseBeforeDispose);
    }
}
