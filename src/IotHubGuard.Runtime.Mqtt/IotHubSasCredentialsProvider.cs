using System;
using System.Text;
using System.Threading;
using MQTTnet;

namespace IotHubGuard.Runtime.Mqtt;

/// <summary>
/// An MQTTnet credentials provider for IoT Hub that mints a fresh SAS token from the device key on every CONNECT
/// (MQTTnet asks the provider each time it connects). MQTT 3.1.1 cannot re-authenticate inside a connection, and a
/// reconnect reuses the client options: with a fixed password (<c>WithCredentials(user, token)</c>, AZIOT103) every
/// reconnect after the token's expiry fails, and the hub closes the connection at expiry (401003, then 404104).
/// Pair it with <see cref="IotHubMqttTokenRenewal"/> to reconnect before the token expires.
/// </summary>
/// <remarks>
/// User name: <c>{host}/{deviceId}[/{moduleId}]/?api-version=2021-04-12</c>. Password:
/// <c>SharedAccessSignature sr={resource}&amp;sig={signature}&amp;se={expiry}</c> with resource
/// <c>{host}/devices/{deviceId}[/modules/{moduleId}]</c> (or the host and <c>skn</c> for a shared access policy key).
/// Each token's expiry is later than the previous one's, so every CONNECT carries a new token. Thread-safe.
/// </remarks>
public sealed class IotHubSasCredentialsProvider : IMqttClientCredentialsProvider
{
    /// <summary>The IoT Hub MQTT API version sent in the user name.</summary>
    public const string ApiVersion = "2021-04-12";

    /// <summary>The default token lifetime: 1 h, as the device SDKs.</summary>
    public static readonly TimeSpan DefaultTokenTimeToLive = TimeSpan.FromHours(1);

    private readonly byte[] _key;
    private readonly string? _keyName;
    private readonly string _audience;
    private readonly TimeProvider _time;
    private readonly object _gate = new object();
    private long _lastExpiry;
    private DateTimeOffset? _lastIssuedOn;
    private long _lastIssuedTimestamp;
    private TimeSpan _lastLifetime;
    private int _tokensIssued;

    /// <summary>Creates the provider for the identity of a parsed connection string with a <c>SharedAccessKey</c>.</summary>
    /// <param name="connectionString">The device or module connection string.</param>
    /// <param name="tokenTimeToLive">Lifetime of each token; default 1 h.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentException">The connection string has no SharedAccessKey (a fixed token or X.509 cannot mint tokens).</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="tokenTimeToLive"/> is shorter than 1 s, or so long that a token minted now would expire after the
    /// year 9999, a date no SAS token (and no <see cref="DateTimeOffset"/>) can state.
    /// </exception>
    public IotHubSasCredentialsProvider(IotHubConnectionString connectionString, TimeSpan? tokenTimeToLive = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (connectionString.AuthenticationKind != IotHubAuthenticationKind.SharedAccessKey || connectionString.SharedAccessKey == null)
        {
            throw new ArgumentException(
                connectionString.AuthenticationKind == IotHubAuthenticationKind.SharedAccessSignature
                    ? "The connection string holds a fixed SharedAccessSignature, which nobody can renew (AZIOT101/AZIOT103); give the device's SharedAccessKey instead."
                    : "The connection string uses X.509; this provider mints SAS tokens and needs a SharedAccessKey.",
                nameof(connectionString));
        }

        TokenTimeToLive = tokenTimeToLive ?? DefaultTokenTimeToLive;
        if (TokenTimeToLive < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(tokenTimeToLive), "The token lifetime must be at least 1 s.");
        }

        _time = timeProvider ?? TimeProvider.System;

