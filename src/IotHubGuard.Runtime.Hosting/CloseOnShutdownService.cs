using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotHubGuard.Runtime.Hosting;

/// <summary>
/// Runs every registered close delegate (for example <c>DeviceClient.CloseAsync</c> or MQTTnet <c>DisconnectAsync</c>)
/// when the host stops, in <c>StoppedAsync</c>: after every hosted service has stopped using the client, and within the
/// host's shutdown timeout. The hub then gets an MQTT DISCONNECT / AMQP close instead of a dropped socket (404104).
/// </summary>
/// <remarks>
/// The closes start together, each on a thread of its own, so one that hangs or blocks its thread neither delays the
/// others nor the host: <c>StoppedAsync</c> returns when all have finished or when the shutdown token fires, whichever
/// comes first. A close still running then is logged as a warning and left behind (its late failure is observed, not
/// thrown), because the host cannot wait for code that ignores its token.
/// </remarks>
internal sealed class CloseOnShutdownService : IHostedLifecycleService
{
    private static readonly EventId CloseEvent = new EventId(200, "IotHubGuardClose");

    private readonly IReadOnlyList<CloseOnShutdownRegistration> _closes;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private int _closed;

    public CloseOnShutdownService(IEnumerable<CloseOnShutdownRegistration> closes, IServiceProvider services, ILogger logger)
    {
        _closes = closes.ToList();
        _services = services;
        _logger = logger;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        // Each delegate starts on a thread of its own: one that blocks its thread (a synchronous close, .Wait()) must
        // block neither the host's thread nor the others, and at shutdown the thread pool is often starved by such code.
        Task[] closing = _closes
            .Select(close => Task.Factory.StartNew(
                () => close.Close(_services, cancellationToken) ?? Task.CompletedTask,
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default).Unwrap())
            .ToArray();
        await WhenAllOrCancelled(closing, cancellationToken).ConfigureAwait(false);

        for (int i = 0; i < closing.Length; i++)
        {
            Log(closing[i], cancellationToken);
        }
    }

    private static async Task WhenAllOrCancelled(Task[] tasks, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
        {
            await Task.WhenAny(Task.WhenAll(tasks), cancelled.Task).ConfigureAwait(false);
        }
    }

    private void Log(Task close, CancellationToken cancellationToken)
    {
        if (!close.IsCompleted)
        {
            // Left behind: observe a late failure so that it does not surface as an unobserved task exception.
            _ = close.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _logger.LogWarning(CloseEvent,
                "IotHubGuard: closing the IoT Hub client did not finish within the host's shutdown timeout; the host stops without waiting for it.");
        }
        else if (close.Status == TaskStatus.RanToCompletion)
        {
            _logger.LogInformation(CloseEvent, "IotHubGuard: IoT Hub client closed on shutdown.");
        }
        else if (close.IsCanceled || (cancellationToken.IsCancellationRequested && close.Exception?.GetBaseException() is OperationCanceledException))
        {
            _logger.LogWarning(CloseEvent,
                "IotHubGuard: closing the IoT Hub client did not finish within the host's shutdown timeout (it was cancelled).");
        }
        else
        {
            // The exception object is not logged, so that no provider renders an unredacted message or inner exception.
            Exception failure = close.Exception!.InnerExceptions.Count == 1 ? close.Exception.InnerException! : close.Exception;
            _logger.LogError(CloseEvent, "IotHubGuard: closing the IoT Hub client on shutdown failed: {Problem}", RedactedException.Describe(failure));
        }
    }
}

/// <summary>One <c>AddIotHubGuardCloseOnShutdown</c> call: the delegate that closes one client.</summary>
internal sealed class CloseOnShutdownRegistration
{
    public CloseOnShutdownRegistration(Func<IServiceProvider, CancellationToken, Task> close) => Close = close;

    public Func<IServiceProvider, CancellationToken, Task> Close { get; }
}
