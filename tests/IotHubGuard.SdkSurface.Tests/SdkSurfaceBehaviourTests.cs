namespace IotHubGuard.SdkSurface.Tests;

/// <summary>What the stand-in's bodies do, exercised through the public API as device code would.</summary>
public class SdkSurfaceBehaviourTests
{
    private const string Usings = """
        using System;
        using System.Linq;
        using System.Reflection;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;
        using Microsoft.Azure.Devices.Client.Exceptions;
        using Microsoft.Azure.Devices.Client.Transport.Mqtt;
        using Microsoft.Azure.Devices.Shared;

        """;

    private const string KeyConnectionString =
        "HostName=acme.azure-devices.net;DeviceId=dev-1;SharedAccessKey=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static string Probe(string body) => Usings + "public static class Probe { public static object Run() { " + body + " } }";

    private static string Outcome(string expression) =>
        Probe("try { " + expression + "; return \"ok\"; } catch (Exception ex) { return ex.GetType().Name; }");

    [Fact]
    public void NetworkOperations_ThrowTheNoIoNotSupportedException()
    {
        object? result = SurfaceHarness.Run(Probe($$"""
            var client = DeviceClient.CreateFromConnectionString("{{KeyConnectionString}}", TransportType.Mqtt);
            try { client.OpenAsync().GetAwaiter().GetResult(); return "opened"; }
            catch (NotSupportedException ex) { return ex.Message; }
            """));

        Assert.Equal("IotHubGuard SDK surface stand-in: no I/O.", result);
    }

    [Fact]
    public void CloseDisposeHandlerAndRetry_AreHarmless_AndOperationsAfterDisposeThrowObjectDisposed()
    {
        object? result = SurfaceHarness.Run(Probe($$"""
            var client = DeviceClient.CreateFromConnectionString("{{KeyConnectionString}}", TransportType.Mqtt_Tcp_Only);
            client.SetConnectionStatusChangesHandler((s, r) => { });
            client.SetRetryPolicy(new NoRetry());
            client.CloseAsync().GetAwaiter().GetResult();
            client.CloseAsync(CancellationToken.None).GetAwaiter().GetResult();
            client.DisposeAsync().AsTask().GetAwaiter().GetResult();
            client.Dispose();
            try { client.SendEventAsync(new Message()); return "sent"; }
            catch (ObjectDisposedException) { return "disposed"; }
            """));

        Assert.Equal("disposed", result);
    }

    [Fact]
    public void StandInState_RecordsWhatTheAppDid()
    {
        object? result = SurfaceHarness.Run(Probe($$"""
            var client = DeviceClient.CreateFromConnectionString("{{KeyConnectionString}}", TransportType.Mqtt);
            string seen = null;
            client.SetConnectionStatusChangesHandler((s, r) => seen = s + "/" + r);
            client.CloseAsync().GetAwaiter().GetResult();
            object core = typeof(DeviceClient).GetProperty("StandIn", BindingFlags.NonPublic | BindingFlags.Instance).GetValue(client);
            T Read<T>(string name) => (T)core.GetType().GetProperty(name, BindingFlags.NonPublic | BindingFlags.Instance).GetValue(core);
            core.GetType().GetMethod("RaiseConnectionStatusChange", BindingFlags.NonPublic | BindingFlags.Instance)
                .Invoke(core, new object[] { ConnectionStatus.Disabled, ConnectionStatusChangeReason.Client_Close });
            var settings = Read<ITransportSettings[]>("TransportSettings");
            return string.Join(";",
                seen,
                Read<int>("CloseCount"),
                Read<IRetryPolicy>("RetryPolicy").GetType().Name,
                string.Join(",", settings.Select(t => t.GetTransportType())),
                Read<IAuthenticationMethod>("AuthenticationMethod").GetType().Name,
                Read<TimeSpan?>("SdkRenewedSasTimeToLive"),
                Read<int?>("SdkRenewedSasRenewalBuffer"));
            """));

        Assert.Equal(
            "Disabled/Client_Close;1;ExponentialBackoff;Mqtt_Tcp_Only,Mqtt_WebSocket_Only;DeviceAuthenticationWithRegistrySymmetricKey;01:00:00;15",
            result);
    }

