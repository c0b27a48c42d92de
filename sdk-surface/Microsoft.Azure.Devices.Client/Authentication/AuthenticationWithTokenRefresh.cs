// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Authentication/AuthenticationWithTokenRefresh.cs (Azure/azure-iot-sdk-csharp @ 6097889d): public signatures only; bodies are stand-ins.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Azure.Devices.Client;

/// <summary>
/// Base class of every token-renewing authentication method: the SDK asks it for a new token (SafeCreateNewToken)
/// whenever the current one is within the renewal buffer of its expiry.
/// </summary>
public abstract class AuthenticationWithTokenRefresh : IAuthenticationMethod, IDisposable
{
    private readonly int _suggestedTimeToLiveSeconds;
    private readonly int _timeBufferPercentage;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private int _bufferSeconds;
    private string _token;
    private bool _isDisposed;

    public AuthenticationWithTokenRefresh(int suggestedTimeToLiveSeconds, int timeBufferPercentage)
        : this(suggestedTimeToLiveSeconds, timeBufferPercentage, true)
    {
    }

    public AuthenticationWithTokenRefresh(int suggestedTimeToLiveSeconds, int timeBufferPercentage, bool disposeWithClient)
    {
        if (suggestedTimeToLiveSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(suggestedTimeToLiveSeconds));
        }

        if (timeBufferPercentage < 0 || timeBufferPercentage > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(timeBufferPercentage));
        }

        _suggestedTimeToLiveSeconds = suggestedTimeToLiveSeconds;
        _timeBufferPercentage = timeBufferPercentage;

        // No token yet: start out "expired" so the first GetTokenAsync creates one.
        ExpiresOn = DateTime.UtcNow.AddSeconds(-suggestedTimeToLiveSeconds);
        _bufferSeconds = BufferFor(suggestedTimeToLiveSeconds);
        DisposalWithClient = disposeWithClient;
    }

    public DateTime ExpiresOn { get; private set; }

    public DateTime RefreshesOn => ExpiresOn.AddSeconds(-_bufferSeconds);

    public bool IsExpiring => (ExpiresOn - DateTime.UtcNow).TotalSeconds <= _bufferSeconds;

    /// <summary>Stand-in bookkeeping (internal in the SDK too): dispose together with the client.</summary>
    internal bool DisposalWithClient { get; }

    /// <summary>Stand-in bookkeeping: the TTL and buffer this instance works with (after subclass defaults).</summary>
    internal int SuggestedTimeToLiveSeconds => _suggestedTimeToLiveSeconds;

    internal int TimeBufferPercentage => _timeBufferPercentage;

    /// <summary>Returns the current token, asking <see cref="SafeCreateNewToken"/> for a new one when it is expiring.</summary>
    public async Task<string> GetTokenAsync(string iotHub)
    {
        if (_isDisposed)
        {
            throw new ObjectDisposedException(GetType().Name, "The authentication method instance has already been disposed, so this client is no longer usable.");
        }

        if (!IsExpiring)
        {
            return _token;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (IsExpiring)
            {
                string token = await SafeCreateNewToken(iotHub, _suggestedTimeToLiveSeconds).ConfigureAwait(false);
                ExpiresOn = ReadExpiry(token);
                _bufferSeconds = BufferFor((int)(ExpiresOn - DateTime.UtcNow).TotalSeconds);
                _token = token;
            }

            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public virtual IotHubConnectionStringBuilder Populate(IotHubConnectionStringBuilder iotHubConnectionStringBuilder)
    {
        if (iotHubConnectionStringBuilder == null)
        {
            throw new ArgumentNullException(nameof(iotHubConnectionStringBuilder));
        }

        iotHubConnectionStringBuilder.SharedAccessSignature = _token;
        iotHubConnectionStringBuilder.SharedAccessKey = null;
        iotHubConnectionStringBuilder.SharedAccessKeyName = null;
        return iotHubConnectionStringBuilder;
    }

    protected abstract Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive);

    protected virtual void Dispose(bool disposing)
    {
        if (!_isDisposed)
        {
            if (disposing)
            {
                _gate.Dispose();
            }

            _isDisposed = true;
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    private int BufferFor(int ttlSeconds) => (int)(ttlSeconds * (_timeBufferPercentage / 100f));

    private static DateTime ReadExpiry(string token)
    {
        if (!StandInValidation.TryReadSas(token, out IDictionary<string, string> fields)
            || !fields.TryGetValue("se", out string se))
        {
            throw new FormatException("Malformed signature");
        }

        return StandInValidation.UnixEpoch + TimeSpan.FromSeconds(double.Parse(se, CultureInfo.InvariantCulture));
    }
}
