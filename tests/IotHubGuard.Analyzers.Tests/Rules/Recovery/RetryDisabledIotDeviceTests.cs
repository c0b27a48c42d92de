using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.RetryDisabledAnalyzer,
    IotHubGuard.CodeFixes.RetryDisabledFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.RetryDisabledAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.Recovery;

/// <summary>AZIOT501 on the new-generation SDK (Microsoft.Azure.Iot.Device stand-in): ConnectionClientOptions.ConnectionRetryPolicy.</summary>
public class RetryDisabledIotDeviceTests
{
    private const Libraries IotDevice = Libraries.IotDevice | Libraries.MqttNet;

    [Fact]
    public async Task RetryingPolicies_TheDefault_AndUnknownValues_DoNotReport()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Iot.Device.Models;
            using Microsoft.Azure.Iot.Device.Retry;
            using Microsoft.Azure.Iot.Device.Unified.Connection;

            class Device
            {
                ConnectionClient Default() => new ConnectionClient(new ConnectionClientOptions());

                ConnectionClient Backoff() => new ConnectionClient(new ConnectionClientOptions
                {
                    ConnectionRetryPolicy = new ExponentialBackoffRetryPolicy(uint.MaxValue, TimeSpan.FromSeconds(60)),
                });

                ConnectionClient Few(uint retries)
                {
                    var options = new ConnectionClientOptions();
                    options.ConnectionRetryPolicy = new ExponentialBackoffRetryPolicy(5, TimeSpan.FromSeconds(30));
                    options.ConnectionRetryPolicy = new ExponentialBackoffRetryPolicy(retries, TimeSpan.FromSeconds(30));
                    options.ConnectionRetryPolicy = new ExponentialBackoffRetryPolicy();
                    return new ConnectionClient(options);
                }

                // A NoRetry that never reaches the connection client's options.
                IRetryPolicy Unused() => new NoRetry();
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, IotDevice);
    }

    [Fact]
    public async Task ALookAlikeOptionsType_DoesNotReport()
    {
        const string source = """
            using Microsoft.Azure.Iot.Device.Retry;

            class MyOptions { public IRetryPolicy ConnectionRetryPolicy { get; set; } }

            class Device
            {
                MyOptions Options() => new MyOptions { ConnectionRetryPolicy = new NoRetry() };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, IotDevice);
    }

    [Fact]
    public async Task NoRetry_OrZeroRetries_AssignedToConnectionRetryPolicy_Reports()
    {
        const string source = """
            using System;
            using Microsoft.Azure.Iot.Device.Models;
            using Microsoft.Azure.Iot.Device.Retry;
            using Microsoft.Azure.Iot.Device.Unified.Connection;

            class Device
            {
                ConnectionClient Initializer() => new ConnectionClient(new ConnectionClientOptions
                {
                    ConnectionRetryPolicy = {|AZIOT501:new NoRetry()|},
                });

                ConnectionClient Assignment()
                {
                    var options = new ConnectionClientOptions();
                    options.ConnectionRetryPolicy = {|AZIOT501:new ExponentialBackoffRetryPolicy(0, TimeSpan.FromSeconds(30))|};
                    return new ConnectionClient(options);
                }
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, IotDevice);
    }

    [Fact]
    public async Task Message_NamesTheNewSdkTypes()
    {
        const string source = """
            using Microsoft.Azure.Iot.Device.Models;
            using Microsoft.Azure.Iot.Device.Retry;

            class Device
            {
                ConnectionClientOptions Options() => new ConnectionClientOptions { ConnectionRetryPolicy = new NoRetry() };
            }
            """;
        var expected = VerifyAnalyzer.Diagnostic("AZIOT501")
            .WithSpan(6, 96, 6, 109)
            .WithArguments(
                "new NoRetry()",
                "as ConnectionClientOptions.ConnectionRetryPolicy stops the ConnectionClient from reconnecting: after the first transient error it raises ConnectionFaultedAsync and stays offline until the app connects again",
                "ExponentialBackoffRetryPolicy");
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, IotDevice, editorConfig: null, expected);
    }

    [Fact]
    public async Task Fix_PutsBackTheSdkDefaultPolicy_KeepingComments()
    {
        const string source = """
            using Microsoft.Azure.Iot.Device.Models;
            using Microsoft.Azure.Iot.Device.Retry;

            class Device
            {
                ConnectionClientOptions Options() => new ConnectionClientOptions
                {
                    ConnectionRetryPolicy = /* why */ {|AZIOT501:new NoRetry()|}, // trailing
                };
            }
            """;
        const string fixedSource = """
            using System;
            using Microsoft.Azure.Iot.Device.Models;
            using Microsoft.Azure.Iot.Device.Retry;

            class Device
            {
                ConnectionClientOptions Options() => new ConnectionClientOptions
                {
                    ConnectionRetryPolicy = /* why */ new ExponentialBackoffRetryPolicy(uint.MaxValue, TimeSpan.FromSeconds(60)), // trailing
                };
            }
            """;
        await Verify.VerifyCodeFixAsync(source, fixedSource, IotDevice);
    }
}
