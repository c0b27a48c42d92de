using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IotHubGuard.Runtime.Hosting;

/// <summary>Registers the IotHubGuard startup check and the close-on-shutdown hook with a generic host.</summary>
public static class IotHubGuardServiceCollectionExtensions
{
    /// <summary>The logger category of everything IotHubGuard logs.</summary>
    public const string LoggerCategory = "IotHubGuard";

    /// <summary>
    /// Runs <see cref="StartupCheck.Run(StartupCheckInput)"/> when the host starts, before any hosted service starts:
    /// every finding is logged (errors as errors, warnings as warnings), and errors stop the host with
    /// <see cref="IotHubGuardException"/> unless <see cref="IotHubGuardOptions.FailOnErrors"/> is false.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Fills the options: the <see cref="IotHubGuardOptions.Input"/> and how to fail.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddIotHubGuard(this IServiceCollection services, Action<IotHubGuardOptions>? configure = null)
    {
        if (services == null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = new IotHubGuardOptions();
        configure?.Invoke(options);
        services.AddSingleton<IHostedService>(sp => new IotHubGuardStartupCheckService(sp, options, CreateLogger(sp)));
        return services;
    }

    /// <summary>
    /// Runs the startup check on the input that <paramref name="input"/> builds from services when the host starts;
    /// errors stop the host. See <see cref="AddIotHubGuard(IServiceCollection, Action{IotHubGuardOptions})"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="input">Builds the input from services (configuration, the client's settings, ...).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddIotHubGuard(this IServiceCollection services, Func<IServiceProvider, StartupCheckInput> input)
    {
        if (input == null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        return services.AddIotHubGuard(options => options.InputFactory = input);
    }

    /// <summary>
    /// Awaits <paramref name="close"/> when the host stops (SIGTERM, Ctrl+C, <c>StopAsync</c>), after every hosted
    /// service has stopped and within the host's shutdown timeout (the token), so IoT Hub receives a DISCONNECT
    /// instead of a dropped connection (404104). Typical delegate: <c>ct =&gt; deviceClient.CloseAsync(ct)</c>.
    /// Call once per client: the closes of all clients start together, each on a thread of its own. Failures are
    /// logged (redacted), not thrown; a close still running when the token fires is logged as a warning and the host
    /// stops without it, so shutdown always completes within the timeout.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="close">Closes the client; receives the host's shutdown token.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddIotHubGuardCloseOnShutdown(this IServiceCollection services, Func<CancellationToken, Task> close)
    {
        if (close == null)
        {
            throw new ArgumentNullException(nameof(close));
        }

        return services.AddIotHubGuardCloseOnShutdown((_, ct) => close(ct));
    }

    /// <summary>
    /// Like <see cref="AddIotHubGuardCloseOnShutdown(IServiceCollection, Func{CancellationToken, Task})"/>, with the
    /// client resolved from services: <c>(sp, ct) =&gt; sp.GetRequiredService&lt;DeviceClient&gt;().CloseAsync(ct)</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="close">Closes the client; receives the services and the host's shutdown token.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddIotHubGuardCloseOnShutdown(this IServiceCollection services, Func<IServiceProvider, CancellationToken, Task> close)
    {
        if (services == null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (close == null)
        {
            throw new ArgumentNullException(nameof(close));
        }

        // One registration per client; one hosted service runs them all, so that they start together and one that
        // hangs cannot hold back the others.
        bool first = !services.Any(d => d.ServiceType == typeof(CloseOnShutdownRegistration));
        services.AddSingleton(new CloseOnShutdownRegistration(close));
        if (first)
        {
            services.AddSingleton<IHostedService>(sp =>
                new CloseOnShutdownService(sp.GetServices<CloseOnShutdownRegistration>(), sp, CreateLogger(sp)));
        }

        return services;
    }

    private static ILogger CreateLogger(IServiceProvider services) =>
        (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(LoggerCategory);
}