    [Theory]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;ModuleId=m;SharedAccessKey=AAAA\")", "ArgumentException")]
    [InlineData("ModuleClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;SharedAccessKey=AAAA\")", "ArgumentException")]
    [InlineData("ModuleClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;ModuleId=m;SharedAccessKey=AAAA\")", "ok")]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d\")", "ArgumentException")]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;SharedAccessSignature=SharedAccessSignature sr=acme.azure-devices.net%2Fdevices%2Fd&sig=abc&se=1000\")", "UnauthorizedAccessException")]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;SharedAccessSignature=SharedAccessSignature sr=acme.azure-devices.net%2Fdevices%2Fd&sig=abc&se=99999999999\")", "ok")]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;SharedAccessKey=AAAA\", \"d2\")", "ArgumentException")]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;SharedAccessKey=AAAA\", \"d2\")", "ok")]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;SharedAccessKey=AAAA\", new ITransportSettings[0])", "ArgumentOutOfRangeException")]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;SharedAccessKey=AAAA\", TransportType.Http1, new ClientOptions { ModelId = \"dtmi:x;1\" })", "InvalidOperationException")]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;SharedAccessKey=AAAA\", new ClientOptions { SasTokenRenewalBuffer = 101 })", "ArgumentOutOfRangeException")]
    [InlineData("DeviceClient.CreateFromConnectionString(\"HostName=acme.azure-devices.net;DeviceId=d;SharedAccessKey=AAAA\", new ClientOptions { SasTokenTimeToLive = TimeSpan.FromSeconds(-1) })", "ArgumentOutOfRangeException")]
    [InlineData("DeviceClient.Create(\"acme.azure-devices.net\", new DeviceAuthenticationWithX509Certificate(\"d\", null))", "ArgumentException")]
    [InlineData("DeviceClient.Create(\"acme.azure-devices.net\", new DeviceAuthenticationWithToken(\"d\", \"SharedAccessSignature sr=a&sig=b&se=99999999999\"), TransportType.Amqp_Tcp_Only)", "ok")]
    [InlineData("new ExponentialBackoff(-1, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero)", "ArgumentOutOfRangeException")]
    [InlineData("new ExponentialBackoff(1, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.Zero)", "ArgumentOutOfRangeException")]
    [InlineData("new AmqpTransportSettings(TransportType.Amqp)", "ArgumentOutOfRangeException")]
    [InlineData("new AmqpTransportSettings(TransportType.Amqp_Tcp_Only, 0)", "ArgumentOutOfRangeException")]
    [InlineData("new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { OperationTimeout = TimeSpan.Zero }", "ArgumentOutOfRangeException")]
    [InlineData("new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = 0 }", "ok")]
    [InlineData("new DeviceAuthenticationWithToken(\"d\", \"not-a-sas\")", "ArgumentException")]
    [InlineData("new DeviceAuthenticationWithRegistrySymmetricKey(\"d\", \"not base64!\")", "ArgumentException")]
    [InlineData("new SharedAccessSignatureBuilder { Key = \"not base64!\" }", "ArgumentException")]
    [InlineData("new AmqpConnectionPoolSettings { MaxPoolSize = 0 }", "ArgumentOutOfRangeException")]
    public void Validation_FollowsTheSdk(string expression, string expected)
    {
        Assert.Equal(expected, SurfaceHarness.Run(Outcome(expression)));
    }

    [Theory]
    [InlineData(-1, 15, "ArgumentOutOfRangeException")]
    [InlineData(3600, -1, "ArgumentOutOfRangeException")]
    [InlineData(3600, 101, "ArgumentOutOfRangeException")]
    [InlineData(0, 0, "ok")]
    public void AuthenticationWithTokenRefresh_ValidatesTtlAndBuffer(int ttl, int buffer, string expected)
    {
        string code = Usings + $$"""
            public sealed class Refresh : AuthenticationWithTokenRefresh
            {
                public Refresh(int ttl, int buffer) : base(ttl, buffer) { }
                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) => Task.FromResult("");
            }

            public static class Probe
            {
                public static object Run()
                {
                    try { new Refresh({{ttl}}, {{buffer}}); return "ok"; }
                    catch (Exception ex) { return ex.GetType().Name; }
                }
            }
            """;

        Assert.Equal(expected, SurfaceHarness.Run(code));
    }

    [Fact]
    public void DeviceAuthenticationWithTokenRefresh_RenewsThroughSafeCreateNewToken()
    {
        string code = Usings + """
            public sealed class Refresh : DeviceAuthenticationWithTokenRefresh
            {
                public int Calls;
                public Refresh() : base("dev-1", 0, 0) { }
                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                {
                    Calls++;
                    long se = DateTimeOffset.UtcNow.AddSeconds(suggestedTimeToLive).ToUnixTimeSeconds();
                    return Task.FromResult($"SharedAccessSignature sr={iotHub}&sig=x&se={se}");
                }
            }

            public static class Probe
            {
                public static object Run()
                {
                    var auth = new Refresh();
                    bool expiringBefore = auth.IsExpiring;
                    string first = auth.GetTokenAsync("acme").GetAwaiter().GetResult();
                    string second = auth.GetTokenAsync("acme").GetAwaiter().GetResult();
                    double ttlMinutes = Math.Round((auth.ExpiresOn - DateTime.UtcNow).TotalMinutes);
                    double bufferMinutes = Math.Round((auth.ExpiresOn - auth.RefreshesOn).TotalMinutes);
                    return $"{expiringBefore} {auth.IsExpiring} {auth.Calls} {first == second} {ttlMinutes} {bufferMinutes} {auth.DeviceId}";
                }
            }
            """;

        Assert.Equal("True False 1 True 60 9 dev-1", SurfaceHarness.Run(code));
    }

    [Fact]
    public void IotHubConnectionStringBuilder_ParsesKeysCaseInsensitively_AndPicksTheAuthLikeTheSdk()
    {
        object? result = SurfaceHarness.Run(Probe("""
            var key = IotHubConnectionStringBuilder.Create("hostname=acme.azure-devices.net;DEVICEID=dev-1;sharedaccesskey=AAAA;GatewayHostName=edge");
            var policy = IotHubConnectionStringBuilder.Create("HostName=acme.azure-devices.net;DeviceId=dev-1;SharedAccessKeyName=owner;SharedAccessKey=AAAA");
            var sas = IotHubConnectionStringBuilder.Create("HostName=acme.azure-devices.net;DeviceId=dev-1;ModuleId=m;SharedAccessSignature=SharedAccessSignature sr=a&sig=b&se=99999999999");
            var x509 = IotHubConnectionStringBuilder.Create("HostName=acme.azure-devices.net;DeviceId=dev-1;x509=true");
            return string.Join("|",
                key.HostName, key.DeviceId, key.SharedAccessKey, key.GatewayHostName, key.AuthenticationMethod.GetType().Name,
                policy.AuthenticationMethod.GetType().Name,
                sas.AuthenticationMethod.GetType().Name + ":" + sas.ModuleId,
                x509.UsingX509Cert + ":" + x509.AuthenticationMethod.GetType().Name);
            """));

        Assert.Equal(
            "acme.azure-devices.net|dev-1|AAAA|edge|DeviceAuthenticationWithRegistrySymmetricKey|DeviceAuthenticationWithSharedAccessPolicyKey|ModuleAuthenticationWithToken:m|True:DeviceAuthenticationWithX509Certificate",
            result);
    }

    [Fact]
    public void SharedAccessSignatureBuilder_BuildsAFixedTokenThatTheClientAccepts()
    {
        object? result = SurfaceHarness.Run(Probe("""
            var token = new SharedAccessSignatureBuilder { Key = "AAAA", Target = "acme.azure-devices.net/devices/dev-1" }.ToSignature();
            var auth = new DeviceAuthenticationWithToken("dev-1", token);
            using var client = DeviceClient.Create("acme.azure-devices.net", auth, TransportType.Mqtt);
            return token.StartsWith("SharedAccessSignature sr=acme.azure-devices.net%2Fdevices%2Fdev-1&sig=") && token.Contains("&se=") && auth.Token == token;
            """));

        Assert.Equal(true, result);
    }

    [Fact]
    public void ExponentialBackoff_RetriesUpToTheCount_WithinMinAndMax()
    {
        object? result = SurfaceHarness.Run(Probe("""
            var policy = new ExponentialBackoff(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));
            bool r0 = policy.ShouldRetry(0, null, out TimeSpan d0);
            bool r2 = policy.ShouldRetry(2, null, out TimeSpan d2);
            bool r3 = policy.ShouldRetry(3, null, out TimeSpan d3);
            bool none = new NoRetry().ShouldRetry(0, null, out TimeSpan dn);
            return $"{r0} {d0.TotalMilliseconds} {r2} {d2 >= TimeSpan.FromMilliseconds(340) && d2 <= TimeSpan.FromMilliseconds(460)} {r3} {d3} {none} {dn}";
            """));

        Assert.Equal("True 100 True True False 00:00:00 False 00:00:00", result);
    }

    [Fact]
    public void ModuleClient_CreateFromEnvironmentAsync_ReportsTheMissingEdgeVariable()
    {
        // Runs in the test process: make sure the variables it looks at are absent.
        foreach (string name in new[] { "EdgeHubConnectionString", "IotHubConnectionString", "IOTEDGE_WORKLOADURI" })
        {
            Assert.Null(System.Environment.GetEnvironmentVariable(name));
        }

        object? result = SurfaceHarness.Run(Probe("""
            Task<ModuleClient> task = ModuleClient.CreateFromEnvironmentAsync(TransportType.Mqtt);
            try { task.GetAwaiter().GetResult(); return "created"; }
            catch (InvalidOperationException ex) { return ex.Message; }
            """));

        Assert.Equal("Environment variable IOTEDGE_WORKLOADURI is required.", result);
    }

    [Fact]
    public void TwinCollection_ReadsAndWritesJson()
    {
        object? result = SurfaceHarness.Run(Probe("""
            var desired = new TwinCollection("{\"targetTemperature\":21,\"nested\":{\"a\":true},\"$version\":7}", "{\"$lastUpdated\":\"2024-03-28T10:00:00Z\",\"$lastUpdatedVersion\":7}");
            var reported = new TwinCollection();
            reported["currentTemperature"] = 20.5;
            reported["serial"] = "abc";
            long t = desired["targetTemperature"];
            return $"{desired.Version} {desired.Count} {t} {desired.Contains("nested")} {desired.GetLastUpdatedVersion()} {desired.GetLastUpdated():yyyy-MM-dd} {reported.ToJson()}";
            """));

        Assert.Equal("7 2 21 True 7 2024-03-28 {\"currentTemperature\":20.5,\"serial\":\"abc\"}", result);
    }
}
