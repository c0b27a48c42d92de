using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Runtime.Hosting;
using IotHubGuard.Runtime.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

public class HostingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    internal static IHost BuildHost(CapturingLoggerProvider logs, Action<IServiceCollection> services) =>
        new HostBuilder()
            .ConfigureLogging(l => l.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .ConfigureServices(services)
            .Build();

    private static StartupCheckInput Input() => new StartupCheckInput { Now = TestSecrets.Now, CheckSdkVersion = false };

    [Fact]
    public async Task Errors_stop_the_host_from_starting_and_are_logged()
    {
        var logs = new CapturingLoggerProvider();
        StartupCheckInput input = Input();
        input.ConnectionString = TestSecrets.SasConnectionString(TestSecrets.Token(TestSecrets.NewKey(), TestSecrets.Now.AddHours(-2)));
        using IHost host = BuildHost(logs, s => s.AddIotHubGuard(o => o.Input = input));

        IotHubGuardException ex = await Assert.ThrowsAsync<IotHubGuardException>(() => host.StartAsync().WaitAsync(Limit));
        Assert.Contains("error AZIOT101", ex.Message);
        var entry = Assert.Single(logs.Entries, e => e.Category == "IotHubGuard" && e.Level == LogLevel.Error);
        Assert.Equal(101, entry.EventId.Id);
        Assert.Equal("AZIOT101", entry.EventId.Name);
        Assert.Contains("IotHubGuard AZIOT101: The connection string's SharedAccessSignature is a fixed SAS token", entry.Text);
    }

    [Fact]
    public async Task Warnings_are_logged_and_the_host_starts()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = BuildHost(logs, s => s.AddIotHubGuard(o =>
        {
            o.Input = Input();
            o.Input.RetryPolicy = new NoRetry();
        }));

        await host.StartAsync().WaitAsync(Limit);
        var entry = Assert.Single(logs.Entries, e => e.Category == "IotHubGuard" && e.Level == LogLevel.Warning);
        Assert.Equal(501, entry.EventId.Id);
        await host.StopAsync().WaitAsync(Limit);
    }

    [Fact]
    public async Task Clean_input_logs_one_information_line()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = BuildHost(logs, s => s.AddIotHubGuard(o => o.Input = Input()));
        await host.StartAsync().WaitAsync(Limit);
        var entry = Assert.Single(logs.Entries, e => e.Category == "IotHubGuard");
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("IotHubGuard startup check: no findings", entry.Text);
        await host.StopAsync().WaitAsync(Limit);
    }

    [Fact]
    public async Task Warnings_can_fail_the_start_and_errors_can_be_tolerated()
    {
        var logs = new CapturingLoggerProvider();
        using (IHost strict = BuildHost(logs, s => s.AddIotHubGuard(o =>
        {
            o.Input = Input();
            o.Input.MqttKeepAlive = TimeSpan.Zero;
            o.TreatWarningsAsErrors = true;
        })))
        {
            await Assert.ThrowsAsync<IotHubGuardException>(() => strict.StartAsync().WaitAsync(Limit));
        }

        using IHost lenient = BuildHost(logs, s => s.AddIotHubGuard(o =>
        {
            o.Input = Input();
            o.Input.AmqpIdleTimeout = TimeSpan.FromSeconds(-1);
            o.FailOnErrors = false;
        }));
        await lenient.StartAsync().WaitAsync(Limit);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.EventId.Id == 303);
        await lenient.StopAsync().WaitAsync(Limit);
    }

    [Fact]
    public async Task Malformed_input_fails_the_start_with_the_ArgumentException()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = BuildHost(logs, s => s.AddIotHubGuard(o => { o.Input = Input(); o.Input.ConnectionString = "HostName=h;DeviceId=d"; }));
        ArgumentException ex = await Assert.ThrowsAsync<ArgumentException>(() => host.StartAsync().WaitAsync(Limit));
        Assert.Contains("neither SharedAccessKey", ex.Message);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Text.Contains("invalid input"));
    }

    [Fact]
    public async Task Input_can_come_from_services_and_the_check_runs_before_other_services_start()
    {
        var logs = new CapturingLoggerProvider();
        var order = new ConcurrentQueue<string>();
        using IHost host = BuildHost(logs, s =>
        {
            // Registered BEFORE the guard on purpose: the check still runs first (StartingAsync).
            s.AddSingleton<IHostedService>(new RecordingService("worker", order));
            s.AddSingleton(new MqttTransportSettings { KeepAliveInSeconds = 3600 });
            s.AddIotHubGuard(sp =>
            {
                order.Enqueue("check");
                StartupCheckInput input = Input();
                input.TransportSettings = new object[] { sp.GetRequiredService<MqttTransportSettings>() };
                return input;
            });
        });

        await host.StartAsync().WaitAsync(Limit);
        Assert.Equal(new[] { "check", "worker started" }, order.ToArray());
        Assert.Contains(logs.Entries, e => e.EventId.Id == 301 && e.Text.Contains("KeepAliveInSeconds is 3600 s"));
        await host.StopAsync().WaitAsync(Limit);
    }

    [Fact]
    public async Task Close_delegate_runs_once_on_stop_after_the_other_services_stopped()
    {
        var logs = new CapturingLoggerProvider();
        var order = new ConcurrentQueue<string>();
        int closes = 0;
        CancellationToken seen = default;
        using IHost host = BuildHost(logs, s =>
        {
            s.AddIotHubGuardCloseOnShutdown(async ct =>
            {
                seen = ct;
                await Task.Yield();
                Interlocked.Increment(ref closes);
                order.Enqueue("closed");
            });
            s.AddSingleton<IHostedService>(new RecordingService("worker", order));
        });

        await host.StartAsync().WaitAsync(Limit);
        Assert.Equal(0, closes);
        await host.StopAsync().WaitAsync(Limit);
        Assert.Equal(1, closes);
        Assert.True(seen.CanBeCanceled); // the host's shutdown-timeout token reaches the delegate
        Assert.Equal(new[] { "worker started", "worker stopped", "closed" }, order.ToArray());
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Text.Contains("client closed on shutdown"));
    }

    [Fact]
    public async Task Each_client_registration_is_closed_and_failures_do_not_break_shutdown()
    {
        var logs = new CapturingLoggerProvider();
        var closed = new ConcurrentBag<string>();
        using IHost host = BuildHost(logs, s =>
        {
            s.AddSingleton(new ConcurrentBag<string>());
            s.AddIotHubGuardCloseOnShutdown(_ => throw new InvalidOperationException("transport already gone"));
            s.AddIotHubGuardCloseOnShutdown((sp, ct) => { closed.Add("second"); return Task.CompletedTask; });
            s.AddIotHubGuardCloseOnShutdown(ct => { closed.Add("third"); return Task.CompletedTask; });
        });

        await host.StartAsync().WaitAsync(Limit);
        await host.StopAsync().WaitAsync(Limit);
        Assert.Equal(new[] { "second", "third" }, closed.OrderBy(x => x));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error
            && e.Text.Contains("closing the IoT Hub client on shutdown failed: System.InvalidOperationException: transport already gone"));
    }

    [Fact]
    public async Task A_close_that_outlives_the_shutdown_timeout_is_logged()
    {
        var logs = new CapturingLoggerProvider();
        using IHost host = BuildHost(logs, s =>
        {
            s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(200));
            s.AddIotHubGuardCloseOnShutdown(ct => Task.Delay(Timeout.Infinite, ct));
        });

        await host.StartAsync().WaitAsync(Limit);
        await host.StopAsync().WaitAsync(Limit);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("did not finish within the host's shutdown timeout"));
    }

    [Fact]
    public void Registration_arguments_are_checked()
    {
        var services = new ServiceCollection();
        Assert.Throws<ArgumentNullException>(() => services.AddIotHubGuardCloseOnShutdown((Func<CancellationToken, Task>)null!));
        Assert.Throws<ArgumentNullException>(() => services.AddIotHubGuard((Func<IServiceProvider, StartupCheckInput>)null!));
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddIotHubGuard());
    }

    private sealed class RecordingService : IHostedService
    {
        private readonly string _name;
        private readonly ConcurrentQueue<string> _order;

        public RecordingService(string name, ConcurrentQueue<string> order)
        {
            _name = name;
            _order = order;
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _order.Enqueue(_name + " started");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _order.Enqueue(_name + " stopped");
            return Task.CompletedTask;
        }
    }
}