        // Refused now rather than at the first CONNECT, where minting would throw deep inside MQTTnet. The SDK's
        // parser (SharedAccessSignature.cs, 1.42.3) cannot read an expiry past the year 9999 either.
        if (TokenTimeToLive > DateTimeOffset.MaxValue - _time.GetUtcNow() - TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(tokenTimeToLive),
                "The token lifetime is too long: a token minted now would expire after the year 9999, which no SAS token can state. "
                + "Use 1 h (the default); IoT Hub needs a reconnect to renew a token over MQTT anyway.");
        }

        _key = Convert.FromBase64String(connectionString.SharedAccessKey);
        _keyName = connectionString.SharedAccessKeyName;
        HostName = connectionString.HostName;
        DeviceId = connectionString.DeviceId;
        ModuleId = connectionString.ModuleId;

        // The SDK's rule: a policy key signs for the whole hub (with skn); a device key signs for the device.
        _audience = _keyName == null ? connectionString.ResourceUri : HostName;
        UserName = ModuleId == null
            ? HostName + "/" + DeviceId + "/?api-version=" + ApiVersion
            : HostName + "/" + DeviceId + "/" + ModuleId + "/?api-version=" + ApiVersion;
        ClientId = ModuleId == null ? DeviceId : DeviceId + "/" + ModuleId;
    }

    /// <summary>The IoT hub host name (the token audience's host, even when connecting through a gateway).</summary>
    public string HostName { get; }

    /// <summary>The device ID.</summary>
    public string DeviceId { get; }

    /// <summary>The module ID, or null.</summary>
    public string? ModuleId { get; }

    /// <summary>The MQTT client ID IoT Hub expects: <c>{deviceId}</c> or <c>{deviceId}/{moduleId}</c>.</summary>
    public string ClientId { get; }

    /// <summary>The MQTT user name: <c>{host}/{deviceId}[/{moduleId}]/?api-version=2021-04-12</c>.</summary>
    public string UserName { get; }

    /// <summary>The lifetime of each token.</summary>
    public TimeSpan TokenTimeToLive { get; }

    /// <summary>When the last token handed to MQTTnet expires; null before the first CONNECT.</summary>
    public DateTimeOffset? LastTokenExpiresOn
    {
        get
        {
            lock (_gate)
            {
                return _lastExpiry == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(_lastExpiry);
            }
        }
    }

    /// <summary>When the last token was minted; null before the first CONNECT.</summary>
    public DateTimeOffset? LastTokenIssuedOn
    {
        get
        {
            lock (_gate)
            {
                return _lastIssuedOn;
            }
        }
    }

    /// <summary>How many tokens were minted (one per CONNECT).</summary>
    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    /// <summary>The clock tokens are minted with (its monotonic timestamps schedule the renewal).</summary>
    internal TimeProvider Clock => _time;

    /// <summary>
    /// The monotonic timestamp (<see cref="TimeProvider.GetTimestamp"/>) of the last mint and that token's lifetime;
    /// false before the first CONNECT. Unlike the wall clock, the timestamp does not move when the clock is stepped.
    /// </summary>
    internal bool TryGetLastToken(out long issuedTimestamp, out TimeSpan lifetime)
    {
        lock (_gate)
        {
            issuedTimestamp = _lastIssuedTimestamp;
            lifetime = _lastLifetime;
            return _tokensIssued > 0;
        }
    }

    /// <summary>Creates the provider from a device or module connection string with a <c>SharedAccessKey</c>.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="tokenTimeToLive">Lifetime of each token; default 1 h.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentException">The connection string is malformed or has no SharedAccessKey; the message never holds a secret.</exception>
    public static IotHubSasCredentialsProvider FromConnectionString(string connectionString, TimeSpan? tokenTimeToLive = null, TimeProvider? timeProvider = null) =>
        new IotHubSasCredentialsProvider(IotHubConnectionString.Parse(connectionString), tokenTimeToLive, timeProvider);

    /// <inheritdoc />
    public string GetUserName(MqttClientOptions clientOptions) => UserName;

    /// <summary>Mints a new SAS token (called by MQTTnet on every CONNECT) and returns it UTF-8 encoded.</summary>
    /// <param name="clientOptions">The options being connected with (not used).</param>
    /// <returns>The token bytes.</returns>
    public byte[] GetPassword(MqttClientOptions clientOptions) => Encoding.UTF8.GetBytes(MintToken());

    /// <summary>Describes the provider without secrets.</summary>
    public override string ToString() =>
        "IotHubSasCredentialsProvider(" + UserName + ", token lifetime " + TokenTimeToLive + ", " + TokensIssued + " tokens issued)";

    private string MintToken()
    {
        long timestamp = _time.GetTimestamp();
        DateTimeOffset now = _time.GetUtcNow();
        long expiry;
        lock (_gate)
        {
            // Strictly increasing expiry: two CONNECTs in the same second still get different tokens.
            expiry = Math.Max((now + TokenTimeToLive).ToUnixTimeSeconds(), _lastExpiry + 1);
            _lastExpiry = expiry;
            _lastIssuedOn = now;
            _lastIssuedTimestamp = timestamp;

            // The hub measures the lifetime from se= (whole seconds, so up to 1 s shorter than the TTL); a se= pushed
            // later by the strictly-increasing rule (after a backward clock step) does not lengthen it.
            TimeSpan untilExpiry = DateTimeOffset.FromUnixTimeSeconds(expiry) - now;
            _lastLifetime = untilExpiry < TokenTimeToLive ? untilExpiry : TokenTimeToLive;
            _tokensIssued++;
        }

        return IotHubSasToken.Create(_audience, _key, DateTimeOffset.FromUnixTimeSeconds(expiry), _keyName);
    }
}
