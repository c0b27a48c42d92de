// The startup check fed with objects of the Microsoft.Azure.Iot.Device stand-in (sdk-surface/Microsoft.Azure.Iot.Device,
// compiled by IotHubGuard.Testing.IotDeviceSurface), created by reflection as a device app would create them: the check
// reads them by member name, with no reference to the package.
using System;
using System.Reflection;
using IotHubGuard.Testing;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

public class IotDeviceSurfaceObjectTests
{
    private static Assembly Sdk => IotDeviceSurface.Load();

    private static object New(string typeName, params object?[] arguments) =>
        Activator.CreateInstance(Sdk.GetType("Microsoft.Azure.Iot.Device." + typeName, throwOnError: true)!, arguments)!;

    private static object Options(object? retryPolicy = null)
    {
        object options = New("Models.ConnectionClientOptions");
        if (retryPolicy != null)
        {
            options.GetType().GetProperty("ConnectionRetryPolicy")!.SetValue(options, retryPolicy);
        }

        return options;
    }

    private static object MqttNetOptions(TimeSpan keepAlive)
    {
        object options = New("MqttNetAdapter.MqttNetClientOptions");
        options.GetType().GetProperty("KeepAlivePeriod")!.SetValue(options, keepAlive);
        return options;
    }

    private static StartupCheckReport Run(object? clientOptions = null, object? transport = null, Assembly? sdk = null) =>
        StartupCheck.Run(new StartupCheckInput
        {
            ClientOptions = clientOptions,
            TransportSettings = transport == null ? null : new[] { transport },
            SdkAssembly = sdk,
            Now = TestSecrets.Now,
        });

    [Fact]
    public void TheSdkDefaults_AndARetryingPolicy_PassWithoutFindings_AndTheSdkIsFoundFromTheOptions()
    {
        StartupCheckReport report = Run(Options(), MqttNetOptions(TimeSpan.FromSeconds(60)));
        Assert.Empty(report.Findings);
        Assert.Equal("Microsoft.Azure.Iot.Device 1.2.0", report.SdkDescription);

        object retrying = New("Retry.ExponentialBackoffRetryPolicy", 5u, TimeSpan.FromSeconds(30), true);
        Assert.Empty(Run(Options(retrying)).Findings);
    }

    [Fact]
    public void NoRetry_AsConnectionRetryPolicy_IsAziot501_NamingTheNewSdkDefault()
    {
        Finding finding = Assert.Single(Run(Options(New("Retry.NoRetry"))).Findings);
        Assert.Equal("AZIOT501", finding.RuleId);
        Assert.StartsWith("ConnectionClientOptions.ConnectionRetryPolicy is NoRetry: the ConnectionClient never reconnects", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ExponentialBackoffRetryPolicy(uint.MaxValue, TimeSpan.FromSeconds(60))", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroRetries_IsAziot501()
    {
        object zero = New("Retry.ExponentialBackoffRetryPolicy", 0u, TimeSpan.FromSeconds(30), true);
        Finding finding = Assert.Single(Run(Options(zero)).Findings);
        Assert.Equal("AZIOT501", finding.RuleId);
        Assert.Contains("maxRetries 0", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "AZIOT302")]
    [InlineData(3600, "AZIOT301")]
    public void KeepAliveOfAUserBuiltMqttNetClient_OutOfRange_IsReported(int seconds, string ruleId)
    {
        Finding finding = Assert.Single(Run(transport: MqttNetOptions(TimeSpan.FromSeconds(seconds))).Findings);
        Assert.Equal(ruleId, finding.RuleId);
        Assert.StartsWith("MqttNetClientOptions.KeepAlivePeriod is ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A2Preview_IsAziot402_AsAPreview_AndTheV1MinimumDoesNotApply()
    {
        Finding finding = Assert.Single(Run(sdk: IotDeviceSurface.Load("2.0.0.0", "2.0.0-preview3")).Findings);
        Assert.Equal("AZIOT402", finding.RuleId);
        Assert.StartsWith("Microsoft.Azure.Iot.Device 2.0.0-preview3 is a pre-release build", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BelowItsOwnMinimum_IsAziot401()
    {
        var input = new StartupCheckInput { SdkAssembly = IotDeviceSurface.Load("1.1.0"), IotDeviceSdkMinimumVersion = new Version(1, 2, 0) };
        Finding finding = Assert.Single(StartupCheck.Run(input).Findings);
        Assert.Equal("AZIOT401", finding.RuleId);
        Assert.Equal(
            "Microsoft.Azure.Iot.Device 1.1.0 is older than the minimum 1.2.0 (azure_iot.iot_device_sdk_minimum_version); no disconnect "
            + "defect of this version is known. Update the Microsoft.Azure.Iot.Device package to 1.2.0.",
            finding.Message);
    }

    [Fact]
    public void ANullMinimum_IsAClearError()
    {
        var ex = Assert.Throws<ArgumentException>(() => StartupCheck.Run(new StartupCheckInput { IotDeviceSdkMinimumVersion = null! }));
        Assert.Contains("IotDeviceSdkMinimumVersion", ex.Message, StringComparison.Ordinal);
    }
}
