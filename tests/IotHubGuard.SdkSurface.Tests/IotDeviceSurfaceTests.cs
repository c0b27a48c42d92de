using System;
using System.Linq;
using System.Reflection;
using IotHubGuard.Testing;

namespace IotHubGuard.SdkSurface.Tests;

/// <summary>The Microsoft.Azure.Iot.Device stand-in: identity, labels, and the SDK behaviour the rules rely on.</summary>
public class IotDeviceSurfaceTests
{
    private const string Ns = "Microsoft.Azure.Iot.Device.";

    [Theory]
    [InlineData("1.2.0.0", null, "1.2.0")]
    [InlineData("2.0.0.0", "2.0.0-preview3", "2.0.0-preview3")]
    public void Load_GivesTheRequestedIdentity_AndIsCached(string version, string? informational, string expectedInformational)
    {
        Assembly assembly = IotDeviceSurface.Load(version, informational);

        Assert.Equal("Microsoft.Azure.Iot.Device", assembly.GetName().Name);
        Assert.Equal(Version.Parse(version), assembly.GetName().Version);
        Assert.Equal(expectedInformational, assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
        Assert.Same(assembly, IotDeviceSurface.Load(version, informational));
    }

    [Fact]
    public void EverySourceFile_IsLabelledAsAStandIn()
    {
        Assert.NotEmpty(IotDeviceSurface.SourceFiles);
        Assembly self = typeof(IotDeviceSurface).Assembly;
        foreach (string name in self.GetManifestResourceNames().Where(n => n.StartsWith("IotDeviceSurface/", StringComparison.Ordinal)))
        {
            using var reader = new System.IO.StreamReader(self.GetManifestResourceStream(name)!);
            Assert.StartsWith("// STAND-IN for the Microsoft.Azure.Iot.Device public API", reader.ReadLine(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Unified.Telemetry.TelemetryClient")]
    [InlineData("Unified.Twin.TwinClient")]
    [InlineData("Unified.DirectMethods.DirectMethodClient")]
    public void DisposingAFeatureClient_DisposesTheConnectionClient(string featureClient)
    {
        Assembly sdk = IotDeviceSurface.Load();
        object connection = Activator.CreateInstance(sdk.GetType(Ns + "Unified.Connection.ConnectionClient")!, new object?[] { null, null })!;
        var feature = (IDisposable)Activator.CreateInstance(sdk.GetType(Ns + featureClient)!, connection)!;

        feature.Dispose();

        Assert.True((bool)connection.GetType().GetProperty("IsDisposed", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(connection)!);
    }

    [Theory]
    [InlineData(0u, false)]
    [InlineData(1u, true)]
    public void ExponentialBackoff_WithZeroRetries_NeverRetries_AndTheOptionsDefaultRetries(uint maxRetries, bool retries)
    {
        Assembly sdk = IotDeviceSurface.Load();
        object policy = Activator.CreateInstance(sdk.GetType(Ns + "Retry.ExponentialBackoffRetryPolicy")!, maxRetries, TimeSpan.FromSeconds(30), true)!;
        object[] arguments = { 1u, null!, TimeSpan.Zero };
        Assert.Equal(retries, (bool)policy.GetType().GetMethod("ShouldRetry")!.Invoke(policy, arguments)!);

        object options = Activator.CreateInstance(sdk.GetType(Ns + "Models.ConnectionClientOptions")!)!;
        object defaultPolicy = options.GetType().GetProperty("ConnectionRetryPolicy")!.GetValue(options)!;
        Assert.Equal("ExponentialBackoffRetryPolicy", defaultPolicy.GetType().Name);
        Assert.True((bool)defaultPolicy.GetType().GetMethod("ShouldRetry")!.Invoke(defaultPolicy, new object[] { 1000u, null!, TimeSpan.Zero })!);
    }
}
