using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.NoConnectionStatusHandlerAnalyzer,
    IotHubGuard.CodeFixes.NoConnectionStatusHandlerFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.NoConnectionStatusHandlerAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Recovery;

public class NoConnectionStatusHandlerAnalyzerTests
{
    /// <summary>Just enough of Microsoft.Extensions.Logging for the fix to find an ILogger and Log(LogLevel, …).</summary>
    private const string LoggingStub = """
        namespace Microsoft.Extensions.Logging
        {
            public enum LogLevel { Trace, Debug, Information, Warning, Error, Critical, None }
            public interface ILogger { void Write(LogLevel level, string message, object[] args); }
            public interface ILogger<out TCategoryName> : ILogger { }
            public static class LoggerExtensions
            {
                public static void LogInformation(this ILogger logger, string message, params object[] args) => logger.Write(LogLevel.Information, message, args);
                public static void Log(this ILogger logger, LogLevel logLevel, string message, params object[] args) => logger.Write(logLevel, message, args);
            }
        }
        """;

    [Fact]
    public async Task LocalClient_OpenedWithoutHandler_Reports()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task RunAsync(string cs)
                {
                    var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt)|};
                    await client.OpenAsync();
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task EveryCreateShape_UsedWithoutHandler_Reports()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task UsingDeclarationAsync(string cs, Message message)
                {
                    using var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs)|};
                    await client.SendEventAsync(message);
                }

                async Task AwaitUsingModuleAsync()
                {
                    await using var module = await {|AZIOT502:ModuleClient.CreateFromEnvironmentAsync()|}.ConfigureAwait(false);
                    await module.SetMethodDefaultHandlerAsync((request, context) => Task.FromResult(new MethodResponse(200)), null);
                }

                void UsingStatement(string host, IAuthenticationMethod auth)
                {
                    using (var client = {|AZIOT502:DeviceClient.Create(host, auth)|})
                    {
                        client.GetTwinAsync().GetAwaiter().GetResult();
                    }
                }

                async Task AssignedLocalUsedInALambdaAsync(string cs)
                {
                    DeviceClient client;
                    client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs)|};
                    Func<Task> open = () => client.OpenAsync();
                    await open();
                    await client.CloseAsync();
                }

                async Task HelperThatOnlyUsesTheClientAsync(string cs)
                {
                    var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs)|};
                    await SendLoopAsync(client);
                }

                static async Task SendLoopAsync(DeviceClient client)
                {
                    using var message = new Message();
                    await client.SendEventAsync(message);
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task PrivateField_UsedInTheType_WithoutHandler_Reports()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            sealed class Telemetry
            {
                private DeviceClient _client;

                public void Connect(string cs) => _client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs)|};

                public Task SendAsync(Message message) => this._client.SendEventAsync(message);

                public bool IsConnected => _client != null && !(_client is null) && _client is not null;
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task TopLevelProgram_Reports()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(args[0])|};
            await client.OpenAsync();
            await client.CloseAsync();
            """;
        var test = new VerifyAnalyzer.Test(Libraries.DeviceSdk) { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task HandlerRegistered_AnywhereInScope_DoesNotReport()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                private DeviceClient _client;
                private ModuleClient _module;

                public Device(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs);
                    _module = ModuleClient.CreateFromConnectionString(cs);
                    _module?.SetConnectionStatusChangesHandler(OnStatus);
                }

                public void Watch() => _client.SetConnectionStatusChangesHandler(OnStatus);

                public Task SendAsync(Message message) => Task.WhenAll(_client.SendEventAsync(message), _module.SendEventAsync(message));

                async Task LocalAsync(string cs)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(cs);
                    await client.OpenAsync();
                    client.SetConnectionStatusChangesHandler((status, reason) => System.Console.WriteLine($"{status} {reason}"));
                }

                static void OnStatus(ConnectionStatus status, ConnectionStatusChangeReason reason) { }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task ClientNeverOpenedNorUsed_DoesNotReport()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task ConfigureOnlyAsync(string cs)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(cs);
                    client.SetRetryPolicy(new NoRetry());
                    client.OperationTimeoutInMilliseconds = 1000;
                    await client.CloseAsync();
                }

                void CreatedAndDisposed(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    client.Dispose();
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task ClientLeavesItsScope_DoesNotReport()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            static class StatusLogging
            {
                public static DeviceClient WithStatusLog(this DeviceClient client)
                {
                    client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} {reason}"));
                    return client;
                }
            }

            class Factories
            {
                public DeviceClient PublicField;
                internal ModuleClient InternalField;
                private readonly List<DeviceClient> _pool = new();

                public DeviceClient Property { get; private set; }

                DeviceClient Create(string cs) => DeviceClient.CreateFromConnectionString(cs);

                DeviceClient CreateAndOpen(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    client.OpenAsync().GetAwaiter().GetResult();
                    return client;
                }

                async Task PooledAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    _pool.Add(client);
                    await client.OpenAsync();
                }

                async Task HandedToAHelperThatRegistersAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    Watch(client);
                    await client.OpenAsync();
                }

                async Task ExtensionRegistersAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs).WithStatusLog();
                    var other = DeviceClient.CreateFromConnectionString(cs);
                    other.WithStatusLog();
                    await other.OpenAsync();
                    await client.OpenAsync();
                }

                async Task AliasedAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    var alias = client;
                    alias.SetConnectionStatusChangesHandler((s, r) => { });
                    await client.OpenAsync();
                }

                async Task NonPrivateStorageAsync(string cs)
                {
                    PublicField = DeviceClient.CreateFromConnectionString(cs);
                    InternalField = ModuleClient.CreateFromConnectionString(cs);
                    Property = DeviceClient.CreateFromConnectionString(cs);
                    await PublicField.OpenAsync();
                    await InternalField.OpenAsync();
                    await Property.OpenAsync();
                }

                Func<DeviceClient> Registration(string cs) => () => DeviceClient.CreateFromConnectionString(cs);

                static void Watch(DeviceClient client)
                    => client.SetConnectionStatusChangesHandler((status, reason) => Console.WriteLine($"{status} {reason}"));
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Message_NamesTheClient_AndIsInfo()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Run(string cs)
                {
                    var telemetryClient = DeviceClient.CreateFromConnectionString(cs);
                    telemetryClient.OpenAsync().Wait();
                }
            }
            """;
        var test = new VerifyAnalyzer.Test(Libraries.DeviceSdk) { TestCode = source };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("AZIOT502", DiagnosticSeverity.Info)
            .WithSpan(7, 31, 7, 74)
            .WithMessage("DeviceClient 'telemetryClient' is opened or used without SetConnectionStatusChangesHandler: the app cannot see that the hub "
                + "closed the connection, nor that the client gave up and must be recreated"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_WithoutLogger_AddsAStaticHandlerWritingToConsoleError()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task RunAsync(string cs)
                {
                    // The device's only connection.
                    using var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt)|};
                    await client.OpenAsync();
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                async Task RunAsync(string cs)
                {
                    // The device's only connection.
                    using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    client.SetConnectionStatusChangesHandler(OnConnectionStatusChanged);
                    await client.OpenAsync();
                }

                private static void OnConnectionStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
                {
                    // Disconnected (retries exhausted, credentials rejected, device disabled) and Disabled (closed)
                    // are terminal: create a new client to reconnect.
                    Console.Error.WriteLine($"IoT Hub connection status changed to {status} ({reason})");
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Fix_LoggerField_LogsThroughIt_AndAddsTheUsing()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            namespace Contoso.Device;

            public sealed class TelemetryService
            {
                private readonly Microsoft.Extensions.Logging.ILogger<TelemetryService> _logger;
                private DeviceClient _client;

                public TelemetryService(Microsoft.Extensions.Logging.ILogger<TelemetryService> logger) => _logger = logger;

                public async Task StartAsync(string cs)
                {
                    _client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs)|};
                    await _client.OpenAsync();
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Extensions.Logging;

            namespace Contoso.Device;

            public sealed class TelemetryService
            {
                private readonly Microsoft.Extensions.Logging.ILogger<TelemetryService> _logger;
                private DeviceClient _client;

                public TelemetryService(Microsoft.Extensions.Logging.ILogger<TelemetryService> logger) => _logger = logger;

                public async Task StartAsync(string cs)
                {
                    _client = DeviceClient.CreateFromConnectionString(cs);
                    _client.SetConnectionStatusChangesHandler(OnConnectionStatusChanged);
                    await _client.OpenAsync();
                }

                private void OnConnectionStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
                {
                    // Disconnected (retries exhausted, credentials rejected, device disabled) and Disabled (closed)
                    // are terminal: create a new client to reconnect.
                    _logger.Log(
                        status == ConnectionStatus.Disconnected ? LogLevel.Warning : LogLevel.Information,
                        "IoT Hub connection status changed to {Status} ({Reason})",
                        status,
                        reason);
                }
            }
            """;
        await VerifyWithLoggingAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_LoggerParameter_AddsALocalFunction()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Extensions.Logging;

            static class Device
            {
                public static async Task RunAsync(string cs, ILogger logger, CancellationToken cancellationToken)
                {
                    await using var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs)|};
                    await client.OpenAsync(cancellationToken);
                    await client.CloseAsync(cancellationToken);
                }
            }
            """;
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Extensions.Logging;

            static class Device
            {
                public static async Task RunAsync(string cs, ILogger logger, CancellationToken cancellationToken)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(cs);
                    client.SetConnectionStatusChangesHandler(OnConnectionStatusChanged);
                    await client.OpenAsync(cancellationToken);
                    await client.CloseAsync(cancellationToken);

                    void OnConnectionStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
                    {
                        // Disconnected (retries exhausted, credentials rejected, device disabled) and Disabled (closed)
                        // are terminal: create a new client to reconnect.
                        logger.Log(
                            status == ConnectionStatus.Disconnected ? LogLevel.Warning : LogLevel.Information,
                            "IoT Hub connection status changed to {Status} ({Reason})",
                            status,
                            reason);
                    }
                }
            }
            """;
        await VerifyWithLoggingAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_TopLevelProgram_AddsATopLevelLocalFunction()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(args[0])|};
            await client.OpenAsync();
            await client.CloseAsync();
            return 0;
            """;
        const string fixedSource = """
            using Microsoft.Azure.Devices.Client;

            var client = DeviceClient.CreateFromConnectionString(args[0]);
            client.SetConnectionStatusChangesHandler(OnConnectionStatusChanged);
            await client.OpenAsync();
            await client.CloseAsync();
            return 0;

            void OnConnectionStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
            {
                // Disconnected (retries exhausted, credentials rejected, device disabled) and Disabled (closed)
                // are terminal: create a new client to reconnect.
                System.Console.Error.WriteLine($"IoT Hub connection status changed to {status} ({reason})");
            }
            """;
        var test = new Verify.Test(Libraries.DeviceSdk) { TestCode = source, FixedCode = fixedSource };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Fix_UsingStatement_RegistersFirstInTheBlock()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Run(string cs, Message message)
                {
                    using (var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs)|})
                    {
                        client.SendEventAsync(message).Wait();
                    }
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Run(string cs, Message message)
                {
                    using (var client = DeviceClient.CreateFromConnectionString(cs))
                    {
                        client.SetConnectionStatusChangesHandler(OnConnectionStatusChanged);
                        client.SendEventAsync(message).Wait();
                    }
                }

                private static void OnConnectionStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
                {
                    // Disconnected (retries exhausted, credentials rejected, device disabled) and Disabled (closed)
                    // are terminal: create a new client to reconnect.
                    System.Console.Error.WriteLine($"IoT Hub connection status changed to {status} ({reason})");
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task FixAll_TwoClientsInOneType_ShareOneHandler_AndANameInUseIsAvoided()
    {
        const string source = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Gateway
            {
                async Task RunAsync(string upstream, string downstream)
                {
                    var first = {|AZIOT502:DeviceClient.CreateFromConnectionString(upstream)|};
                    var second = {|AZIOT502:ModuleClient.CreateFromConnectionString(downstream)|};
                    await first.OpenAsync();
                    await second.OpenAsync();
                }

                void OnConnectionStatusChanged(string reason) => Console.WriteLine(reason);
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Gateway
            {
                async Task RunAsync(string upstream, string downstream)
                {
                    var first = DeviceClient.CreateFromConnectionString(upstream);
                    first.SetConnectionStatusChangesHandler(OnConnectionStatusChanged2);
                    var second = ModuleClient.CreateFromConnectionString(downstream);
                    second.SetConnectionStatusChangesHandler(OnConnectionStatusChanged2);
                    await first.OpenAsync();
                    await second.OpenAsync();
                }

                private static void OnConnectionStatusChanged2(ConnectionStatus status, ConnectionStatusChangeReason reason)
                {
                    // Disconnected (retries exhausted, credentials rejected, device disabled) and Disabled (closed)
                    // are terminal: create a new client to reconnect.
                    Console.Error.WriteLine($"IoT Hub connection status changed to {status} ({reason})");
                }

                void OnConnectionStatusChanged(string reason) => Console.WriteLine(reason);
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Fix_StaticMethod_DoesNotUseAnInstanceLogger()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Extensions.Logging;

            class Device
            {
                private readonly ILogger _logger;

                public Device(ILogger logger) => _logger = logger;

                public static async Task RunAsync(string cs)
                {
                    var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(cs)|};
                    await client.OpenAsync();
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Extensions.Logging;

            class Device
            {
                private readonly ILogger _logger;

                public Device(ILogger logger) => _logger = logger;

                public static async Task RunAsync(string cs)
                {
                    var client = DeviceClient.CreateFromConnectionString(cs);
                    client.SetConnectionStatusChangesHandler(OnConnectionStatusChanged);
                    await client.OpenAsync();
                }

                private static void OnConnectionStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
                {
                    // Disconnected (retries exhausted, credentials rejected, device disabled) and Disabled (closed)
                    // are terminal: create a new client to reconnect.
                    System.Console.Error.WriteLine($"IoT Hub connection status changed to {status} ({reason})");
                }
            }
            """;
        await VerifyWithLoggingAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_PrimaryConstructorLogger_IsUsedByTheHandlerMethod()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Extensions.Logging;

            sealed class Worker(ILogger<Worker> logger, string connectionString)
            {
                public async Task ExecuteAsync()
                {
                    await using var client = {|AZIOT502:DeviceClient.CreateFromConnectionString(connectionString)|};
                    await client.OpenAsync();
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Extensions.Logging;

            sealed class Worker(ILogger<Worker> logger, string connectionString)
            {
                public async Task ExecuteAsync()
                {
                    await using var client = DeviceClient.CreateFromConnectionString(connectionString);
                    client.SetConnectionStatusChangesHandler(OnConnectionStatusChanged);
                    await client.OpenAsync();
                }

                private void OnConnectionStatusChanged(ConnectionStatus status, ConnectionStatusChangeReason reason)
                {
                    // Disconnected (retries exhausted, credentials rejected, device disabled) and Disabled (closed)
                    // are terminal: create a new client to reconnect.
                    logger.Log(
                        status == ConnectionStatus.Disconnected ? LogLevel.Warning : LogLevel.Information,
                        "IoT Hub connection status changed to {Status} ({Reason})",
                        status,
                        reason);
                }
            }
            """;
        await VerifyWithLoggingAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_ForAFieldInitializerOrAnExpressionBody()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                private readonly DeviceClient _client = {|AZIOT502:DeviceClient.CreateFromConnectionString("HostName=h.azure-devices.net;DeviceId=d;SharedAccessKey=a2V5")|};
                private ModuleClient _module;

                public void Connect(string cs) => _module = {|AZIOT502:ModuleClient.CreateFromConnectionString(cs)|};

                public Task SendAsync(Message message) => Task.WhenAll(_client.SendEventAsync(message), _module.SendEventAsync(message));
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source, Libraries.DeviceSdk);
    }

    private static async Task VerifyWithLoggingAsync(string source, string fixedSource)
    {
        var test = new Verify.Test(Libraries.DeviceSdk);
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.Sources.Add(("/0/Logging.cs", LoggingStub));
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
        test.FixedState.Sources.Add(("/0/Logging.cs", LoggingStub));
        await test.RunAsync(CancellationToken.None);
    }
}
