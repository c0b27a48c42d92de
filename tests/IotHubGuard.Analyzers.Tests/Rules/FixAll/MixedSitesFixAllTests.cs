using IotHubGuard.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

// The lifetime analyzers may be merged into one type: these aliases are the only place the tests name them.
using CloseVerify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer,
    IotHubGuard.CodeFixes.DisposedWithoutCloseFixer>;
using DisconnectVerify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.ConnectionLifetimeAnalyzer,
    IotHubGuard.CodeFixes.MqttDisposedWithoutDisconnectFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.FixAll;

/// <summary>
/// Fix All applies the best fix of every site, whatever the site that started it offered: a first site without a fix
/// (a literal token) or with another fix kind no longer stops the others (issue 12, "Fix All silently does nothing").
/// </summary>
public class MixedSitesFixAllTests
{
    private const string TokenSource = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        interface ITokenService
        {
            Task<string> GetSasAsync(string deviceId);
        }

        class Device
        {
            private readonly ITokenService _tokens;

            public Device(ITokenService tokens) => _tokens = tokens;

            DeviceClient Literal(string host)
                => DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken("d1", "SharedAccessSignature sr=a&sig=b&se=1")|});

            DeviceClient Signed(string host, string deviceId, string deviceKey)
            {
                var token = new SharedAccessSignatureBuilder { Key = deviceKey, Target = $"{host}/devices/{deviceId}" }.ToSignature();
                return DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, token)|});
            }

            async Task<DeviceClient> FromServiceAsync(string host, string deviceId)
            {
                var token = await _tokens.GetSasAsync(deviceId);
                return DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, token)|});
            }
        }
        """;

    private const string TokenFixed = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Azure.Devices.Client;

        interface ITokenService
        {
            Task<string> GetSasAsync(string deviceId);
        }

        class Device
        {
            private readonly ITokenService _tokens;

            public Device(ITokenService tokens) => _tokens = tokens;

            DeviceClient Literal(string host)
                => DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken("d1", "SharedAccessSignature sr=a&sig=b&se=1")|});

            DeviceClient Signed(string host, string deviceId, string deviceKey)
            {
                return DeviceClient.Create(host, new DeviceAuthenticationWithRegistrySymmetricKey(deviceId, deviceKey));
            }

            async Task<DeviceClient> FromServiceAsync(string host, string deviceId)
            {
                return DeviceClient.Create(host, new TokenServiceTokenRefresh(deviceId, this));
            }

            /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
            private sealed class TokenServiceTokenRefresh : DeviceAuthenticationWithTokenRefresh
            {
                private readonly Device _owner;

                public TokenServiceTokenRefresh(string deviceId, Device owner)
                    : base(deviceId)
                {
                    _owner = owner;
                }

                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                {
                    return _owner._tokens.GetSasAsync(DeviceId);
                }
            }
        }
        """;

    [Theory]
    [InlineData(null, FixAllScope.Project, false)]
    [InlineData(EquivalenceKeys.UseKeyBasedAuthentication, FixAllScope.Project, false)]
    [InlineData(EquivalenceKeys.GenerateTokenRefresh, FixAllScope.Solution, true)]
    [InlineData(EquivalenceKeys.GenerateTokenRefresh, FixAllScope.Document, false)]
    public async Task Aziot101_LiteralFirst_TwoFixKinds_OnePassFixesBoth_WhateverStartedIt(string? startedFrom, FixAllScope scope, bool reversed)
    {
        // dotnet format starts Fix All with the key of whichever diagnostic it picks first, or with none when that site
        // has no fix (the literal token): the result is the same, and only the literal token is left.
        var result = await CommandLineFixAll.RunAsync(
            new FixedSasTokenAnalyzer(), new FixedSasTokenFixer(), new[] { Unmarked(TokenSource) }, startedFrom, scope, reversed);

        Assert.Empty(result.Errors);
        Assert.Equal(Unmarked(TokenFixed).ReplaceLineEndings(), result.Texts[0].ReplaceLineEndings());
        var left = Assert.Single(result.Remaining);
        Assert.Contains("\"d1\"", left.Location.SourceTree!.GetText().ToString(left.Location.SourceSpan), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aziot301_FixAllStartedFromClamp_ClampsWhereOffered_StartedFromNothing_Uses300()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;
            using Microsoft.Azure.Devices.Client;

            static class Settings
            {
                static ITransportSettings[] Transport() => new ITransportSettings[]
                {
                    new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = 3600 },   // one hour
                    new MqttTransportSettings(TransportType.Mqtt_WebSocket_Only) { KeepAliveInSeconds = 1800 },
                };
            }
            """;

        var best = await CommandLineFixAll.RunAsync(new MqttKeepAliveTooLongAnalyzer(), new MqttKeepAliveTooLongFixer(), new[] { source }, null);
        var clamped = await CommandLineFixAll.RunAsync(new MqttKeepAliveTooLongAnalyzer(), new MqttKeepAliveTooLongFixer(), new[] { source }, EquivalenceKeys.ClampKeepAlive);

        Assert.Contains("{ KeepAliveInSeconds = 300 },   // one hour", best.Texts[0], System.StringComparison.Ordinal);
        Assert.Contains("{ KeepAliveInSeconds = 300 },\n", best.Texts[0].ReplaceLineEndings("\n"), System.StringComparison.Ordinal);
        Assert.Equal(2, clamped.Texts[0].Split("KeepAliveInSeconds = 1177").Length - 1);
        Assert.Empty(best.Remaining);
        Assert.Empty(clamped.Remaining);
    }

    private static string Unmarked(string source)
        => System.Text.RegularExpressions.Regex.Replace(source, @"\{\|AZIOT\d+:(.*?)\|\}", "$1");

    [Fact]
    public async Task Aziot201_AwaitUsingAndCloseBeforeDispose_InOneDocument_BothApplied()
    {
        await new CloseVerify.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Microsoft.Azure.Devices.Client;

                class Device
                {
                    async Task SendAsync(string cs, Message message)
                    {
                        var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                        await client.SendEventAsync(message);
                        {|AZIOT201:client.Dispose()|};
                    }

                    async Task SendAgainAsync(string cs, Message message)
                    {
                        {|AZIOT201:using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);|}
                        await client.SendEventAsync(message);
                    }
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;
                using Microsoft.Azure.Devices.Client;

                class Device
                {
                    async Task SendAsync(string cs, Message message)
                    {
                        var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                        await client.SendEventAsync(message);
                        await client.CloseAsync();
                        client.Dispose();
                    }

                    async Task SendAgainAsync(string cs, Message message)
                    {
                        await using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                        await client.SendEventAsync(message);
                    }
                }
                """,
        }.RunAsync();
    }

    [Fact]
    public async Task Aziot204_TopLevelDispose_DisconnectsFirst()
    {
        var test = new DisconnectVerify.Test(Libraries.MqttNet)
        {
            TestCode = """
                using MQTTnet;

                var options = new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build();
                var mqtt = new MqttClientFactory().CreateMqttClient();
                await mqtt.ConnectAsync(options);
                // done
                {|AZIOT204:mqtt.Dispose()|};
                """,
            FixedCode = """
                using MQTTnet;

                var options = new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build();
                var mqtt = new MqttClientFactory().CreateMqttClient();
                await mqtt.ConnectAsync(options);

                if (mqtt.IsConnected)
                {
                    await mqtt.DisconnectAsync();
                }
                // done
                mqtt.Dispose();
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public async Task Aziot204_TopLevelUsingDeclaration_DisconnectsInFinally()
    {
        var test = new DisconnectVerify.Test(Libraries.MqttNet)
        {
            TestCode = """
                using MQTTnet;

                var options = new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build();
                {|AZIOT204:using var mqtt = new MqttClientFactory().CreateMqttClient();|}
                await mqtt.ConnectAsync(options);
                return 0;
                """,
            FixedCode = """
                using MQTTnet;

                var options = new MqttClientOptionsBuilder().WithTcpServer("contoso.azure-devices.net", 8883).Build();
                using var mqtt = new MqttClientFactory().CreateMqttClient();

                try
                {
                    await mqtt.ConnectAsync(options);
                    return 0;
                }
                finally
                {
                    await mqtt.TryDisconnectAsync();
                }
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }
}
