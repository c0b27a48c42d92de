using System;

namespace IotHubGuard.Runtime.Hosting;

/// <summary>Options of <see cref="IotHubGuardServiceCollectionExtensions.AddIotHubGuard(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{IotHubGuardOptions})"/>.</summary>
public sealed class IotHubGuardOptions
{
    /// <summary>What to check. Fill the static parts here; use <see cref="ConfigureInput"/> for values from services.</summary>
    public StartupCheckInput Input { get; set; } = new StartupCheckInput();

    /// <summary>
    /// Builds the input from services when the host starts; when set, it replaces <see cref="Input"/>.
    /// </summary>
    public Func<IServiceProvider, StartupCheckInput>? InputFactory { get; set; }

    /// <summary>
    /// Called when the host starts, before the check runs, to fill <see cref="Input"/> from services (configuration,
    /// the client's transport settings, ...).
    /// </summary>
    public Action<IServiceProvider, StartupCheckInput>? ConfigureInput { get; set; }

    /// <summary>
    /// When true (the default), a report with errors, or malformed input, stops the host from starting:
    /// <c>StartAsync</c> throws <see cref="IotHubGuardException"/> (or <see cref="ArgumentException"/>). When
    /// <see cref="InputFactory"/> or <see cref="ConfigureInput"/> throws, <c>StartAsync</c> throws an
    /// <see cref="InvalidOperationException"/> (an <see cref="ArgumentException"/> for an ArgumentException) whose message
    /// and inner exceptions are redacted copies of the original, so that the host's "failed to start" log holds no key.
    /// When false, errors are only logged.
    /// </summary>
    public bool FailOnErrors { get; set; } = true;

    /// <summary>When true, warnings stop the host from starting too (they are still logged as warnings). Default false.</summary>
    public bool TreatWarningsAsErrors { get; set; }
}
