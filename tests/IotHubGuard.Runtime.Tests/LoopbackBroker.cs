using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace IotHubGuard.Runtime.Tests;

/// <summary>A real MQTTnet broker on 127.0.0.1 and a free port that checks SAS passwords like IoT Hub does.</summary>
internal sealed class LoopbackBroker : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly MqttServer _server;
    private readonly Channel<ConnectRecord> _connects = Channel.CreateUnbounded<ConnectRecord>();
    private readonly Channel<DisconnectRecord> _disconnects = Channel.CreateUnbounded<DisconnectRecord>();

    private LoopbackBroker(MqttServer server, int port, string key)
    {
        _server = server;
        Port = port;
        Key = key;
    }

    public int Port { get; }

    /// <summary>The device key passwords must be signed with.</summary>
    public string Key { get; }

    /// <summary>Set false to refuse CONNECTs (as the hub does when it is unavailable).</summary>
    public volatile bool Accepting = true;

    public static async Task<LoopbackBroker> StartAsync(string key)
    {
        // Bind port 0 to learn a free port, then hand it to the broker (a tiny race; retried below).
        for (int attempt = 0; ; attempt++)
        {
            int port = FreePort();
            MqttServerOptions options = new MqttServerOptionsBuilder()
                .WithDefaultEndpoint()
                .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
                .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
                .WithDefaultEndpointPort(port)
                .Build();
            MqttServer server = new MqttServerFactory().CreateMqttServer(options);
            var broker = new LoopbackBroker(server, port, key);
            server.ValidatingConnectionAsync += broker.OnValidatingAsync;
            server.ClientDisconnectedAsync += broker.OnDisconnectedAsync;
            try
            {
                await server.StartAsync();
                return broker;
            }
            catch (SocketException) when (attempt < 3)
            {
                server.Dispose();
            }
        }
    }

    public async Task<ConnectRecord> NextConnectAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Wait);
        return await _connects.Reader.ReadAsync(cts.Token);
    }

    public async Task<DisconnectRecord> NextDisconnectAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Wait);
        return await _disconnects.Reader.ReadAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }
        finally
        {
            _server.Dispose();
        }
    }

    private Task OnValidatingAsync(ValidatingConnectionEventArgs e)
    {
        string password = e.Password ?? string.Empty;
        bool valid = Accepting && password.StartsWith("SharedAccessSignature ", StringComparison.Ordinal) && TestSecrets.Verifies(password, Key);
        e.ReasonCode = valid ? MqttConnectReasonCode.Success : MqttConnectReasonCode.BadUserNameOrPassword;
        _connects.Writer.TryWrite(new ConnectRecord(e.ClientId, e.UserName, password, e.ProtocolVersion, e.KeepAlivePeriod, valid, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }

    private Task OnDisconnectedAsync(ClientDisconnectedEventArgs e)
    {
        _disconnects.Writer.TryWrite(new DisconnectRecord(e.ClientId, e.DisconnectType, DateTimeOffset.UtcNow));
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

internal sealed record ConnectRecord(
    string ClientId, string UserName, string Password, MqttProtocolVersion ProtocolVersion, ushort? KeepAlive, bool Accepted, DateTimeOffset At)
{
    public DateTimeOffset TokenExpiresOn => DateTimeOffset.FromUnixTimeSeconds(long.Parse(TestSecrets.Fields(Password)["se"]));
}

internal sealed record DisconnectRecord(string ClientId, MqttClientDisconnectType Type, DateTimeOffset At);
