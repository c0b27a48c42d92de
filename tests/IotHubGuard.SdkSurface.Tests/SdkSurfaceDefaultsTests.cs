using System;
using System.Linq;
using System.Reflection;
using Surface = IotHubGuard.Testing.SdkSurface;

namespace IotHubGuard.SdkSurface.Tests;

/// <summary>The defaults the runtime library reads by reflection, read the same way from the loaded surface.</summary>
public class SdkSurfaceDefaultsTests
{
    private static readonly Assembly Sdk = Surface.Load();

    [Fact]
    public void MqttTransportSettings_KeepAliveDefaultsTo300()
    {
        object settings = New("Microsoft.Azure.Devices.Client.Transport.Mqtt.MqttTransportSettings", TransportType("Mqtt_Tcp_Only"));

        Assert.Equal(300, Get(settings, "KeepAliveInSeconds"));
        Assert.Equal(TimeSpan.FromSeconds(60), Get(settings, "ConnectArrivalTimeout"));
        Assert.Equal(false, Get(settings, "CleanSession"));
        Assert.Equal(50, Get(settings, "MaxPendingInboundMessages"));
        Assert.Equal("AtLeastOnce", Get(settings, "PublishToServerQoS")!.ToString());
        Assert.Null(Get(settings, "WebSocketKeepAlive"));
        Assert.Null(Get(settings, "Proxy"));
        Assert.Null(settings.GetType().GetProperty("IdleTimeout"));
    }

    [Fact]
    public void MqttTransportSettings_RejectsTheUnsplitTransportType()
    {
        var ex = Assert.Throws<TargetInvocationException>(() => New("Microsoft.Azure.Devices.Client.Transport.Mqtt.MqttTransportSettings", TransportType("Mqtt")));
        Assert.IsType<ArgumentOutOfRangeException>(ex.InnerException);
    }

    [Fact]
    public void AmqpTransportSettings_IdleTimeoutDefaultsToTwoMinutes()
    {
        object settings = New("Microsoft.Azure.Devices.Client.AmqpTransportSettings", TransportType("Amqp_Tcp_Only"));

        Assert.Equal(TimeSpan.FromMinutes(2), Get(settings, "IdleTimeout"));
        Assert.Equal(TimeSpan.FromMinutes(1), Get(settings, "OperationTimeout"));
        Assert.Equal(50u, Get(settings, "PrefetchCount"));
        Assert.Equal(TimeSpan.FromMinutes(2), Sdk.GetType("Microsoft.Azure.Devices.Client.AmqpTransportSettings")!.GetField("DefaultIdleTimeout")!.GetValue(null));
        object pool = Get(settings, "AmqpConnectionPoolSettings")!;
        Assert.Equal(100u, Get(pool, "MaxPoolSize"));
        Assert.Equal(false, Get(pool, "Pooling"));
    }

    [Fact]
    public void ClientOptions_SasDefaultsAreZero_MeaningOneHourAndFifteenPercent()
    {
        object options = New("Microsoft.Azure.Devices.Client.ClientOptions");

        Assert.Equal(TimeSpan.Zero, Get(options, "SasTokenTimeToLive"));
        Assert.Equal(0, Get(options, "SasTokenRenewalBuffer"));
        Assert.Null(Get(options, "ModelId"));
        Assert.Equal("Never", Get(options, "SdkAssignsMessageId")!.ToString());
        Assert.Equal("Microsoft.Azure.Devices.Client.Http1TransportSettings", Get(options, "FileUploadTransportSettings")!.GetType().FullName);
    }

    [Fact]
    public void Enums_HaveTheSdkValues()
    {
        Type transport = Sdk.GetType("Microsoft.Azure.Devices.Client.TransportType")!;
        Assert.Equal(
            new[] { "Amqp=0", "Http1=1", "Amqp_WebSocket_Only=2", "Amqp_Tcp_Only=3", "Mqtt=4", "Mqtt_WebSocket_Only=5", "Mqtt_Tcp_Only=6" },
            Enum.GetValues(transport).Cast<object>().Select(v => $"{v}={Convert.ToInt32(v)}"));

        Type reason = Sdk.GetType("Microsoft.Azure.Devices.Client.ConnectionStatusChangeReason")!;
        Assert.Equal(
            new[] { "Connection_Ok", "Expired_SAS_Token", "Device_Disabled", "Bad_Credential", "Retry_Expired", "No_Network", "Communication_Error", "Client_Close" },
            Enum.GetNames(reason));

        Type status = Sdk.GetType("Microsoft.Azure.Devices.Client.ConnectionStatus")!;
        Assert.Equal(new[] { "Disconnected", "Connected", "Disconnected_Retrying", "Disabled" }, Enum.GetNames(status));
    }

    [Fact]
    public void RetryPolicyType_IsObsoleteWithTheSdkMessage()
    {
        Type type = Sdk.GetType("Microsoft.Azure.Devices.Client.RetryPolicyType")!;
        var obsolete = type.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ObsoleteAttribute");

        Assert.Equal(
            "This enum has been deprecated. Please use Microsoft.Azure.Devices.Client.SetRetryPolicy(IRetryPolicy retryPolicy) instead.",
            obsolete.ConstructorArguments[0].Value);
    }

    [Fact]
    public void Clients_AreDisposableBothWays_AndHaveNoPublicConstructor()
    {
        foreach (string name in new[] { "Microsoft.Azure.Devices.Client.DeviceClient", "Microsoft.Azure.Devices.Client.ModuleClient" })
        {
            Type type = Sdk.GetType(name)!;
            Assert.Contains(typeof(IDisposable), type.GetInterfaces());
            Assert.Contains(typeof(IAsyncDisposable), type.GetInterfaces());
            Assert.Empty(type.GetConstructors());
        }
    }

    [Fact]
    public void SharedTypes_KeepTheirRealNamespaces()
    {
        Assert.NotNull(Sdk.GetType("Microsoft.Azure.Devices.Shared.Twin"));
        Assert.NotNull(Sdk.GetType("Microsoft.Azure.Devices.Shared.TwinCollection"));
        Assert.NotNull(Sdk.GetType("Microsoft.Azure.Devices.Shared.SecurityProviderTpm"));
        Assert.NotNull(Sdk.GetType("Microsoft.Azure.Devices.Shared.SdkAssignsMessageId"));
        Assert.NotNull(Sdk.GetType("Microsoft.Azure.Devices.DeviceStatus"));
        Assert.NotNull(Sdk.GetType("DotNetty.Codecs.Mqtt.Packets.QualityOfService"));
        Assert.NotNull(Sdk.GetType("Microsoft.Azure.Devices.Client.Exceptions.IotHubException"));
        Assert.NotNull(Sdk.GetType("Microsoft.Azure.Devices.Client.Transport.FileUploadSasUriRequest"));
    }

    private static object TransportType(string name) =>
        Enum.Parse(Sdk.GetType("Microsoft.Azure.Devices.Client.TransportType", throwOnError: true)!, name);

    private static object New(string typeName, params object[] args) =>
        Activator.CreateInstance(Sdk.GetType(typeName, throwOnError: true)!, args)!;

    private static object? Get(object instance, string property) =>
        instance.GetType().GetProperty(property)!.GetValue(instance);
}
