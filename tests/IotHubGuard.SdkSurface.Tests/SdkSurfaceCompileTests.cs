using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Surface = IotHubGuard.Testing.SdkSurface;

namespace IotHubGuard.SdkSurface.Tests;

public class SdkSurfaceCompileTests
{
    [Theory]
    [InlineData("1.7.2.0", null, "1.7.2")]
    [InlineData("1.42.3.0", null, "1.42.3")]
    [InlineData("2.0.0.0", "2.0.0-preview007", "2.0.0-preview007")]
    public void Load_GivesTheRequestedIdentityAndVersionAttributes(string version, string? informational, string expectedInformational)
    {
        Assembly assembly = Surface.Load(version, informational);
        AssemblyName name = assembly.GetName();

        Assert.Equal("Microsoft.Azure.Devices.Client", name.Name);
        Assert.Equal(Version.Parse(version), name.Version);
        Assert.Equal("31bf3856ad364e35", Convert.ToHexString(name.GetPublicKeyToken()!).ToLowerInvariant());
        Assert.Equal(expectedInformational, AttributeArgument<AssemblyInformationalVersionAttribute>(assembly));
        Assert.Equal(version, AttributeArgument<AssemblyFileVersionAttribute>(assembly));
    }

    [Fact]
    public void Load_PutsEachVersionInItsOwnNamedCollectibleContext_AndCachesIt()
    {
        Assembly v172 = Surface.Load("1.7.2.0");
        Assembly v1423 = Surface.Load();
        Assembly preview = Surface.Load("2.0.0.0", "2.0.0-preview007");

        AssemblyLoadContext[] contexts = new[] { v172, v1423, preview }.Select(a => AssemblyLoadContext.GetLoadContext(a)!).ToArray();
        Assert.Equal(3, contexts.Distinct().Count());
        Assert.All(contexts, c => Assert.True(c.IsCollectible));
        Assert.All(contexts, c => Assert.StartsWith("SdkSurface ", c.Name));
        Assert.DoesNotContain(AssemblyLoadContext.Default, contexts);

        Assert.Same(v1423, Surface.Load("1.42.3.0"));
        Assert.Same(v1423, Surface.Load("1.42.3"));
    }

