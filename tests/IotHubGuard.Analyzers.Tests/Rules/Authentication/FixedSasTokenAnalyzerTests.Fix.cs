using IotHubGuard.CodeFixes;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.FixedSasTokenAnalyzer,
    IotHubGuard.CodeFixes.FixedSasTokenFixer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Authentication;

public partial class FixedSasTokenAnalyzerTests
{
    private static Task VerifyFixAsync(string source, string fixedSource, string equivalenceKey, int fixAllIterations = 1)
        => new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfFixAllIterations = fixAllIterations,
        }.RunAsync();

    [Fact]
    public async Task KeyBased_TokenFromSharedAccessSignatureBuilder_UsesRegistrySymmetricKey()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                DeviceClient Connect(string host, string deviceId, string deviceKey)
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
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                DeviceClient Connect(string host, string deviceId, string deviceKey)
                {
                    // The token is good for an hour; nothing renews it.
                    return DeviceClient.Create(host, new DeviceAuthenticationWithRegistrySymmetricKey(deviceId, deviceKey), TransportType.Mqtt);
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, EquivalenceKeys.UseKeyBasedAuthentication);
    }

    [Fact]
    public async Task TokenRefresh_AwaitedServiceCall_GeneratesNestedSubclass()
    {
        const string source = """
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

                public async Task<DeviceClient> ConnectAsync(string host, string deviceId)
                {
                    var token = await _tokens.GetSasAsync(deviceId);
                    return DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, token)|}, TransportType.Mqtt);
                }
            }
            """;
        const string fixedSource = """
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

                public async Task<DeviceClient> ConnectAsync(string host, string deviceId)
                {
                    return DeviceClient.Create(host, new TokenServiceTokenRefresh(deviceId, this), TransportType.Mqtt);
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
        await VerifyFixAsync(source, fixedSource, EquivalenceKeys.GenerateTokenRefresh);
    }

    [Fact]
    public async Task KeyBased_ModuleToken_UsesModuleRegistrySymmetricKey()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Module
            {
                ModuleClient Connect(string host, string deviceId, string moduleId, string primaryKey)
                {
                    var token = new SharedAccessSignatureBuilder { Key = primaryKey, Target = $"{host}/devices/{deviceId}/modules/{moduleId}" }.ToSignature();
                    var auth = {|AZIOT101:new ModuleAuthenticationWithToken(deviceId, moduleId, token)|};
                    return ModuleClient.Create(host, auth);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Azure.Devices.Client;

            class Module
            {
                ModuleClient Connect(string host, string deviceId, string moduleId, string primaryKey)
                {
                    var auth = new ModuleAuthenticationWithRegistrySymmetricKey(deviceId, moduleId, primaryKey);
                    return ModuleClient.Create(host, auth);
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, EquivalenceKeys.UseKeyBasedAuthentication);
    }

    [Fact]
    public async Task KeyBased_PolicyKeyToken_UsesSharedAccessPolicyKey()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                const string Policy = "device";

                DeviceClient Connect(string host, string deviceId, string policyKey)
                {
                    var builder = new SharedAccessSignatureBuilder { Target = host };
                    builder.KeyName = Policy;
                    builder.Key = policyKey;
                    return DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(token: builder.ToSignature(), deviceId: deviceId)|});
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                const string Policy = "device";

                DeviceClient Connect(string host, string deviceId, string policyKey)
                {
                    var builder = new SharedAccessSignatureBuilder { Target = host };
                    builder.KeyName = Policy;
                    builder.Key = policyKey;
                    return DeviceClient.Create(host, new DeviceAuthenticationWithSharedAccessPolicyKey(deviceId, Policy, policyKey));
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, EquivalenceKeys.UseKeyBasedAuthentication);
    }

    private const string HelperSource = """
        using System;
        using Microsoft.Azure.Devices.Client;

        static class Sas
        {
            public static string Create(string resource, string deviceKey, TimeSpan lifetime)
                => new SharedAccessSignatureBuilder { Key = deviceKey, Target = resource, TimeToLive = lifetime }.ToSignature();
        }

        class Device
        {
            IAuthenticationMethod Authenticate(string host, string deviceId)
            {
                var key = Environment.GetEnvironmentVariable("DEVICE_KEY")!;
                return {|AZIOT101:AuthenticationMethodFactory.CreateAuthenticationWithToken(deviceId, Sas.Create($"{host}/devices/{deviceId}", key, TimeSpan.FromHours(1)))|};
            }
        }
        """;

    [Fact]
    public async Task KeyBased_HelperTakingTheKey_KeepsTheFactory()
    {
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            static class Sas
            {
                public static string Create(string resource, string deviceKey, TimeSpan lifetime)
                    => new SharedAccessSignatureBuilder { Key = deviceKey, Target = resource, TimeToLive = lifetime }.ToSignature();
            }

            class Device
            {
                IAuthenticationMethod Authenticate(string host, string deviceId)
                {
                    var key = Environment.GetEnvironmentVariable("DEVICE_KEY")!;
                    return AuthenticationMethodFactory.CreateAuthenticationWithRegistrySymmetricKey(deviceId, key);
                }
            }
            """;
        await VerifyFixAsync(HelperSource, fixedSource, EquivalenceKeys.UseKeyBasedAuthentication);
    }

    [Fact]
    public async Task TokenRefresh_HelperTakingTheKey_CapturesWhatTheCallReads()
    {
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            static class Sas
            {
                public static string Create(string resource, string deviceKey, TimeSpan lifetime)
                    => new SharedAccessSignatureBuilder { Key = deviceKey, Target = resource, TimeToLive = lifetime }.ToSignature();
            }

            class Device
            {
                IAuthenticationMethod Authenticate(string host, string deviceId)
                {
                    var key = Environment.GetEnvironmentVariable("DEVICE_KEY")!;
                    return new SasTokenRefresh(deviceId, host, key);
                }

                /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
                private sealed class SasTokenRefresh : DeviceAuthenticationWithTokenRefresh
                {
                    private readonly string _host;
                    private readonly string _key;

                    public SasTokenRefresh(string deviceId, string host, string key)
                        : base(deviceId)
                    {
                        _host = host;
                        _key = key;
                    }

                    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                    {
                        return Task.FromResult(Sas.Create($"{_host}/devices/{DeviceId}", _key, TimeSpan.FromHours(1)));
                    }
                }
            }
            """;
        // The key is in reach too, so the key-based fix is this site's best: Fix All applies that one (MixedSitesFixAllTests).
        await new Verify.Test
        {
            TestCode = HelperSource,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = EquivalenceKeys.GenerateTokenRefresh,
            CodeFixTestBehaviors = Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipFixAllCheck,
        }.RunAsync();
    }

    [Fact]
    public async Task TokenRefresh_TopLevelStatements_PutsTheClassAfterTheStatements()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            var host = "contoso.azure-devices.net";
            var deviceId = args[0];
            var token = TokenFile.Read(deviceId);
            using var client = DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, token)|}, TransportType.Mqtt);
            Console.WriteLine("connected");

            static class TokenFile
            {
                public static string Read(string deviceId) => System.IO.File.ReadAllText(deviceId + ".sas");
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            var host = "contoso.azure-devices.net";
            var deviceId = args[0];
            var token = TokenFile.Read(deviceId);
            using var client = DeviceClient.Create(host, new TokenFileTokenRefresh(deviceId), TransportType.Mqtt);
            Console.WriteLine("connected");

            static class TokenFile
            {
                public static string Read(string deviceId) => System.IO.File.ReadAllText(deviceId + ".sas");
            }

            /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
            internal sealed class TokenFileTokenRefresh : DeviceAuthenticationWithTokenRefresh
            {
                public TokenFileTokenRefresh(string deviceId)
                    : base(deviceId)
                {
                }

                protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                {
                    return Task.FromResult(TokenFile.Read(DeviceId));
                }
            }
            """;
        await new Verify.Test
        {
            TestState = { Sources = { source }, OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
            FixedState = { Sources = { fixedSource } },
            CodeActionEquivalenceKey = EquivalenceKeys.GenerateTokenRefresh,
        }.RunAsync();
    }

    [Fact]
    public async Task TokenRefresh_ModuleValueTaskConfigureAwait_AndResult()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class TokenClient
            {
                public ValueTask<string> FetchAsync(string deviceId, string moduleId) => new ValueTask<string>("");
                public Task<string> FetchTaskAsync(string deviceId) => Task.FromResult("");
            }

            class Module
            {
                async Task<ModuleClient> ConnectAsync(TokenClient tokens, string host, string deviceId, string moduleId)
                {
                    var token = await tokens.FetchAsync(deviceId, moduleId).ConfigureAwait(false);
                    return ModuleClient.Create(host, {|AZIOT101:new ModuleAuthenticationWithToken(deviceId, moduleId, token)|});
                }

                DeviceClient Blocking(TokenClient tokens, string host, string deviceId)
                    => DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, tokens.FetchTaskAsync(deviceId).Result)|});
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class TokenClient
            {
                public ValueTask<string> FetchAsync(string deviceId, string moduleId) => new ValueTask<string>("");
                public Task<string> FetchTaskAsync(string deviceId) => Task.FromResult("");
            }

            class Module
            {
                async Task<ModuleClient> ConnectAsync(TokenClient tokens, string host, string deviceId, string moduleId)
                {
                    return ModuleClient.Create(host, new TokenClientTokenRefresh(deviceId, moduleId, tokens));
                }

                DeviceClient Blocking(TokenClient tokens, string host, string deviceId)
                    => DeviceClient.Create(host, new HubSasTokenRefresh(deviceId, tokens));

                /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
                private sealed class TokenClientTokenRefresh : ModuleAuthenticationWithTokenRefresh
                {
                    private readonly TokenClient _tokens;

                    public TokenClientTokenRefresh(string deviceId, string moduleId, TokenClient tokens)
                        : base(deviceId, moduleId)
                    {
                        _tokens = tokens;
                    }

                    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                    {
                        return _tokens.FetchAsync(DeviceId, ModuleId).AsTask();
                    }
                }

                /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
                private sealed class HubSasTokenRefresh : DeviceAuthenticationWithTokenRefresh
                {
                    private readonly TokenClient _tokens;

                    public HubSasTokenRefresh(string deviceId, TokenClient tokens)
                        : base(deviceId)
                    {
                        _tokens = tokens;
                    }

                    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                    {
                        return _tokens.FetchTaskAsync(DeviceId);
                    }
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, EquivalenceKeys.GenerateTokenRefresh);
    }

    [Fact]
    public async Task TokenRefresh_FixAll_SharesOneClassPerCall_AndAvoidsNameClashes()
    {
        const string source = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Gateway
            {
                class HubSasTokenRefresh { }

                static string GetToken(string id) => "";

                void Connect(string host, string first, string second)
                {
                    DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(first, GetToken(first))|});
                    DeviceClient.Create(host, {|AZIOT101:AuthenticationMethodFactory.CreateAuthenticationWithToken(second, GetToken(second))|});
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Gateway
            {
                class HubSasTokenRefresh { }

                static string GetToken(string id) => "";

                void Connect(string host, string first, string second)
                {
                    DeviceClient.Create(host, new HubSasTokenRefresh2(first));
                    DeviceClient.Create(host, new HubSasTokenRefresh2(second));
                }

                /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
                private sealed class HubSasTokenRefresh2 : DeviceAuthenticationWithTokenRefresh
                {
                    public HubSasTokenRefresh2(string deviceId)
                        : base(deviceId)
                    {
                    }

                    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                    {
                        return Task.FromResult(GetToken(DeviceId));
                    }
                }
            }
            """;
        var test = new Verify.Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = EquivalenceKeys.GenerateTokenRefresh,
        };

        // One at a time, the second fix sees the first class and reuses nothing: it adds its own (…3).
        test.FixedState.Sources.Clear();
        test.FixedState.Sources.Add(fixedSource.Replace(
            "DeviceClient.Create(host, new HubSasTokenRefresh2(second));",
            "DeviceClient.Create(host, new HubSasTokenRefresh3(second));").Replace(
            """
                    }
                }
            }
            """,
            """
                    }
                }

                /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
                private sealed class HubSasTokenRefresh3 : DeviceAuthenticationWithTokenRefresh
                {
                    public HubSasTokenRefresh3(string deviceId)
                        : base(deviceId)
                    {
                    }

                    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                    {
                        return Task.FromResult(GetToken(DeviceId));
                    }
                }
            }
            """));
        test.BatchFixedState.Sources.Add(fixedSource);
        await test.RunAsync();
    }

    [Fact]
    public async Task TokenRefresh_AddsMissingUsings_AndKeepsShadowedStaticsQualified()
    {
        const string source = """
            namespace Contoso
            {
                class Device
                {
                    static readonly string DeviceId = "thermostat-01";

                    static string Issue(string id) => "";

                    Microsoft.Azure.Devices.Client.DeviceClient Connect(string host)
                        => Microsoft.Azure.Devices.Client.DeviceClient.Create(host, {|AZIOT101:new Microsoft.Azure.Devices.Client.DeviceAuthenticationWithToken("gateway", Issue(DeviceId))|});
                }
            }
            """;
        const string fixedSource = """
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            namespace Contoso
            {
                class Device
                {
                    static readonly string DeviceId = "thermostat-01";

                    static string Issue(string id) => "";

                    Microsoft.Azure.Devices.Client.DeviceClient Connect(string host)
                        => Microsoft.Azure.Devices.Client.DeviceClient.Create(host, new HubSasTokenRefresh("gateway"));

                    /// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>
                    private sealed class HubSasTokenRefresh : DeviceAuthenticationWithTokenRefresh
                    {
                        public HubSasTokenRefresh(string deviceId)
                            : base(deviceId)
                        {
                        }

                        protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive)
                        {
                            return Task.FromResult(Issue(Device.DeviceId));
                        }
                    }
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, EquivalenceKeys.GenerateTokenRefresh);
    }

    [Fact]
    public async Task VarLocal_UsedOnlyAsAuthenticationMethod_IsReplaced()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                DeviceClient Connect(string host, string deviceId, string key)
                {
                    var token = new SharedAccessSignatureBuilder { Key = key, Target = host }.ToSignature();
                    var auth = {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, token)|};
                    Console.WriteLine($"connecting {auth.DeviceId}");
                    return DeviceClient.Create(host, auth);
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                DeviceClient Connect(string host, string deviceId, string key)
                {
                    var auth = new DeviceAuthenticationWithRegistrySymmetricKey(deviceId, key);
                    Console.WriteLine($"connecting {auth.DeviceId}");
                    return DeviceClient.Create(host, auth);
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, EquivalenceKeys.UseKeyBasedAuthentication);
    }

    [Theory]
    [InlineData("Literal", "\"SharedAccessSignature sr=contoso.azure-devices.net&sig=x&se=1900000000\"")]
    [InlineData("Parameter", "token")]
    [InlineData("OutArgument", "TokenWithExpiry(deviceId, out var expiry)")]
    [InlineData("LocalFunction", "Local()")]
    [InlineData("Awaits", "Combine(await Task.FromResult(deviceId))")]
    [InlineData("Interpolation", "$\"SharedAccessSignature {token}\"")]
    public async Task NoFix_WhenNothingCanRenewTheToken(string _, string tokenExpression)
    {
        var source = $$"""
            using System.Threading.Tasks;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                static string TokenWithExpiry(string id, out System.DateTime expiry) { expiry = default; return ""; }
                static string Combine(string id) => id;

                async Task<DeviceClient> ConnectAsync(string host, string deviceId, string token)
                {
                    string Local() => token;
                    return DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, {{tokenExpression}})|});
                }
            }
            """;
        await new Verify.Test { TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public async Task NoFix_WhenTheCodeNeedsTheFixedTokenType_OrStateChangesBeforeTheClientIsCreated()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            struct Gateway
            {
                string _prefix;

                string Token(string id) => _prefix + id;

                IAuthenticationMethod StructState(string deviceId)
                    => {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, Token(deviceId))|};
            }

            class Device
            {
                static string GetToken(string id) => id;

                void TypedLocal(string host, string deviceId, string next)
                {
                    DeviceAuthenticationWithToken auth = {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, GetToken(deviceId))|};
                    auth.Token = next;
                    DeviceClient.Create(host, auth);
                }

                void ReusedLocal(string host, string deviceId, string next)
                {
                    var auth = {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, GetToken(deviceId))|};
                    auth.Token = next;
                    DeviceClient.Create(host, auth);
                }

                void ChangedBeforeUse(string host, string id)
                {
                    var token = GetToken(id);
                    id = "other";
                    DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken("dev1", token)|});
                }
            }
            """;
        await new Verify.Test { TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public async Task NoFix_ForConnectionStrings()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                DeviceClient Connect(string host, string token)
                    => {|AZIOT101:DeviceClient.CreateFromConnectionString($"HostName={host};DeviceId=dev1;SharedAccessSignature={token}")|};
            }
            """;
        await new Verify.Test { TestCode = source, FixedCode = source }.RunAsync();
    }

    [Fact]
    public async Task KeyBased_ConnectionStringSignedFromAKey_SwitchesToSharedAccessKey()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            static class Sas
            {
                public static string Create(string resource, string deviceKey) => "";
            }

            class Device
            {
                DeviceClient Direct(string host, string deviceId, string deviceKey)
                    => {|AZIOT101:DeviceClient.CreateFromConnectionString($"HostName={host};DeviceId={deviceId};SharedAccessSignature={Sas.Create(host + "/devices/" + deviceId, deviceKey)}", TransportType.Mqtt)|};

                ModuleClient ThroughLocal(string host, string deviceId, string moduleKey)
                {
                    var token = new SharedAccessSignatureBuilder { Key = moduleKey, Target = $"{host}/devices/{deviceId}/modules/edge" }.ToSignature();
                    var connectionString = $"HostName={host};DeviceId={deviceId};ModuleId=edge;sharedaccesssignature={token}";
                    return {|AZIOT101:ModuleClient.CreateFromConnectionString(connectionString)|};
                }

                DeviceClient Policy(string host, string deviceId, string policyKey)
                {
                    var token = new SharedAccessSignatureBuilder { KeyName = "device", Key = policyKey, Target = host }.ToSignature();
                    return {|AZIOT101:DeviceClient.CreateFromConnectionString($"HostName={host};SharedAccessSignature={token};DeviceId={deviceId}")|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            static class Sas
            {
                public static string Create(string resource, string deviceKey) => "";
            }

            class Device
            {
                DeviceClient Direct(string host, string deviceId, string deviceKey)
                    => DeviceClient.CreateFromConnectionString($"HostName={host};DeviceId={deviceId};SharedAccessKey={deviceKey}", TransportType.Mqtt);

                ModuleClient ThroughLocal(string host, string deviceId, string moduleKey)
                {
                    var connectionString = $"HostName={host};DeviceId={deviceId};ModuleId=edge;SharedAccessKey={moduleKey}";
                    return ModuleClient.CreateFromConnectionString(connectionString);
                }

                DeviceClient Policy(string host, string deviceId, string policyKey)
                {
                    return DeviceClient.CreateFromConnectionString($"HostName={host};SharedAccessKeyName=device;SharedAccessKey={policyKey};DeviceId={deviceId}");
                }
            }
            """;
        await VerifyFixAsync(source, fixedSource, EquivalenceKeys.UseKeyBasedAuthentication);
    }

    [Fact]
    public async Task KeyBased_NotOffered_WhenNoParameterTakesAKey()
    {
        // "cacheKey" is not a device key: only the token-refresh fix applies here.
        const string source = """
            using Microsoft.Azure.Devices.Client;

            static class TokenCache
            {
                public static string Get(string deviceId, string cacheKey) => "";
            }

            class Device
            {
                DeviceClient Connect(string host, string deviceId)
                    => DeviceClient.Create(host, {|AZIOT101:new DeviceAuthenticationWithToken(deviceId, TokenCache.Get(deviceId, "tokens:" + deviceId))|});
            }
            """;
        await VerifyFixAsync(source, source, EquivalenceKeys.UseKeyBasedAuthentication, fixAllIterations: 0);
    }
}
