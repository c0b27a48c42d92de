using System;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Runtime.Hosting;
using IotHubGuard.Runtime.Mqtt;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Server;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

/// <summary>Unit tests of the MQTTnet helpers (no network).</summary>
public class MqttOptionsTests
{
    private static readonly string Key = TestSecrets.NewKey();

    [Fact]
    public void Options_from_a_connection_string_are_what_IoT_Hub_expects()
    {
        MqttClientOptions options = IotHubMqttClientOptions.Create(TestSecrets.KeyConnectionString(Key));
        var tcp = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions);
        var endpoint = Assert.IsType<DnsEndPoint>(tcp.RemoteEndpoint);
        Assert.Equal(TestSecrets.Host, endpoint.Host);
        Assert.Equal(8883, endpoint.Port);
        Assert.True(tcp.TlsOptions.UseTls);
        Assert.Equal(TestSecrets.Host, tcp.TlsOptions.TargetHost);
        Assert.Equal(MqttProtocolVersion.V311, options.ProtocolVersion);
        Assert.Equal(TestSecrets.Device, options.ClientId);
        Assert.Equal(TimeSpan.FromSeconds(300), options.KeepAlivePeriod);
        Assert.False(options.CleanSession);
        var credentials = Assert.IsType<IotHubSasCredentialsProvider>(options.Credentials);
        Assert.Equal($"{TestSecrets.Host}/{TestSecrets.Device}/?api-version=2021-04-12", credentials.GetUserName(options));
        Assert.Equal(TimeSpan.FromHours(1), credentials.TokenTimeToLive);
    }

    [Fact]
    public void Port_tls_server_and_keep_alive_are_overridable()
    {
        MqttClientOptions options = IotHubMqttClientOptions.Create(TestSecrets.KeyConnectionString(Key), s =>
        {
            s.Server = "127.0.0.1";
            s.Port = 18883;
            s.UseTls = false;
            s.KeepAlive = TimeSpan.FromSeconds(60);
            s.CleanSession = true;
        });
        var tcp = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions);
        var endpoint = Assert.IsType<DnsEndPoint>(tcp.RemoteEndpoint);
        Assert.Equal(("127.0.0.1", 18883), (endpoint.Host, endpoint.Port));
        Assert.False(tcp.TlsOptions.UseTls);
        Assert.Equal(TimeSpan.FromSeconds(60), options.KeepAlivePeriod);
        Assert.True(options.CleanSession);
        // The user name still names the hub, not the TCP endpoint.
        Assert.StartsWith(TestSecrets.Host + "/", options.Credentials.GetUserName(options));
    }

    [Fact]
    public void Module_and_gateway_connection_strings()
    {
        MqttClientOptions options = IotHubMqttClientOptions.Create(
            $"HostName={TestSecrets.Host};DeviceId=edge-1;ModuleId=filter;GatewayHostName=edge.local;SharedAccessKey={Key}");
        var endpoint = Assert.IsType<DnsEndPoint>(((MqttClientTcpOptions)options.ChannelOptions).RemoteEndpoint);
        Assert.Equal("edge.local", endpoint.Host);
        Assert.Equal("edge-1/filter", options.ClientId);
        Assert.Equal($"{TestSecrets.Host}/edge-1/filter/?api-version=2021-04-12", options.Credentials.GetUserName(options));
        string token = Encoding.UTF8.GetString(options.Credentials.GetPassword(options));
        Assert.Equal(Uri.EscapeDataString($"{TestSecrets.Host}/devices/edge-1/modules/filter"), TestSecrets.Fields(token)["sr"]);
        Assert.True(TestSecrets.Verifies(token, Key));
    }

    [Fact]
    public void Policy_key_tokens_sign_for_the_hub_with_skn()
    {
        var provider = IotHubSasCredentialsProvider.FromConnectionString(
            $"HostName={TestSecrets.Host};DeviceId=dev;SharedAccessKeyName=device;SharedAccessKey={Key}");
        string token = Encoding.UTF8.GetString(provider.GetPassword(new MqttClientOptions()));
        var fields = TestSecrets.Fields(token);
        Assert.Equal(Uri.EscapeDataString(TestSecrets.Host), fields["sr"]);
        Assert.Equal("device", fields["skn"]);
        Assert.True(TestSecrets.Verifies(token, Key));
    }

    [Fact]
    public void Every_password_is_a_new_token_with_a_later_expiry()
    {
        var clock = new ManualClock(TestSecrets.Now);
        var provider = IotHubSasCredentialsProvider.FromConnectionString(TestSecrets.KeyConnectionString(Key), TimeSpan.FromMinutes(30), clock);
        Assert.Null(provider.LastTokenExpiresOn);
        string first = Encoding.UTF8.GetString(provider.GetPassword(new MqttClientOptions()));
        string second = Encoding.UTF8.GetString(provider.GetPassword(new MqttClientOptions())); // same second
        Assert.NotEqual(first, second);
        Assert.Equal(TestSecrets.Now.AddMinutes(30).ToUnixTimeSeconds(), long.Parse(TestSecrets.Fields(first)["se"]));
        Assert.Equal(TestSecrets.Now.AddMinutes(30).ToUnixTimeSeconds() + 1, long.Parse(TestSecrets.Fields(second)["se"]));
        clock.Now = TestSecrets.Now.AddHours(2);
        string third = Encoding.UTF8.GetString(provider.GetPassword(new MqttClientOptions()));
        Assert.Equal(TestSecrets.Now.AddHours(2).AddMinutes(30), DateTimeOffset.FromUnixTimeSeconds(long.Parse(TestSecrets.Fields(third)["se"])));
        Assert.Equal(TestSecrets.Now.AddHours(2).AddMinutes(30), provider.LastTokenExpiresOn);
        Assert.Equal(TestSecrets.Now.AddHours(2), provider.LastTokenIssuedOn);
        Assert.Equal(3, provider.TokensIssued);
        Assert.All(new[] { first, second, third }, t => Assert.True(TestSecrets.Verifies(t, Key)));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(0)]
    [InlineData(1178)]
    public void Keep_alive_outside_the_hub_range_is_refused(int seconds)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            IotHubMqttClientOptions.Create(TestSecrets.KeyConnectionString(Key), s => s.KeepAlive = TimeSpan.FromSeconds(seconds)));
        Assert.Contains("10 s .. 1177 s", ex.Message);
    }

    [Fact]
    public void Fixed_token_and_x509_connection_strings_are_refused()
    {
        string token = TestSecrets.Token(Key, TestSecrets.Now.AddHours(1));
        var ex = Assert.Throws<ArgumentException>(() => IotHubMqttClientOptions.Create(TestSecrets.SasConnectionString(token)));
        Assert.Contains("fixed SharedAccessSignature", ex.Message);
        Assert.Throws<ArgumentException>(() => IotHubSasCredentialsProvider.FromConnectionString($"HostName={TestSecrets.Host};DeviceId=d;x509=true"));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            IotHubSasCredentialsProvider.FromConnectionString(TestSecrets.KeyConnectionString(Key), TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void Renewal_options_are_validated()
    {
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        var provider = IotHubSasCredentialsProvider.FromConnectionString(TestSecrets.KeyConnectionString(Key));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IotHubMqttTokenRenewal(client, provider, new IotHubMqttTokenRenewalOptions { RenewalBufferPercent = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IotHubMqttTokenRenewal(client, provider, new IotHubMqttTokenRenewalOptions { RetryDelay = TimeSpan.Zero }));
        Assert.Null(new IotHubMqttTokenRenewal(client, provider).NextRenewalDue);
    }

    internal sealed class ManualClock : TimeProvider
    {
        public ManualClock(DateTimeOffset now) => Now = now;

        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

/// <summary>The MQTTnet helpers against a real MQTTnet broker on loopback.</summary>
public class MqttBrokerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static MqttClientOptions Options(LoopbackBroker broker, TimeSpan? ttl = null) =>
        IotHubMqttClientOptions.Create(TestSecrets.KeyConnectionString(broker.Key), s =>
        {
            s.Server = "127.0.0.1";
            s.Port = broker.Port;
            s.UseTls = false;
            s.TokenTimeToLive = ttl ?? TimeSpan.FromHours(1);
        });

    private static async Task<IMqttClient> ConnectAsync(MqttClientOptions options)
    {
        IMqttClient client = new MqttClientFactory().CreateMqttClient();
        using var cts = new CancellationTokenSource(Limit);
        await client.ConnectAsync(options, cts.Token);
        return client;
    }

    [Fact(Timeout = 30000)]
    public async Task Provider_credentials_reach_the_broker_and_verify_against_the_key()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        using IMqttClient client = await ConnectAsync(Options(broker));

        ConnectRecord connect = await broker.NextConnectAsync();
        Assert.True(connect.Accepted);
        Assert.Equal(TestSecrets.Device, connect.ClientId);
        Assert.Equal($"{TestSecrets.Host}/{TestSecrets.Device}/?api-version=2021-04-12", connect.UserName);
        Assert.Equal(MqttProtocolVersion.V311, connect.ProtocolVersion);
        Assert.Equal((ushort)300, connect.KeepAlive);
        Assert.True(TestSecrets.Verifies(connect.Password, broker.Key));
        Assert.InRange(connect.TokenExpiresOn - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));

        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    [Fact(Timeout = 30000)]
    public async Task Broker_refuses_a_token_signed_with_another_key()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        MqttClientOptions options = IotHubMqttClientOptions.Create(TestSecrets.KeyConnectionString(TestSecrets.NewKey()), s =>
        {
            s.Server = "127.0.0.1";
            s.Port = broker.Port;
            s.UseTls = false;
        });
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        using var cts = new CancellationTokenSource(Limit);
        MqttClientConnectResult result = await client.ConnectAsync(options, cts.Token); // MQTTnet 5 reports, not throws
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        Assert.False(client.IsConnected);
        Assert.False((await broker.NextConnectAsync()).Accepted);
    }

    [Fact(Timeout = 30000)]
    public async Task A_reconnect_carries_a_new_token()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        using IMqttClient client = await ConnectAsync(Options(broker));
        ConnectRecord first = await broker.NextConnectAsync();

        await client.DisconnectAsync(new MqttClientDisconnectOptions());
        Assert.Equal(MqttClientDisconnectType.Clean, (await broker.NextDisconnectAsync()).Type);
        await client.ReconnectAsync(new CancellationTokenSource(Limit).Token); // MQTTnet reuses the same options

        ConnectRecord second = await broker.NextConnectAsync();
        Assert.True(second.Accepted);
        Assert.NotEqual(first.Password, second.Password);
        Assert.True(second.TokenExpiresOn > first.TokenExpiresOn);
        Assert.True(TestSecrets.Verifies(second.Password, broker.Key));
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    [Fact(Timeout = 30000)]
    public async Task Renewal_disconnects_cleanly_and_reconnects_before_a_short_expiry()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        MqttClientOptions options = Options(broker, TimeSpan.FromSeconds(4));
        using IMqttClient client = await ConnectAsync(options);
        ConnectRecord first = await broker.NextConnectAsync();

        var renewed = new TaskCompletionSource<IotHubMqttTokenRenewedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var renewal = new IotHubMqttTokenRenewal(client, (IotHubSasCredentialsProvider)options.Credentials,
            new IotHubMqttTokenRenewalOptions { RenewalBufferPercent = 50 });
        renewal.Renewed += (_, e) => renewed.TrySetResult(e);
        Assert.Equal(first.TokenExpiresOn, ((IotHubSasCredentialsProvider)options.Credentials).LastTokenExpiresOn);
        renewal.Start();

        DisconnectRecord disconnect = await broker.NextDisconnectAsync();
        Assert.Equal(MqttClientDisconnectType.Clean, disconnect.Type); // an MQTT DISCONNECT, not a dropped socket
        ConnectRecord second = await broker.NextConnectAsync();
        Assert.True(second.Accepted);
        Assert.True(second.At < first.TokenExpiresOn, "reconnected only after the first token expired");
        Assert.True(second.TokenExpiresOn > first.TokenExpiresOn);
        Assert.NotEqual(first.Password, second.Password);

        IotHubMqttTokenRenewedEventArgs args = await renewed.Task.WaitAsync(Limit);
        Assert.Equal(first.TokenExpiresOn, args.PreviousTokenExpiresOn);
        Assert.Equal(second.TokenExpiresOn, args.NewTokenExpiresOn);
        Assert.True(client.IsConnected);
        Assert.True(renewal.RenewalCount >= 1);

        await renewal.StopAsync().WaitAsync(Limit);
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    [Fact(Timeout = 30000)]
    public async Task Renewal_retries_when_the_hub_refuses_and_recovers()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        MqttClientOptions options = Options(broker);
        using IMqttClient client = await ConnectAsync(options);
        await broker.NextConnectAsync();

        var failures = new ConcurrentQueue<IotHubMqttTokenRenewalFailedEventArgs>();
        var renewed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var renewal = new IotHubMqttTokenRenewal(client, (IotHubSasCredentialsProvider)options.Credentials,
            new IotHubMqttTokenRenewalOptions { RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromMilliseconds(400) });
        renewal.RenewalFailed += (_, e) => failures.Enqueue(e);
        renewal.Renewed += (_, _) => renewed.TrySetResult();
        renewal.Start();

        broker.Accepting = false;
        var refused = await Assert.ThrowsAsync<IotHubMqttConnectException>(() => renewal.RenewNowAsync(new CancellationTokenSource(Limit).Token));
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, refused.ResultCode);
        Assert.False(client.IsConnected);
        Assert.Equal(MqttClientDisconnectType.Clean, (await broker.NextDisconnectAsync()).Type);

        // The loop keeps trying the pending reconnect with back-off until the hub accepts again.
        DateTime deadline = DateTime.UtcNow + Limit;
        while (failures.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.False(failures.IsEmpty);

        broker.Accepting = true;
        await renewed.Task.WaitAsync(Limit);
        Assert.True(client.IsConnected);
        Assert.InRange(failures.Count, 1, 100);
        Assert.All(failures, f => Assert.IsType<IotHubMqttConnectException>(f.Exception));
        Assert.All(failures, f => Assert.InRange(f.RetryIn, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)));
        await renewal.StopAsync().WaitAsync(Limit);
        await client.DisconnectAsync(new MqttClientDisconnectOptions());
    }

    [Fact(Timeout = 30000)]
    public async Task Graceful_host_shutdown_sends_DISCONNECT()
    {
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        MqttClientOptions options = Options(broker);
        using IMqttClient client = new MqttClientFactory().CreateMqttClient();
        var logs = new CapturingLoggerProvider();
        using IHost host = HostingTests.BuildHost(logs, services =>
            services.AddIotHubGuardCloseOnShutdown(ct => client.DisconnectAsync(new MqttClientDisconnectOptions(), ct)));

        await host.StartAsync().WaitAsync(Limit);
        await client.ConnectAsync(options, new CancellationTokenSource(Limit).Token);
        await broker.NextConnectAsync();

        await host.StopAsync().WaitAsync(Limit); // what SIGTERM / Ctrl+C trigger
        DisconnectRecord disconnect = await broker.NextDisconnectAsync();
        Assert.Equal(TestSecrets.Device, disconnect.ClientId);
        Assert.Equal(MqttClientDisconnectType.Clean, disconnect.Type);
        Assert.False(client.IsConnected);
    }

    [Fact(Timeout = 30000)]
    public async Task Control_dispose_without_disconnect_is_seen_as_a_dropped_connection()
    {
        // Shows that the broker tells the two apart, so the Clean assertions above mean something.
        await using LoopbackBroker broker = await LoopbackBroker.StartAsync(TestSecrets.NewKey());
        IMqttClient client = await ConnectAsync(Options(broker));
        await broker.NextConnectAsync();
        client.Dispose();
        Assert.Equal(MqttClientDisconnectType.NotClean, (await broker.NextDisconnectAsync()).Type);
    }
}
