using System;
using System.Threading;
using System.Threading.Tasks;
using MQTTnet;

namespace IotHubGuard.Runtime.Mqtt;

/// <summary>
/// Keeps a raw-MQTT IoT Hub connection's SAS token fresh. MQTT 3.1.1 cannot re-authenticate in place, and the hub closes
/// the connection when the token expires (401003, then 404104). So, before the token expires, this helper disconnects
/// cleanly (an MQTT DISCONNECT, not a dropped socket) and reconnects; the <see cref="IotHubSasCredentialsProvider"/>
/// mints a fresh token for the new CONNECT.
/// </summary>
/// <remarks>
/// <para>
/// Start it after the first <c>ConnectAsync</c>. It renews only a connected client; reconnecting after network loss
/// stays your code's job (use the same options: the provider mints a fresh token for that CONNECT too).
/// </para>
/// <para>
/// One reconnect owner: from the moment a renewal starts until the client is connected again, including the retries
/// after a refused CONNECT, <see cref="IsRenewing"/> is true and the helper owns the reconnect. A
/// <c>DisconnectedAsync</c> handler that reconnects must do nothing while <see cref="IsRenewing"/> is true, and look
/// again after its own back-off (see docs/runtime.md).
/// </para>
/// <para>
/// The renewal is scheduled from the monotonic timestamp taken when the token was minted (<see cref="TimeProvider.GetTimestamp"/>),
/// so a wall-clock step cannot postpone it past the token's real expiry. Concurrent <see cref="RenewNowAsync"/> calls
/// (and the background loop) share one renewal. Dispose (or <see cref="StopAsync"/>) before disconnecting the client on
/// shutdown; after that the helper never reconnects.
/// </para>
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
    private readonly object _lifecycle = new object();
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private CancellationTokenSource? _sleep;
    private bool _wakeRequested;
    private bool _stopped;
    private int _disposed;
    private Task? _loop;
    private Task? _cycle;
    private volatile bool _renewing;
    private volatile bool _reconnectPending;
    private int _failures;
    private long _lastFailureTimestamp;
    private int _renewals;

    /// <summary>Creates the helper; call <see cref="Start"/> to begin.</summary>
    /// <param name="client">The MQTTnet client; its <see cref="IMqttClient.Options"/> are reused for each reconnect.</param>
    /// <param name="credentials">The provider in those options (it says when the current token was minted and expires).</param>
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
        _time = options.TimeProvider ?? credentials.Clock;
        _bufferPercent = options.RenewalBufferPercent;
        _retryDelay = options.RetryDelay;
        _maxRetryDelay = options.MaxRetryDelay;
        _operationTimeout = options.OperationTimeout;
        _idlePoll = options.IdlePollInterval;
    }

    /// <summary>Raised after each successful renewal (on a background thread; exceptions from handlers are ignored).</summary>
    public event EventHandler<IotHubMqttTokenRenewedEventArgs>? Renewed;

    /// <summary>
    /// Raised once per failed renewal attempt, whoever started it; the helper retries with back-off (exceptions from
    /// handlers are ignored).
    /// </summary>
    public event EventHandler<IotHubMqttTokenRenewalFailedEventArgs>? RenewalFailed;

    /// <summary>
    /// True while the helper owns the client's connection: from the start of a renewal until the client is connected
    /// again, including the back-off between retries after a refused CONNECT. A reconnect handler must do nothing then.
    /// False when no loop retries a pending reconnect: before <see cref="Start"/> and once the helper is stopped.
    /// </summary>
    public bool IsRenewing => _renewing || (_reconnectPending && Volatile.Read(ref _loop) != null && !Volatile.Read(ref _stopped));

    /// <summary>How many renewals succeeded.</summary>
    public int RenewalCount => Volatile.Read(ref _renewals);

    /// <summary>
    /// When the current token is due for renewal, on the wall clock as it reads now; null before the first CONNECT. The
    /// helper itself waits on monotonic time, so this moves when the wall clock is stepped and the renewal does not.
    /// </summary>
    public DateTimeOffset? NextRenewalDue
    {
        get
        {
            TimeSpan? remaining = TimeUntilRenewal();
            return remaining == null ? null : _credentials.Clock.GetUtcNow() + remaining.Value;
        }
    }

    /// <summary>Starts the background renewal loop. Calling it again while running does nothing.</summary>
    /// <exception cref="ObjectDisposedException">The helper was stopped or disposed.</exception>
    public void Start()
    {
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_loop != null)
            {
                return;
            }

            CancellationToken stop = _stop.Token;
            _loop = Task.Run(() => RunAsync(stop), CancellationToken.None);
        }
    }

    /// <summary>
    /// Renews now: disconnects cleanly (if connected) and connects with a fresh token. A call made while a renewal is in
    /// progress (another call's, or the background loop's) joins that renewal instead of starting a second one.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting; the renewal itself goes on, bounded by the operation timeout.</param>
    /// <returns>A task that completes when the client is connected again.</returns>
    /// <exception cref="InvalidOperationException">The client was never connected (it has no options yet).</exception>
    /// <exception cref="IotHubMqttConnectException">The hub refused the new CONNECT; the helper keeps retrying in the background.</exception>
    /// <exception cref="ObjectDisposedException">The helper was stopped or disposed (before or during the renewal); it does not reconnect then.</exception>
    public async Task RenewNowAsync(CancellationToken cancellationToken = default)
    {
        Task cycle = JoinOrStartCycle();
        try
        {
            await cycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && Volatile.Read(ref _stopped))
        {
            throw new ObjectDisposedException(nameof(IotHubMqttTokenRenewal), "The renewal helper was stopped during the renewal.");
        }
        catch (Exception) when (cycle.IsCompleted && !cycle.IsCompletedSuccessfully)
        {
            Wake(); // a reconnect is now pending: the loop retries it after the back-off
            throw;
        }
    }

    /// <summary>
    /// Stops the renewal loop and waits for it and for a renewal in progress; the client stays as it is (disconnect it
    /// yourself). From then on the helper never reconnects, and <see cref="IsRenewing"/> is false once this completes.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for a renewal in progress.</param>
    /// <returns>A task that completes when the loop and any renewal in progress have ended.</returns>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task? loop;
        Task? cycle;
        lock (_lifecycle)
        {
            _stopped = true;
            loop = _loop;
            cycle = _cycle;
        }

        try
        {
            _stop.Cancel(); // outside the lock: cancellation runs callbacks inline
        }
        catch (ObjectDisposedException)
        {
            // disposed: it was cancelled before that
        }

        await Task.WhenAll(Quietly(loop), Quietly(cycle)).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the renewal loop (see <see cref="StopAsync"/>). Calling it again does nothing.</summary>
    /// <returns>A task that completes when the loop has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private static async Task Quietly(Task? task)
    {
        if (task == null)
        {
            return;
        }

        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // reported through RenewalFailed or to the RenewNowAsync caller
        }
    }

    // Time left until the renewal is due, measured on the provider's monotonic clock from the mint; null before the first mint.
    private TimeSpan? TimeUntilRenewal()
    {
        if (!_credentials.TryGetLastToken(out long issuedTimestamp, out TimeSpan lifetime))
        {
            return null;
        }

        TimeSpan renewAfter = lifetime - TimeSpan.FromTicks(lifetime.Ticks / 100 * _bufferPercent);
        return renewAfter - _credentials.Clock.GetElapsedTime(issuedTimestamp);
    }

    private Task JoinOrStartCycle()
    {
        Task<Task>? starter = null;
        Task cycle;
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_cycle == null || _cycle.IsCompleted)
            {
                _renewing = true; // before the cycle runs: a disconnect it causes must already see it
                CancellationToken stop = _stop.Token;
                starter = new Task<Task>(() => RenewCycleAsync(stop));
                _cycle = starter.Unwrap();
            }

            cycle = _cycle;
        }

        // Started outside the lock (MQTTnet raises DisconnectedAsync, i.e. user code, from inside the cycle), on the
        // caller's thread: no extra thread-pool hop before the DISCONNECT.
        starter?.RunSynchronously(TaskScheduler.Default);
        return cycle;
    }

    private async Task RenewCycleAsync(CancellationToken stop)
    {
        try
        {
            MqttClientOptions options = _client.Options
                ?? throw new InvalidOperationException("The MQTT client has not connected yet; connect it once before renewing.");
            DateTimeOffset? previous = _credentials.LastTokenExpiresOn;
            if (_client.IsConnected)
            {
                using var disconnectTimer = new CancellationTokenSource(_operationTimeout, _time);
                using var disconnectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop, disconnectTimer.Token);
                try
                {
                    // MQTT DISCONNECT: the hub sees a clean close (no Will, no 404104), then a new CONNECT.
                    await _client.DisconnectAsync(new MqttClientDisconnectOptions(), disconnectTimeout.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    // The link was already dead or the DISCONNECT timed out: connecting again is all that is left.
                }
            }

            _reconnectPending = true;
            stop.ThrowIfCancellationRequested();
            using (var connectTimer = new CancellationTokenSource(_operationTimeout, _time))
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop, connectTimer.Token))
            {
                MqttClientConnectResult result;
                try
                {
                    result = await _client.ConnectAsync(options, connectTimeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (connectTimer.IsCancellationRequested && !stop.IsCancellationRequested)
                {
                    throw new TimeoutException("The CONNECT did not complete within the operation timeout (" + _operationTimeout + ").");
                }

                // MQTTnet 5 returns a refused CONNACK as a result code instead of throwing.
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new IotHubMqttConnectException(result.ResultCode, result.ReasonString);
                }
            }

            _reconnectPending = false;
            Volatile.Write(ref _failures, 0);
            Interlocked.Increment(ref _renewals);
            Raise(Renewed, new IotHubMqttTokenRenewedEventArgs(previous, _credentials.LastTokenExpiresOn));
        }
        catch (Exception ex) when (!stop.IsCancellationRequested)
        {
            int failures = Interlocked.Increment(ref _failures);
            Volatile.Write(ref _lastFailureTimestamp, _time.GetTimestamp());
            Raise(RenewalFailed, new IotHubMqttTokenRenewalFailedEventArgs(ex, Backoff(failures)));
            throw;
        }
        finally
        {
            _renewing = false;
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = NextWait();
                if (wait <= TimeSpan.Zero)
                {
                    await JoinOrStartCycle().ConfigureAwait(false);
                    continue;
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // Already reported through RenewalFailed; the next wait is the back-off.
                continue;
            }

            if (!await SleepAsync(wait, stop).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    // Zero or less: renew now. A pending reconnect waits out the back-off since the last failure, whoever caused it.
    private TimeSpan NextWait()
    {
        int failures = Volatile.Read(ref _failures);
        if (_reconnectPending)
        {
            return failures == 0 ? TimeSpan.Zero : Backoff(failures) - _time.GetElapsedTime(Volatile.Read(ref _lastFailureTimestamp));
        }

        TimeSpan? remaining = TimeUntilRenewal();
        if (!_client.IsConnected || remaining == null)
        {
            return _idlePoll;
        }

        if (remaining.Value <= TimeSpan.Zero && failures > 0)
        {
            // Due, but the last attempt (the DISCONNECT side) failed: keep the back-off.
            TimeSpan backoff = Backoff(failures) - _time.GetElapsedTime(Volatile.Read(ref _lastFailureTimestamp));
            return backoff > TimeSpan.Zero ? backoff : TimeSpan.Zero;
        }

        return remaining.Value;
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

    private TimeSpan Backoff(int failures)
    {
        double factor = Math.Pow(2, Math.Min(failures - 1, 16));
        return TimeSpan.FromTicks((long)Math.Min(_retryDelay.Ticks * factor, _maxRetryDelay.Ticks));
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