    [Fact]
    public void CompileImage_IsCachedPerVersionAndInformationalVersion()
    {
        byte[] first = Surface.CompileImage("1.42.3.0");
        Assert.Same(first, Surface.CompileImage());
        Assert.Same(first, Surface.CompileImage("1.42.3", "1.42.3"));
        Assert.NotSame(first, Surface.CompileImage("1.42.3.0", "1.42.3+abcdef"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("one.two")]
    [InlineData("1")]
    public void CompileImage_RejectsWhatIsNotAnAssemblyVersion(string version)
    {
        Assert.Throws<ArgumentException>(() => Surface.CompileImage(version));
    }

    [Fact]
    public void RuntimeReferences_AreTheTrustedPlatformAssemblies_WithoutTheSdkNames()
    {
        var names = Surface.RuntimeReferences.Select(r => System.IO.Path.GetFileNameWithoutExtension(r.Display)).ToList();

        Assert.Contains("System.Runtime", names);
        Assert.Contains("System.Private.CoreLib", names);
        Assert.DoesNotContain("Microsoft.Azure.Devices.Client", names);
        Assert.Same(Surface.RuntimeReferences, Surface.RuntimeReferences);
    }

    [Fact]
    public void SourceFiles_AreEmbeddedWithTheirFolders()
    {
        Assert.Contains("SdkSurface/DeviceClient.cs", Surface.SourceFiles);
        Assert.Contains("SdkSurface/ClientSettings/MqttTransportSettings.cs", Surface.SourceFiles);
        Assert.Contains("SdkSurface/Shared/Twin.cs", Surface.SourceFiles);
        Assert.DoesNotContain(Surface.SourceFiles, f => f.Contains("/obj/") || f.Contains("/bin/"));
    }

    [Fact]
    public void GetReference_CarriesTheChosenVersionIntoACompilation()
    {
        var compilation = SurfaceHarness.CompileSnippet(
            "public static class C { public static object M() => Microsoft.Azure.Devices.Client.TransportType.Mqtt; }",
            "1.7.2.0");

        Assert.Empty(SurfaceHarness.Errors(compilation));
        var sdk = compilation.GetTypeByMetadataName("Microsoft.Azure.Devices.Client.DeviceClient")!.ContainingAssembly.Identity;
        Assert.Equal("Microsoft.Azure.Devices.Client", sdk.Name);
        Assert.Equal(new Version(1, 7, 2, 0), sdk.Version);
        Assert.Equal("31bf3856ad364e35", Convert.ToHexString(sdk.PublicKeyToken.ToArray()).ToLowerInvariant());
    }

    [Fact]
    public void GetReference_CanBeCompiledAgainstReferenceAssemblies_ForTestsThatUseThem()
    {
        // The .NET SDK running this test ships the reference pack of its runtime next to it.
        string dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string? refDir = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .SelectMany(version => Directory.Exists(Path.Combine(version, "ref")) ? Directory.GetDirectories(Path.Combine(version, "ref")) : Array.Empty<string>())
                .OrderBy(d => d, StringComparer.Ordinal)
                .LastOrDefault()
            : null;
        Assert.True(refDir != null, $"No Microsoft.NETCore.App.Ref pack under {packs}.");
        MetadataReference[] referenceAssemblies = Directory.GetFiles(refDir!, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

        const string code = """
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;
            public static class C
            {
                public static async System.Threading.Tasks.Task M(string cs)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(cs, TransportType.Mqtt);
                    client.SetRetryPolicy(new NoRetry());
                    var settings = new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = 60 };
                    await client.OpenAsync(System.Threading.CancellationToken.None);
                }
            }
            """;
        CSharpCompilation Consumer(MetadataReference sdk) => CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(code) },
            referenceAssemblies.Append(sdk),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // Built against the runtime, the surface points at System.Private.CoreLib: reference assemblies cannot see it.
        Assert.Contains(SurfaceHarness.Errors(Consumer(Surface.GetReference())), d => d.Id == "CS0012");

        MetadataReference portable = Surface.GetReference(referenceAssemblies);
        Assert.Empty(SurfaceHarness.Errors(Consumer(portable)));
        Assert.Same(portable, Surface.GetReference(referenceAssemblies.Reverse()));
        Assert.NotSame(Surface.GetReference(), portable);
    }

    [Fact]
    public void SampleStyleCode_CompilesWithoutErrors()
    {
        const string code = """
            using System;
            using System.Collections.Generic;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using DotNetty.Codecs.Mqtt.Packets;
            using Microsoft.Azure.Devices.Client;
            using Microsoft.Azure.Devices.Client.Exceptions;
            using Microsoft.Azure.Devices.Client.Transport;
            using Microsoft.Azure.Devices.Client.Transport.Mqtt;
            using Microsoft.Azure.Devices.Shared;

            public static class SimulatedDevice
            {
                public static async Task RunAsync(string connectionString, CancellationToken ct)
                {
                    await using var client = DeviceClient.CreateFromConnectionString(connectionString, TransportType.Mqtt);
                    client.SetConnectionStatusChangesHandler((ConnectionStatus status, ConnectionStatusChangeReason reason) =>
                        Console.WriteLine($"{status} {reason}"));
                    client.SetRetryPolicy(new ExponentialBackoff(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100)));
                    client.OperationTimeoutInMilliseconds = DeviceClient.DefaultOperationTimeoutInMilliseconds;

                    await client.OpenAsync(ct);
                    using var message = new Message(Encoding.UTF8.GetBytes("{\"t\":21}")) { ContentType = "application/json", ContentEncoding = "utf-8" };
                    message.Properties.Add("alert", "false");
                    await client.SendEventAsync(message, ct);
                    await client.SetMethodHandlerAsync("reboot", (request, context) => Task.FromResult(new MethodResponse(Encoding.UTF8.GetBytes("{}"), 200)), null, ct);
                    await client.SetDesiredPropertyUpdateCallbackAsync(async (desired, context) =>
                    {
                        var reported = new TwinCollection();
                        reported["targetTemperature"] = desired.Contains("targetTemperature") ? desired["targetTemperature"] : 20;
                        await client.UpdateReportedPropertiesAsync(reported, ct);
                    }, null, ct);
                    Twin twin = await client.GetTwinAsync(ct);
                    Console.WriteLine(twin.Properties.Desired.Version + twin.ToJson());
                    try
                    {
                        await client.CloseAsync(ct);
                    }
                    catch (UnauthorizedException)
                    {
                    }
                }

                public static async Task PnpAsync(string hostName, string deviceId, string key, CancellationToken ct)
                {
                    var mqtt = new MqttTransportSettings(TransportType.Mqtt_Tcp_Only) { KeepAliveInSeconds = 60, PublishToServerQoS = QualityOfService.AtLeastOnce };
                    var auth = new DeviceAuthenticationWithRegistrySymmetricKey(deviceId, key);
                    var options = new ClientOptions { ModelId = "dtmi:com:example:Thermostat;1", SasTokenTimeToLive = TimeSpan.FromHours(2), SasTokenRenewalBuffer = 20 };
                    using DeviceClient client = DeviceClient.Create(hostName, auth, new ITransportSettings[] { mqtt }, options);
                    using DeviceClient other = DeviceClient.Create(hostName, auth, TransportType.Mqtt, options);
                    IAuthenticationMethod fixedToken = AuthenticationMethodFactory.CreateAuthenticationWithToken(deviceId,
                        new SharedAccessSignatureBuilder { Key = key, Target = $"{hostName}/devices/{deviceId}", TimeToLive = TimeSpan.FromDays(1) }.ToSignature());
                    await client.CloseAsync(CancellationToken.None);
                    client.Dispose();
                }

                public static async Task EdgeModuleAsync(CancellationToken ct)
                {
                    var amqp = new AmqpTransportSettings(TransportType.Amqp_Tcp_Only) { IdleTimeout = TimeSpan.FromMinutes(2) };
                    await using ModuleClient module = await ModuleClient.CreateFromEnvironmentAsync(new ITransportSettings[] { amqp });
                    await using ModuleClient module2 = await ModuleClient.CreateFromEnvironmentAsync(TransportType.Mqtt_Tcp_Only, new ClientOptions());
                    await using ModuleClient module3 = await ModuleClient.CreateFromEnvironmentAsync();
                    module.SetRetryPolicy(new NoRetry());
                    await module.OpenAsync(ct);
                    await module.SetInputMessageHandlerAsync("input1", (msg, ctx) => Task.FromResult(MessageResponse.Completed), module, ct);
                    await module.SendEventAsync("output1", new Message(new byte[] { 1 }), ct);
                    MethodResponse response = await module.InvokeMethodAsync("device", "module", new MethodRequest("ping", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), ct);
                }

                public sealed class MyTokenRefresh : DeviceAuthenticationWithTokenRefresh
                {
                    public MyTokenRefresh(string deviceId) : base(deviceId, 3600, 15) { }

                    protected override Task<string> SafeCreateNewToken(string iotHub, int suggestedTimeToLive) =>
                        Task.FromResult("SharedAccessSignature sr=x&sig=y&se=0");
                }
            }
            """;

        var compilation = SurfaceHarness.CompileSnippet(code);

        Assert.Empty(SurfaceHarness.Errors(compilation));
    }

    [Theory]
    [InlineData("new Microsoft.Azure.Devices.Client.Transport.Mqtt.MqttTransportSettings()", "CS7036")]
    [InlineData("new Microsoft.Azure.Devices.Client.DeviceClient()", "CS0122|CS1729")]
    [InlineData("new Microsoft.Azure.Devices.Client.Transport.Mqtt.MqttTransportSettings(Microsoft.Azure.Devices.Client.TransportType.Mqtt_Tcp_Only).IdleTimeout", "CS1061")]
    [InlineData("Microsoft.Azure.Devices.Client.ModuleClient.CreateFromConnectionString(\"\", \"device\")", "CS1503")]
    public void WhatTheSdkDoesNotHave_DoesNotCompile(string expression, string expectedErrors)
    {
        var compilation = SurfaceHarness.CompileSnippet($"public static class C {{ public static object M() => {expression}; }}");

        Assert.Contains(SurfaceHarness.Errors(compilation), d => expectedErrors.Split('|').Contains(d.Id));
    }

    private static string? AttributeArgument<TAttribute>(Assembly assembly) =>
        assembly.GetCustomAttributesData()
            .Single(a => a.AttributeType.FullName == typeof(TAttribute).FullName)
            .ConstructorArguments[0].Value as string;
}
