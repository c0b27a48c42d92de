using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.FixedSasTokenAnalyzer,
    IotHubGuard.CodeFixes.FixedSasTokenFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Authentication;

/// <summary>
/// Generated classes are named after what they wrap (the field the token comes from), not after the called method
/// (<c>GetSasAsyncTokenRefresh</c>): two different sources get two different names, with no <c>…2</c> suffix.
/// </summary>
public class GeneratedClassNameTests
{
    [Fact]
    public async Task TwoSources_NamedAfterTheirFields_OneFixAtATimeAndFixAllAgree()
    {
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            interface ITokenService
            {
                Task<string> GetSasAsync(string deviceId);
            }

            class Gateway
            {
                private readonly ITokenService _identityService;
                private readonly ITokenService _backupVault;

                public Gateway(ITokenService identityService, ITokenService backupVault)
                {
                    _identityService = identityService;
                    _backupVault = backupVault;
                }

                public DeviceClient Primary(string host, string deviceId)
                    => DeviceClient.Create(host, new IdentityServiceTokenRefresh(deviceId, this));

                public DeviceClient Fallback(string host, string deviceId)
                    => DeviceClient.Create(host, new BackupVaultTokenRefresh(deviceId, this));

                /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
                private sealed class IdentityServiceTokenRefresh : DeviceAuthenticationWithTokenRefresh
                {
                    private readonly Gateway _owner;

                    public IdentityServiceTokenRefresh(string deviceId, Gateway owner)
                        : base(deviceId)
                    {
                        _owner = owner;
                    }

                    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                    {
                        return _owner._identityService.GetSasAsync(DeviceId);
                    }
                }

                /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
                private sealed class BackupVaultTokenRefresh : DeviceAuthenticationWithTokenRefresh
                {
                    private readonly Gateway _owner;

                    public BackupVaultTokenRefresh(string deviceId, Gateway owner)
                        : base(deviceId)
                    {
                        _owner = owner;
                    }

                    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                    {
                        return _owner._backupVault.GetSasAsync(DeviceId);
                    }
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                using Microsoft.Azure.Devices.Client;

                interface ITokenService
                {
                    Task<string> GetSasAsync(string deviceId);
                }

                class Gateway
                {
                    private readonly ITokenService _identityService;
                    private readonly ITokenService _backupVault;

                    public Gateway(ITokenService identityService, ITokenService backupVault)
                    {
                        _identityService = identityService;
                        _backupVault = backupVault;
                    }

                    public DeviceClient Primary(string host, string deviceId)
                        => DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, _identityService.GetSasAsync(deviceId).Result)|});

                    public DeviceClient Fallback(string host, string deviceId)
                        => DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, _backupVault.GetSasAsync(deviceId).Result)|});
                }
                """,
            FixedCode = fixedSource,
            BatchFixedCode = fixedSource,
            CodeActionEquivalenceKey = EquivalenceKeys.GenerateTokenRefresh,
        };
        await test.RunAsync();
    }
}
