using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.RetryDisabledAnalyzer,
    IotHubGuard.CodeFixes.RetryDisabledFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.RetryDisabledAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Recovery;

public class RetryDisabledAnalyzerTests
{
    [Theory]
    [InlineData("DeviceClient", "DeviceClient.CreateFromConnectionString(cs)")]
    [InlineData("ModuleClient", "ModuleClient.CreateFromConnectionString(cs)")]
    public async Task NoRetry_PassedToSetRetryPolicy_Reports(string type, string create)
    {
        var source = $$"""
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                {{type}} Connect(string cs)
                {
                    var client = {{create}};
                    client.SetRetryPolicy({|AZIOT501:new NoRetry()|});
                    return client;
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task NoRetry_ThroughALocalTypedIRetryPolicy_OrVar_OrNoRetry_Reports()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Typed(DeviceClient client)
                {
                    IRetryPolicy policy = {|AZIOT501:new NoRetry()|};
                    client.SetRetryPolicy(policy);
                }

                void Var(DeviceClient client)
                {
                    var policy = {|AZIOT501:new NoRetry()|};
                    client.SetRetryPolicy(policy);
                }

                void TargetTyped(ModuleClient client)
                {
                    NoRetry policy = {|AZIOT501:new()|};
                    client?.SetRetryPolicy(policy);
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task NoRetry_ThroughAField_Reports()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class FieldInitializer
            {
                private readonly IRetryPolicy _retry = {|AZIOT501:new NoRetry()|};
                public void Configure(DeviceClient client) => client.SetRetryPolicy(_retry);
            }

            class AssignedInConstructor
            {
                private readonly IRetryPolicy _retry;
                private readonly DeviceClient _client;

                public AssignedInConstructor(DeviceClient client)
                {
                    _client = client;
                    this._retry = {|AZIOT501:new NoRetry()|};
                }

                public void Configure() => _client.SetRetryPolicy(this._retry);
            }

            static class StaticPolicy
            {
                private static readonly IRetryPolicy s_never = {|AZIOT501:new NoRetry()|};
                public static void Configure(ModuleClient client) => client.SetRetryPolicy(s_never);
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task ObsoleteRetryPolicyProperty_NoRetry_Reports()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                const RetryPolicyType Never = RetryPolicyType.No_Retry;

                void Configure(DeviceClient client)
                {
                    {|AZIOT501:client.RetryPolicy = RetryPolicyType.No_Retry|};
                    {|AZIOT501:client.RetryPolicy = Never|};
                    {|AZIOT501:client.RetryPolicy = default|};
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task PoliciesThatRetry_OrAreNotKnownAtCompileTime_DoNotReport()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                private IRetryPolicy _assignedTwice = new NoRetry();
                public IRetryPolicy PublicMutable = new NoRetry();

                void Default(DeviceClient client)
                    => client.SetRetryPolicy(new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));

                void FromParameter(DeviceClient client, IRetryPolicy policy) => client.SetRetryPolicy(policy);

                void FromFactory(DeviceClient client) => client.SetRetryPolicy(Choose());

                void Reassigned(DeviceClient client, bool retry)
                {
                    IRetryPolicy policy = new NoRetry();
                    if (retry)
                    {
                        policy = new ExponentialBackoff(5, TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
                    }

                    client.SetRetryPolicy(policy);
                }

                void FieldAssignedTwice(DeviceClient client, bool retry)
                {
                    if (retry)
                    {
                        _assignedTwice = new ExponentialBackoff(5, TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));
                    }

                    client.SetRetryPolicy(_assignedTwice);
                    client.SetRetryPolicy(PublicMutable);
                }

                void CreatedButNotGivenToAClient()
                {
                    var never = new NoRetry();
                    Console.WriteLine(never.ShouldRetry(0, new Exception(), out _));
                }

                void ObsoleteWithRetry(DeviceClient client, RetryPolicyType configured)
                {
                    client.RetryPolicy = RetryPolicyType.Exponential_Backoff_With_Jitter;
                    client.RetryPolicy = configured;
                }

                static IRetryPolicy Choose() => new NoRetry();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task LookAlikeTypes_DoNotReport()
    {
        const string source = """
            namespace MyCompany.Resilience
            {
                interface IRetryPolicy { }
                class NoRetry : IRetryPolicy { }
                enum RetryPolicyType { No_Retry, Always }
                class Worker
                {
                    public RetryPolicyType RetryPolicy { get; set; }
                    public void SetRetryPolicy(IRetryPolicy policy) { }
                }

                class Setup
                {
                    void Configure(Worker worker)
                    {
                        worker.SetRetryPolicy(new NoRetry());
                        worker.RetryPolicy = RetryPolicyType.No_Retry;
                    }
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Messages_NameTheCode_AndWhatItDoes()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Configure(DeviceClient client)
                {
                    client.SetRetryPolicy(new NoRetry());
                    client.RetryPolicy = RetryPolicyType.No_Retry;
                }
            }
            """;
        var test = new VerifyAnalyzer.Test(Libraries.DeviceSdk) { TestCode = source };
        test.ExpectedDiagnostics.Add(new DiagnosticResult("AZIOT501", DiagnosticSeverity.Warning)
            .WithSpan(7, 31, 7, 44)
            .WithMessage("new NoRetry() disables automatic reconnection: after the first transient error the client reports Disconnected / Retry_Expired "
                + "and stays offline; keep the SDK's default ExponentialBackoff so the client reconnects after transient hub errors"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("AZIOT501", DiagnosticSeverity.Warning)
            .WithSpan(8, 9, 8, 54)
            .WithMessage("RetryPolicy = RetryPolicyType.No_Retry asks for no automatic reconnection through an obsolete property that current SDKs "
                + "ignore (1.42.x stores it and never reads it), so the code does not say what the client does; keep the SDK's default "
                + "ExponentialBackoff so the client reconnects after transient hub errors"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_SetRetryPolicyStatement_IsRemoved_TheSdkDefaultApplies()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Configure(DeviceClient client)
                {
                    client.SetRetryPolicy({|AZIOT501:new NoRetry()|}); // no retries while debugging
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Configure(DeviceClient client)
                {
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Fix_InsideAnExpression_WritesTheDefault_AddingUsingSystem()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Configure(DeviceClient client) => client.SetRetryPolicy({|AZIOT501:new Microsoft.Azure.Devices.Client.NoRetry()|});
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Configure(DeviceClient client) => client.SetRetryPolicy(new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Fix_VariableDeclaredAsNoRetry_BecomesIRetryPolicy()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                private readonly NoRetry _retry = {|AZIOT501:new NoRetry()|};

                void Configure(DeviceClient client)
                {
                    NoRetry policy = {|AZIOT501:new()|};
                    client.SetRetryPolicy(policy);
                    client.SetRetryPolicy(_retry);
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                private readonly IRetryPolicy _retry = new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));

                void Configure(DeviceClient client)
                {
                    IRetryPolicy policy = new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100));
                    client.SetRetryPolicy(policy);
                    client.SetRetryPolicy(_retry);
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Fix_ObsoletePropertyAndSetRetryPolicyStatements_AreRemoved_CommentAboveStays()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Configure(DeviceClient client, DeviceClient backup)
                {
                    // Legacy setting kept from the 2018 prototype.
                    {|AZIOT501:client.RetryPolicy = RetryPolicyType.No_Retry|};
                    backup.SetRetryPolicy({|AZIOT501:new NoRetry()|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            class Device
            {
                void Configure(DeviceClient client, DeviceClient backup)
                {
                    // Legacy setting kept from the 2018 prototype.
                }
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Fix_ObsoletePropertyInAVoidExpressionBody_BecomesSetRetryPolicy()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Devices.Client;

            static class Legacy
            {
                public static void Configure(DeviceClient client) => {|AZIOT501:client.RetryPolicy = RetryPolicyType.No_Retry|};
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Devices.Client;

            static class Legacy
            {
                public static void Configure(DeviceClient client) => client.SetRetryPolicy(new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task NoFix_WhenTheAssignmentsValueIsUsed()
    {
        const string source = """
            using Microsoft.Azure.Devices.Client;

            static class Legacy
            {
                public static RetryPolicyType Configure(DeviceClient client) => {|AZIOT501:client.RetryPolicy = RetryPolicyType.No_Retry|};
            }
            """;
        await Verify.VerifyCodeFixAsync(source, source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task Fix_TopLevelStatement_IsRemoved()
    {
        var test = new Verify.Test(Libraries.DeviceSdk)
        {
            TestCode = """
                using Microsoft.Azure.Devices.Client;

                using var client = DeviceClient.CreateFromConnectionString(args[0]);
                client.SetRetryPolicy({|AZIOT501:new NoRetry()|}); // fail fast on the bench
                await client.OpenAsync();
                """,
            FixedCode = """
                using Microsoft.Azure.Devices.Client;

                using var client = DeviceClient.CreateFromConnectionString(args[0]);
                await client.OpenAsync();
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        await test.RunAsync();
    }
}
