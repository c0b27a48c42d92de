using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;

namespace IotHubGuard.Runtime.Mqtt;

/// <summary>Settings of <see cref="IotHubMqttTokenRenewal"/>.</summary>
public sealed class IotHubMqttTokenRenewalOptions
{
    /// <summary>
    /// Renew when this share of the token's lifetime is left; default 15 % (the device SDK's renewal buffer: after 51 min
    /// of a 1 h token). Must lie within 1 .. 99.
    /// </summary>
    public int RenewalBufferPercent { get; set; } = 15;

    /// <summary>First wait after a failed renewal; doubled on each further failure up to <see cref="MaxRetryDelay"/>. Default 5 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between renewal attempts; default 2 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Time limit of each DISCONNECT and of each CONNECT; default 30 s.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to look again while the client is not connected; default 1 s.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The clock; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }
}

/// <summary>Data of <see cref="IotHubMqttTokenRenewal.Renewed"/>.</summary>
public sealed class IotHubMqttTokenRenewedEventArgs : EventArgs
{
    internal IotHubMqttTokenRenewedEventArgs(DateTimeOffset? previousExpiry, DateTimeOffset? newExpiry)
    {
        PreviousTokenExpiresOn = previousExpiry;
        NewTokenExpiresOn = newExpiry;
    }

    /// <summary>Expiry of the token the replaced connection used.</summary>
    public DateTimeOffset? PreviousTokenExpiresOn { get; }

    /// <summary>Expiry of the token of the new connection.</summary>
    public DateTimeOffset? NewTokenExpiresOn { get; }
}

/// <summary>Data of <see cref="IotHubMqttTokenRenewal.RenewalFailed"/>.</summary>
public sealed class IotHubMqttTokenRenewalFailedEventArgs : EventArgs
{
    internal IotHubMqttTokenRenewalFailedEventArgs(Exception exception, TimeSpan retryIn)
    {
        Exception = exception;
        RetryIn = retryIn;
    }

    /// <summary>Why the renewal failed (for example MQTTnet's connect exception).</summary>
    public Exception Exception { get; }

    /// <summary>When the next attempt runs.</summary>
    public TimeSpan RetryIn { get; }
}

