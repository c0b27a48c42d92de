using Verify = IotHubGuard.Analyzers.Tests.CSharpCodeFixVerifier<
    IotHubGuard.Analyzers.AmqpIdleTimeoutOutOfRangeAnalyzer,
    IotHubGuard.CodeFixes.AmqpIdleTimeoutOutOfRangeFixer>;
using VerifyAnalyzer = IotHubGuard.Analyzers.Tests.CSharpAnalyzerVerifier<IotHubGuard.Analyzers.AmqpIdleTimeoutOutOfRangeAnalyzer>;

namespace IotHubGuard.Analyzers.Tests.Rules.KeepAlive;

/// <summary>
/// AZIOT303 on <c>Timeout.InfiniteTimeSpan</c>, which device code writes to mean "never idle out": it is -1 ms, a
/// negative idle timeout (docs/rules.md, "Scope and exemptions").
/// </summary>
public class AmqpIdleTimeoutInfiniteTests
{
    [Fact]
    public async Task LookAlikeInfiniteFields_AndOtherSettings_DoNotReport()
    {
        const string source = """
            using System;
            using System.Threading;
            using Microsoft.Azure.Devices.Client;

            static class Timeout { public static readonly TimeSpan InfiniteTimeSpan = TimeSpan.FromMinutes(2); }

            class Device
            {
                ITransportSettings Ours() => new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = Timeout.InfiniteTimeSpan };

                ITransportSettings OperationTimeoutOnly() => new AmqpTransportSettings(TransportType.Amqp_Tcp_Only)
                {
                    OperationTimeout = System.Threading.Timeout.InfiniteTimeSpan,
                    IdleTimeout = TimeSpan.FromMinutes(2),
                };
            }
            """;
        await VerifyAnalyzer.VerifyAnalyzerAsync(source, Libraries.DeviceSdk);
    }

    [Fact]
    public async Task InfiniteTimeSpan_AsIdleTimeout_Reports_AndTheFixSetsTheSdkDefault()
    {
        await new Verify.Test(Libraries.DeviceSdk)
        {
            TestCode = """
                using System;
                using System.Threading;
                using Microsoft.Azure.Devices.Client;

                class Device
                {
                    ITransportSettings Settings()
                    {
                        var amqp = new AmqpTransportSettings(TransportType.Amqp_WebSocket_Only);
                        amqp.IdleTimeout = {|AZIOT303:Timeout.InfiniteTimeSpan|}; // never idle out
                        return amqp;
                    }
                }
                """,
            FixedCode = """
                using System;
                using System.Threading;
                using Microsoft.Azure.Devices.Client;

                class Device
                {
                    ITransportSettings Settings()
                    {
                        var amqp = new AmqpTransportSettings(TransportType.Amqp_WebSocket_Only);
                        amqp.IdleTimeout = TimeSpan.FromMinutes(2); // never idle out
                        return amqp;
                    }
                }
                """,
        }.RunAsync();
    }
}
