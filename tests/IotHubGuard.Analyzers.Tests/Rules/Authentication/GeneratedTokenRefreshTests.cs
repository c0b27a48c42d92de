using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.FixedSasTokenAnalyzer,
    IotHubGuard.CodeFixes.FixedSasTokenFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Authentication;

/// <summary>
/// The generated token refresh must outlive the call that created the client: it never keeps the caller's
/// CancellationToken (once cancelled, every renewal would fail and bring 404104 back), and the fix removes the
/// one-off token fetch it replaces (dead code, and an extra call to the token service).
/// </summary>
public class GeneratedTokenRefreshTests
{
    [Fact]
    public async Task CallersCancellationToken_IsNotCaptured_RenewalsUseNone_AndTheOneOffFetchIsRemoved()
    {
        await new Verify.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Azure.Devices.Client;

                interface ITokenService
                {
                    Task<string> GetSasAsync(string deviceId, CancellationToken cancellationToken);
                }

                static class Connector
                {
                    public static async Task<DeviceClient> ConnectAsync(ITokenService tokens, string host, string deviceId, CancellationToken cancellationToken)
                    {
                        // Ask the backend for a token.
                        var token = await tokens.GetSasAsync(deviceId, cancellationToken);
                        var client = DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, token)|});
                        await client.OpenAsync(cancellationToken);
                        return client;
                    }
                }
                """,
            FixedCode = """
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.Azure.Devices.Client;

                interface ITokenService
                {
                    Task<string> GetSasAsync(string deviceId, CancellationToken cancellationToken);
                }

                static class Connector
                {
                    public static async Task<DeviceClient> ConnectAsync(ITokenService tokens, string host, string deviceId, CancellationToken cancellationToken)
                    {
                        // Ask the backend for a token.
                        var client = DeviceClient.Create(host, new TokenServiceTokenRefresh(deviceId, tokens));
                        await client.OpenAsync(cancellationToken);
                        return client;
                    }

                    /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
                    private sealed class TokenServiceTokenRefresh : DeviceAuthenticationWithTokenRefresh
                    {
                        private readonly ITokenService _tokens;

                        public TokenServiceTokenRefresh(string deviceId, ITokenService tokens)
                            : base(deviceId)
                        {
                            _tokens = tokens;
                        }

                        protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                        {
                            return _tokens.GetSasAsync(DeviceId, CancellationToken.None);
                        }
                    }
                }
                """,
            CodeActionEquivalenceKey = EquivalenceKeys.GenerateTokenRefresh,
        }.RunAsync();
    }

    [Fact]
    public async Task KeyBased_RemovesTheDeadSignatureBuilder_SoNoAziot102IsLeftBehind()
    {
        await new Verify.Test
        {
            TestCode = """
                using System;
                using Microsoft.Azure.Devices.Client;

                static class Connector
                {
                    public static DeviceClient Connect(string host, string deviceId, string deviceKey)
                    {
                        var builder = new SharedAccessSignatureBuilder
                        {
                            Key = deviceKey,
                            Target = $"{host}/devices/{deviceId}",
                            TimeToLive = TimeSpan.FromHours(1),
                        };
                        var token = builder.ToSignature();

                        // The token is good for an hour; nothing renews it.
                        return DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, token)|}, TransportType.Mqtt);
                    }
                }
                """,
            FixedCode = """
                using System;
                using Microsoft.Azure.Devices.Client;

                static class Connector
                {
                    public static DeviceClient Connect(string host, string deviceId, string deviceKey)
                    {
                        // The token is good for an hour; nothing renews it.
                        return DeviceClient.Create(host, new DeviceAuthenticationWithRegistrySymmetricKey(deviceId, deviceKey), TransportType.Mqtt);
                    }
                }
                """,
        }.RunAsync();
    }
}
