// "Every finding's rule ID matches the analyzer's" (issue 6): the runtime reports only IDs of src/Shared/RuleIds.cs,
// the file the analyzers compile their descriptors from, and exactly the set docs/runtime.md documents.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using IotHubGuard.Runtime.Tests.StandIn;
using MQTTnet;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

public class RuleIdContractTests
{
    private static readonly string[] RuntimeRules =
    {
        "AZIOT101", "AZIOT102", "AZIOT103", "AZIOT301", "AZIOT302", "AZIOT303", "AZIOT401", "AZIOT402", "AZIOT501",
    };

    private static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src", "Shared", "RuleIds.cs")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("src/Shared/RuleIds.cs not found above " + AppContext.BaseDirectory);
    });

    private static string RepoFile(params string[] parts) =>
        File.ReadAllText(Path.Combine(new[] { RepositoryRoot.Value }.Concat(parts).ToArray()));

    /// <summary>The const fields of IotHubGuard.RuleIds as compiled into IotHubGuard.Runtime: name -> ID.</summary>
    private static Dictionary<string, string> RuntimeRuleIds() =>
        typeof(StartupCheck).Assembly.GetType("IotHubGuard.RuleIds", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    /// <summary>src/Shared/RuleIds.cs as the analyzers compile it: name -> ID.</summary>
    private static Dictionary<string, string> AnalyzerRuleIds() =>
        Regex.Matches(RepoFile("src", "Shared", "RuleIds.cs"), @"public\s+const\s+string\s+(\w+)\s*=\s*""([^""]*)""\s*;")
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    [Fact]
    public void Runtime_compiles_the_same_RuleIds_as_the_analyzers()
    {
        Dictionary<string, string> analyzer = AnalyzerRuleIds();
        Assert.Equal(16, analyzer.Count);
        Assert.All(analyzer.Values, id => Assert.Matches(@"^AZIOT\d{3}$", id));
        Assert.Equal(analyzer.Count, analyzer.Values.Distinct().Count());
        Assert.Equal(analyzer.OrderBy(p => p.Key), RuntimeRuleIds().OrderBy(p => p.Key));

        // Both projects compile that one file (no copy that could drift).
        const string SharedInclude = @"<Compile Include=""..\Shared\*.cs""";
        Assert.Contains(SharedInclude, RepoFile("src", "IotHubGuard.Analyzers", "IotHubGuard.Analyzers.csproj"));
        Assert.Contains(SharedInclude, RepoFile("src", "IotHubGuard.Runtime", "IotHubGuard.Runtime.csproj"));
    }

    [Fact]
    public void Every_rule_the_runtime_can_report_is_an_analyzer_rule_and_documented()
    {
        string key = TestSecrets.NewKey();
        StandInSdk sdk = StandInSdk.Current;
        var reported = new SortedSet<string>(StringComparer.Ordinal);

        // One run that trips every check that can fire together ...
        var everything = new StartupCheckInput
        {
            Now = TestSecrets.Now,
            ConnectionString = TestSecrets.SasConnectionString(TestSecrets.Token(key, TestSecrets.Now.AddHours(1))),
            AuthenticationMethod = sdk.New(StandInSdk.Client + "DeviceAuthenticationWithToken", "d", TestSecrets.Token(key, TestSecrets.Now.AddHours(-1))),
            ClientOptions = StandInSdk.Set(sdk.New(StandInSdk.Client + "ClientOptions"), "SasTokenRenewalBuffer", 101),
            TransportSettings = new[]
            {
                StandInSdk.Set(sdk.New(StandInSdk.Mqtt + "MqttTransportSettings", sdk.TransportType("Mqtt_Tcp_Only")), "KeepAliveInSeconds", 3600),
                StandInSdk.Set(sdk.New(StandInSdk.Client + "AmqpTransportSettings", sdk.TransportType("Amqp_Tcp_Only")), "IdleTimeout", TimeSpan.Zero),
            },
            MqttKeepAlive = TimeSpan.Zero,
            MqttClientOptions = new MqttClientOptionsBuilder()
                .WithTcpServer(TestSecrets.Host)
                .WithCredentials($"{TestSecrets.Host}/d/?api-version=2021-04-12", TestSecrets.Token(key, TestSecrets.Now.AddHours(1)))
                .Build(),
            RetryPolicy = sdk.New(StandInSdk.Client + "NoRetry"),
            SdkAssembly = StandInSdk.Load("1.7.2").Assembly,
        };
        reported.UnionWith(StartupCheck.Run(everything).Findings.Select(f => f.RuleId));

        // ... and the one that excludes AZIOT401 (a v2 preview is not "older than the minimum").
        reported.UnionWith(StartupCheck.Run(new StartupCheckInput { SdkAssembly = StandInSdk.Load("2.0.0", "2.0.0-preview007").Assembly })
            .Findings.Select(f => f.RuleId));

        Assert.Equal(RuntimeRules, reported);
        Assert.Subset(new HashSet<string>(AnalyzerRuleIds().Values), new HashSet<string>(reported));

        // docs/runtime.md's table lists exactly these.
        IEnumerable<string> documented = Regex.Matches(RepoFile("docs", "runtime.md"), @"^\| (AZIOT\d{3})(?: / (AZIOT\d{3}))? \|", RegexOptions.Multiline)
            .SelectMany(m => m.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Select(g => g.Value));
        Assert.Equal(RuntimeRules, documented.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void Runtime_sources_name_rules_only_through_the_shared_RuleIds()
    {
        Dictionary<string, string> ids = RuntimeRuleIds();
        string source = RepoFile("src", "IotHubGuard.Runtime", "StartupCheck.cs");

        // Every RuleIds.X used resolves, and together they are exactly the runtime's rules.
        string[] used = Regex.Matches(source, @"\bRuleIds\.(\w+)").Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.All(used, name => Assert.True(ids.ContainsKey(name), "RuleIds." + name + " is not in src/Shared/RuleIds.cs"));
        Assert.Equal(RuntimeRules, used.Select(name => ids[name]).OrderBy(id => id, StringComparer.Ordinal));

        // No rule ID typed as a string literal, which could drift from the analyzers.
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Value, "src", "IotHubGuard.Runtime"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                         && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(@"""AZIOT\d{3}""", File.ReadAllText(file));
        }

        // And every finding is made through the context with such an ID (or the ruleId parameter that carries one).
        Assert.All(Regex.Matches(source, @"context\.Add\(\s*([^,]+),").Select(m => m.Groups[1].Value.Trim()),
            arg => Assert.Matches(@"^(RuleIds\.\w+|ruleId)$", arg));
        Assert.All(Regex.Matches(source, @"CheckFixedToken\(\s*context\s*,\s*([^,]+),").Select(m => m.Groups[1].Value.Trim()),
            arg => Assert.Matches(@"^RuleIds\.\w+$", arg));
        Assert.Equal(new[] { "Findings.Add(new Finding(ruleId," }, Regex.Matches(source, @"\S*new Finding\(\w+,").Select(m => m.Value)); // Context.Add only
    }
}
