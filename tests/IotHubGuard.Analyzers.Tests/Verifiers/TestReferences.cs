using System;
using System.Collections.Immutable;
using IotHubGuard.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace IotHubGuard.Analyzers.Tests;

/// <summary>Which libraries a test snippet compiles against, on top of the .NET reference assemblies.</summary>
[Flags]
public enum Libraries
{
    /// <summary>Only .NET: the analyzers must register nothing.</summary>
    None = 0,

    /// <summary>The device SDK stand-in (Microsoft.Azure.Devices.Client 1.42.3 surface).</summary>
    DeviceSdk = 1,

    /// <summary>The real MQTTnet 5.x package.</summary>
    MqttNet = 2,

    /// <summary>Both.</summary>
    All = DeviceSdk | MqttNet,

    /// <summary>
    /// The MQTTnet 4.3 stand-in (sdk-surface/MQTTnet): client types in <c>MQTTnet.Client</c>, <c>MqttFactory</c>.
    /// Never together with <see cref="MqttNet"/> (both are the assembly <c>MQTTnet</c>).
    /// </summary>
    MqttNet4 = 4,

    /// <summary>The device SDK stand-in and the MQTTnet 4.3 stand-in.</summary>
    AllWithMqttNet4 = DeviceSdk | MqttNet4,
    /// <summary>The new-generation device SDK stand-in (Microsoft.Azure.Iot.Device); not part of <see cref="All"/>.</summary>
    IotDevice = 8,
}

/// <summary>
/// Hermetic references for the Roslyn test harness: the .NET reference pack that ships with the SDK
/// running the tests (no download at test time), the SDK stand-in, and MQTTnet from the test's own package.
/// </summary>
public static class TestReferences
{
    /// <summary>An empty reference set: the references come from <see cref="For"/>.</summary>
    public static ReferenceAssemblies NoPackage { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> For(
        Libraries libraries,
        string sdkVersion = "1.42.3.0",
        string? sdkInformationalVersion = null,
        string iotDeviceVersion = IotDeviceSurface.DefaultAssemblyVersion,
        string? iotDeviceInformationalVersion = null)
    {
        var builder = ReferencePack.Net.ToBuilder();
        if (libraries.HasFlag(Libraries.DeviceSdk))
        {
            builder.Add(SdkSurface.GetReference(ReferencePack.Net, sdkVersion, sdkInformationalVersion));
        }

        if (libraries.HasFlag(Libraries.IotDevice))
        {
            builder.Add(IotDeviceSurface.GetReference(ReferencePack.Net, iotDeviceVersion, iotDeviceInformationalVersion));
        }

        if (libraries.HasFlag(Libraries.MqttNet))
        {
            builder.Add(MetadataReference.CreateFromFile(typeof(MQTTnet.MqttClientOptionsBuilder).Assembly.Location));
        }

        if (libraries.HasFlag(Libraries.MqttNet4))
        {
            if (libraries.HasFlag(Libraries.MqttNet))
            {
                throw new ArgumentException("MQTTnet 5 and the MQTTnet 4.3 stand-in are both the assembly MQTTnet: choose one.", nameof(libraries));
            }

            builder.Add(MqttNet4Surface.GetReference(ReferencePack.Net));
        }

        return builder.ToImmutable();
    }
}
