using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers.Tests.Meta;

/// <summary>
/// A project that references neither the device SDK nor MQTTnet must pay close to nothing:
/// the analyzers register no action at all there.
/// </summary>
public class CompilationGateTests
{
    private const string DeviceLikeCode = """
        using System;
        namespace Device
        {
            class MqttTransportSettings { public int KeepAliveInSeconds { get; set; } }
            class AmqpTransportSettings { public TimeSpan IdleTimeout { get; set; } }
            class Program
            {
                static void Main()
                {
                    var mqtt = new MqttTransportSettings { KeepAliveInSeconds = 0 };
                    var amqp = new AmqpTransportSettings { IdleTimeout = TimeSpan.Zero };
                    Console.WriteLine(mqtt.KeepAliveInSeconds + amqp.IdleTimeout.TotalSeconds);
                }
            }
        }
        """;

    [Fact]
    public async Task WithoutSdkOrMqttNet_NoAnalyzerRegistersAnAction()
    {
        foreach (var analyzer in Catalogue.Analyzers)
        {
            var telemetry = await RunAsync(analyzer, Libraries.None);
            Assert.Equal(0, telemetry.OperationActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.OperationBlockStartActionsCount
                + telemetry.SymbolActionsCount + telemetry.CompilationEndActionsCount + telemetry.SemanticModelActionsCount
                + telemetry.CodeBlockStartActionsCount + telemetry.SyntaxTreeActionsCount);
        }
    }

    [Fact]
    public async Task WithTheSdk_KeepAliveAnalyzersRegister()
    {
        var analyzer = Catalogue.Analyzers.OfType<MqttKeepAliveTooLongAnalyzer>().Single();
        var telemetry = await RunAsync(analyzer, Libraries.DeviceSdk);
        Assert.True(telemetry.OperationActionsCount > 0);
    }

    private static async Task<Microsoft.CodeAnalysis.Diagnostics.Telemetry.AnalyzerTelemetryInfo> RunAsync(DiagnosticAnalyzer analyzer, Libraries libraries)
    {
        var compilation = CSharpCompilation.Create(
            "Gate",
            new[] { CSharpSyntaxTree.ParseText(DeviceLikeCode) },
            TestReferences.For(libraries),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create(analyzer),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Empty(diagnostics);
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }
}
