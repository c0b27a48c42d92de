using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IotHubGuard.Runtime.Hosting;

/// <summary>
/// Awaits the user's close delegate (for example <c>DeviceClient.CloseAsync</c> or MQTTnet <c>DisconnectAsync</c>) when
/// the host stops, in <c>StoppedAsync</c>: after every hosted service has stopped using the client, and within the
/// host's shutdown timeout. The hub then gets an MQTT DISCONNECT / AMQP close instead of a dropped socket (404104).
/// </summary>
internal sealed class CloseOnShutdownService : IHostedLifecycleService
{
    private readonly Func<CancellationToken, Task> _close;
    private readonly ILogger _logger;
    private int _closed;

    public CloseOnShutdownService(Func<CancellationToken, Task> close, ILogger logger)
    {
        _close = close;
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

        try
        {
            Task closing = _close(cancellationToken) ?? Task.CompletedTask;
            await closing.ConfigureAwait(false);
            _logger.LogInformation(new EventId(200, "IotHubGuardClose"), "IotHubGuard: IoT Hub client closed on shutdown.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning(new EventId(200, "IotHubGuardClose"),
                "IotHubGuard: closing the IoT Hub client did not finish within the host's shutdown timeout.");
        }
        catch (Exception ex)
        {
            // Shutdown goes on; the exception object is not logged so that no provider renders an unredacted message.
            _logger.LogError(new EventId(200, "IotHubGuardClose"), "IotHubGuard: closing the IoT Hub client on shutdown failed: {ExceptionType}: {Problem}",
                ex.GetType().FullName, SecretRedactor.Redact(ex.Message));
        }
    }
}
