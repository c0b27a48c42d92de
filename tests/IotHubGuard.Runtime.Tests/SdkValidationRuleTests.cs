using System;
using IotHubGuard.Runtime.Mqtt;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

/// <summary>
/// The connection-string and token rules of the device SDK 1.42.3 (Azure/azure-iot-sdk-csharp,
/// iothub/device/src/Authentication/IotHubConnectionStringBuilder.cs and
/// iothub/device/src/Common/Security/SharedAccessSignature.cs): what it refuses is refused, what it accepts is accepted.
/// </summary>
public class SdkValidationRuleTests
{
    private const string Key = "q0V8v+Kx/7mZ3P2rT1sYw9Nc4HbLdUeF6jG5aQ8tR0o=";

    private static string Cs(string host = "h.azure-devices.net", string device = "d", string extra = "") =>
        $"HostName={host};DeviceId={device};SharedAccessKey={Key}{extra}";

    [Theory]
    [InlineData("filter")]
    [InlineData("$edgeAgent")]
    [InlineData("m-1:a.b+c%d_e#f*g?h!i(j)k,l=m@n$o'p")]
    public void Module_ids_the_SDK_accepts_are_accepted(string moduleId) =>
        Assert.Equal(moduleId, IotHubConnectionString.Parse(Cs(extra: ";ModuleId=" + moduleId)).ModuleId);

    [Theory]
    [InlineData("mod ule")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a\tb")]
    [InlineData("a&b")]
    [InlineData("mödule")]
    public void Module_ids_the_SDK_refuses_are_refused(string moduleId)
    {
        var ex = Assert.Throws<ArgumentException>(() => IotHubConnectionString.Parse(Cs(extra: ";ModuleId=" + moduleId)));
        Assert.Contains("ModuleId that IoT Hub does not accept", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(moduleId, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_id_longer_than_128_characters_is_refused()
    {
        Assert.NotNull(IotHubConnectionString.Parse(Cs(extra: ";ModuleId=" + new string('m', 128))).ModuleId);
        Assert.Throws<ArgumentException>(() => IotHubConnectionString.Parse(Cs(extra: ";ModuleId=" + new string('m', 129))));
    }

    [Theory]
    [InlineData("my hub.azure-devices.net")]
    [InlineData("h.azure-devices.net/")]
    [InlineData("h\\azure-devices.net")]
    [InlineData("h.azure-devices.net?x")]
    [InlineData("h.azure-devices.net#x")]
    [InlineData("user@h.azure-devices.net")]
    [InlineData("h.azure-devices.net:8883")]
    [InlineData("hüb.azure-devices.net")]
    public void Host_names_with_characters_outside_the_SDKs_set_are_refused(string host)
    {
        var hostEx = Assert.Throws<ArgumentException>(() => IotHubConnectionString.Parse(Cs(host: host)));
        Assert.Contains("HostName that is not a host name", hostEx.Message, StringComparison.Ordinal);
        var gatewayEx = Assert.Throws<ArgumentException>(() => IotHubConnectionString.Parse(Cs(extra: ";GatewayHostName=" + host)));
        Assert.Contains("GatewayHostName that is not a host name", gatewayEx.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tab_inside_a_host_name_is_refused()
    {
        Assert.Throws<ArgumentException>(() => IotHubConnectionString.Parse(Cs(host: "h.azure\t-devices.net")));
        Assert.Throws<ArgumentException>(() => IotHubConnectionString.Parse(Cs(extra: ";GatewayHostName=edge\tgw")));
    }

    [Theory]
    [InlineData("h.azure-devices.net")]
    [InlineData("edge_gw-1.local")]
    [InlineData("192.168.1.10")]
    [InlineData("gateway")]
    public void Host_names_the_SDK_accepts_are_accepted(string host)
    {
        Assert.Equal(host, IotHubConnectionString.Parse(Cs(host: host)).HostName);
        Assert.Equal(host, IotHubConnectionString.Parse(Cs(extra: ";GatewayHostName=" + host)).GatewayHostName);
    }

    [Fact]
    public void A_shared_access_key_name_outside_the_SDKs_set_is_refused()
    {
        Assert.Equal("iothubowner", IotHubConnectionString.Parse(Cs(extra: ";SharedAccessKeyName=iothubowner")).SharedAccessKeyName);
        var ex = Assert.Throws<ArgumentException>(() => IotHubConnectionString.Parse(Cs(extra: ";SharedAccessKeyName=my policy")));
        Assert.Contains("SharedAccessKeyName", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1767225600", 1767225600.0)]
    [InlineData("1767225600.5", 1767225600.5)]
    [InlineData("+1767225600", 1767225600.0)]
    [InlineData("1.7672256E9", 1767225600.0)]
    [InlineData("1.7672256e%2B09", 1767225600.0)]
    [InlineData("1,767,225,600", 1767225600.0)]
    [InlineData("%2B1767225600", 1767225600.0)]
    [InlineData("-60", -60.0)]
    public void Expiry_values_the_SDKs_parser_accepts_are_accepted(string se, double seconds)
    {
        SasTokenInfo info = IotHubSasToken.Parse($"SharedAccessSignature sr=h%2Fdevices%2Fd&sig=abc&se={se}");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(0).AddSeconds(seconds), info.ExpiresOn);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e20")]
    [InlineData("-1e20")]
    [InlineData("0x10")]
    [InlineData("1.7672256e+09")] // the SDK URL-decodes se= first, so the raw '+' becomes a space

    public void Expiry_values_the_SDK_cannot_turn_into_a_date_are_refused(string se)
    {
        var ex = Assert.Throws<ArgumentException>(() => IotHubSasToken.Parse($"SharedAccessSignature sr=h&sig=abc&se={se}"));
        Assert.Contains("'se=' (expiry)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_lifetime_no_date_can_hold_is_refused_when_configured()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            IotHubMqttClientOptions.Create(Cs(), s => s.TokenTimeToLive = TimeSpan.FromDays(5_000_000)));
        Assert.Contains("token lifetime", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => IotHubSasCredentialsProvider.FromConnectionString(Cs(), TimeSpan.MaxValue));
    }

    [Fact]
    public void Short_token_lifetimes_stay_possible()
    {
        var provider = IotHubSasCredentialsProvider.FromConnectionString(Cs(), TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), provider.TokenTimeToLive);
        Assert.NotNull(IotHubMqttClientOptions.Create(Cs(), s => s.TokenTimeToLive = TimeSpan.FromSeconds(1)));
    }
}