/// <summary>
/// Keeps a raw-MQTT IoT Hub connection's SAS token fresh. MQTT 3.1.1 cannot re-authenticate in place, and the hub closes
/// the connection when the token expires (401003, then 404104). So, before the token expires, this helper disconnects
/// cleanly (an MQTT DISCONNECT, not a dropped socket) and reconnects; the <see cref="IotHubSasCredentialsProvider"/>
/// mints a fresh token for the new CONNECT.
/// </summary>
/// <remarks>
/// Start it after the first <c>ConnectAsync</c>. It renews only a connected client; reconnecting after network loss
/// stays your code's job (use the same options: the provider mints a fresh token for that CONNECT too). During a
/// renewal (<see cref="IsRenewing"/>) the client is briefly disconnected: a <c>DisconnectedAsync</c> handler that
/// reconnects should skip while <see cref="IsRenewing"/> is true. Dispose (or <see cref="StopAsync"/>) before
/// disconnecting the client on shutdown.
/// </remarks>
/// <example>
/// <code>
/// var options = IotHubMqttClientOptions.Create(connectionString);
/// var credentials = (IotHubSasCredentialsProvider)options.Credentials;
/// await client.ConnectAsync(options, ct);
/// await using var renewal = new IotHubMqttTokenRenewal(client, credentials);
/// renewal.Start();
/// </code>
/// </example>
public sealed class IotHubMqttTokenRenewal : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly IotHubSasCredentialsProvider _credentials;
    private readonly TimeProvider _time;
    private readonly int _bufferPercent;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _maxRetryDelay;
    private readonly TimeSpan _operationTimeout;
    private readonly TimeSpan _idlePoll;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private readonly object _lifecycle = new object();
    private CancellationTokenSource? _stop;
    private CancellationTokenSource? _sleep;
    private bool _wakeRequested;
    private Task? _loop;
    private volatile bool _renewing;
    private volatile bool _reconnectPending;
    private int _renewals;

    /// <summary>Creates the helper; call <see cref="Start"/> to begin.</summary>
    /// <param name="client">The MQTTnet client; its <see cref="IMqttClient.Options"/> are reused for each reconnect.</param>
    /// <param name="credentials">The provider in those options (it says when the current token expires).</param>
    /// <param name="options">Renewal buffer, retry delays, timeouts; default values when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public IotHubMqttTokenRenewal(IMqttClient client, IotHubSasCredentialsProvider credentials, IotHubMqttTokenRenewalOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(credentials);
        options ??= new IotHubMqttTokenRenewalOptions();
        if (options.RenewalBufferPercent < 1 || options.RenewalBufferPercent > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RenewalBufferPercent must lie within 1 .. 99.");
        }

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RetryDelay must be positive and not above MaxRetryDelay.");
        }

        if (options.OperationTimeout <= TimeSpan.Zero || options.IdlePollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "OperationTimeout and IdlePollInterval must be positive.");
        }

        _client = client;
        _credentials = credentials;
        _time = options.TimeProvider ?? TimeProvider.System;
        _bufferPercent = options.RenewalBufferPercent;
        _retryDelay = options.RetryDelay;
        _maxRetryDelay = options.MaxRetryDelay;
        _operationTimeout = options.OperationTimeout;
        _idlePoll = options.IdlePollInterval;
    }

    /// <summary>Raised after each successful renewal (on a background thread; exceptions from handlers are ignored).</summary>
    public event EventHandler<IotHubMqttTokenRenewedEventArgs>? Renewed;

    /// <summary>Raised when a renewal attempt fails; the helper retries with back-off (exceptions from handlers are ignored).</summary>
    public event EventHandler<IotHubMqttTokenRenewalFailedEventArgs>? RenewalFailed;

    /// <summary>True while the helper has the client disconnected for a renewal.</summary>
    public bool IsRenewing => _renewing;

    /// <summary>How many renewals succeeded.</summary>
    public int RenewalCount => Volatile.Read(ref _renewals);

    /// <summary>When the current token is due for renewal; null before the first CONNECT.</summary>
    public DateTimeOffset? NextRenewalDue
    {
        get
        {
            DateTimeOffset? expires = _credentials.LastTokenExpiresOn;
            DateTimeOffset? issued = _credentials.LastTokenIssuedOn;
            if (expires == null || issued == null)
            {
                return null;
            }

            TimeSpan lifetime = expires.Value - issued.Value;
            return expires.Value - TimeSpan.FromTicks(lifetime.Ticks / 100 * _bufferPercent);
        }
    }

    /// <summary>Starts the background renewal loop. Calling it again while running does nothing.</summary>
    /// <exception cref="ObjectDisposedException">The helper was stopped or disposed.</exception>
    public void Start()
    {
        lock (_lifecycle)
        {
            if (_loop != null)
            {
                ObjectDisposedException.ThrowIf(_stop == null || _stop.IsCancellationRequested, this);
                return;
            }

            _stop = new CancellationTokenSource();
            CancellationToken token = _stop.Token;
            _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
    }

    /// <summary>Renews now: disconnects cleanly (if connected) and connects with a fresh token.</summary>
    /// <param name="cancellationToken">Cancels the renewal.</param>
    /// <returns>A task that completes when the client is connected again.</returns>
    /// <exception cref="InvalidOperationException">The client was never connected (it has no options yet).</exception>
    /// <exception cref="IotHubMqttConnectException">The hub refused the new CONNECT; the helper keeps retrying in the background.</exception>
    public async Task RenewNowAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await RenewAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Wake(); // a failed reconnect is now pending: let the loop retry it with back-off
            throw;
        }
    }

    /// <summary>Stops the renewal loop and waits for it; the client stays as it is (disconnect it yourself).</summary>
    /// <param name="cancellationToken">Stops waiting for a renewal in progress.</param>
    /// <returns>A task that completes when the loop has ended.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task? loop;
        lock (_lifecycle)
        {
            if (_stop == null)
            {
                _stop = new CancellationTokenSource(); // never started: mark as stopped
            }

            _stop.Cancel();
            loop = _loop;
            _loop ??= Task.CompletedTask;
        }

        if (loop != null)
        {
            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the renewal loop (see <see cref="StopAsync"/>).</summary>
    /// <returns>A task that completes when the loop has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop?.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        int failures = 0;
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                DateTimeOffset? due = NextRenewalDue;
                bool work = _reconnectPending || (_client.IsConnected && due != null && due.Value <= _time.GetUtcNow());
                if (work)
                {
                    await RenewAsync(stop).ConfigureAwait(false);
                    failures = 0;
                    continue;
                }

                wait = _client.IsConnected && due != null ? due.Value - _time.GetUtcNow() : _idlePoll;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                wait = Backoff(failures);
                Raise(RenewalFailed, new IotHubMqttTokenRenewalFailedEventArgs(ex, wait));
            }

            if (!await SleepAsync(wait, stop).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // Sleeps until the wait is over or Wake() is called; false when the helper is stopping.
    private async Task<bool> SleepAsync(TimeSpan wait, CancellationToken stop)
    {
        CancellationTokenSource sleep;
        lock (_lifecycle)
        {
            if (_wakeRequested)
            {
                _wakeRequested = false;
                return !stop.IsCancellationRequested;
            }

            sleep = _sleep = CancellationTokenSource.CreateLinkedTokenSource(stop);
        }

        try
        {
            await Task.Delay(Clamp(wait), _time, sleep.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // woken up, or stopping
        }
        finally
        {
            lock (_lifecycle)
            {
                _sleep = null;
                _wakeRequested = false;
            }

            sleep.Dispose();
        }

        return !stop.IsCancellationRequested;
    }

    private void Wake()
    {
        lock (_lifecycle)
        {
            _wakeRequested = true;
            _sleep?.Cancel();
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        MqttClientOptions options = _client.Options
            ?? throw new InvalidOperationException("The MQTT client has not connected yet; connect it once before renewing.");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        _renewing = true;
        try
        {
            DateTimeOffset? previous = _credentials.LastTokenExpiresOn;
            if (_client.IsConnected)
            {
                using var disconnectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                disconnectTimeout.CancelAfter(_operationTimeout);
                try
                {
                    // MQTT DISCONNECT: the hub sees a clean close (no Will, no 404104), then a new CONNECT.
                    await _client.DisconnectAsync(new MqttClientDisconnectOptions(), disconnectTimeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The link was already dead or the DISCONNECT timed out: connecting again is all that is left.
                }
            }

            _reconnectPending = true;
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectTimeout.CancelAfter(_operationTimeout);
                // MQTTnet 5 returns a refused CONNACK as a result code instead of throwing.
                MqttClientConnectResult result = await _client.ConnectAsync(options, connectTimeout.Token).ConfigureAwait(false);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new IotHubMqttConnectException(result.ResultCode, result.ReasonString);
                }
            }

            _reconnectPending = false;
            Interlocked.Increment(ref _renewals);
            Raise(Renewed, new IotHubMqttTokenRenewedEventArgs(previous, _credentials.LastTokenExpiresOn));
        }
        finally
        {
            _renewing = false;
            _gate.Release();
        }
    }

    private TimeSpan Backoff(int failures)
    {
        double factor = Math.Pow(2, Math.Min(failures - 1, 16));
        TimeSpan delay = TimeSpan.FromTicks((long)Math.Min(_retryDelay.Ticks * factor, _maxRetryDelay.Ticks));
        return delay;
    }

    private static TimeSpan Clamp(TimeSpan wait)
    {
        if (wait < TimeSpan.FromMilliseconds(10))
        {
            return TimeSpan.FromMilliseconds(10);
        }

        return wait > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : wait;
    }

    private void Raise<T>(EventHandler<T>? handler, T args)
    {
        if (handler == null)
        {
            return;
        }

        foreach (EventHandler<T> single in handler.GetInvocationList())
        {
            try
            {
                single(this, args);
            }
            catch (Exception)
            {
                // A faulty handler must not stop the renewals.
            }
        }
    }
}
