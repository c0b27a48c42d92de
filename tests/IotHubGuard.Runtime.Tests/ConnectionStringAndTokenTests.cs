using System;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

public class ConnectionStringAndTokenTests
{
    private static readonly string Key = TestSecrets.NewKey();

    [Fact]
    public void Parses_a_module_connection_string_with_gateway()
    {
        IotHubConnectionString cs = IotHubConnectionString.Parse(
            $"HostName={TestSecrets.Host};DeviceId=edge-1;ModuleId=filter;GatewayHostName=edge.local;SharedAccessKey={Key}");
        Assert.Equal(TestSecrets.Host, cs.HostName);
        Assert.Equal("edge-1", cs.DeviceId);
        Assert.Equal("filter", cs.ModuleId);
        Assert.Equal("edge.local", cs.GatewayHostName);
        Assert.Equal(Key, cs.SharedAccessKey);
        Assert.Equal(IotHubAuthenticationKind.SharedAccessKey, cs.AuthenticationKind);
        Assert.Equal($"{TestSecrets.Host}/devices/edge-1/modules/filter", cs.ResourceUri);
        Assert.Equal($"HostName={TestSecrets.Host};DeviceId=edge-1;ModuleId=filter;GatewayHostName=edge.local;SharedAccessKey=***", cs.ToString());
    }

    [Fact]
    public void Parses_a_fixed_token_connection_string()
    {
        string token = TestSecrets.Token(Key, TestSecrets.Now);
        IotHubConnectionString cs = IotHubConnectionString.Parse(TestSecrets.SasConnectionString(token));
        Assert.Equal(IotHubAuthenticationKind.SharedAccessSignature, cs.AuthenticationKind);
        Assert.Equal(token, cs.SharedAccessSignature);
        Assert.Equal(TestSecrets.Now, cs.Token!.ExpiresOn);
        Assert.Equal($"{TestSecrets.Host}/devices/{TestSecrets.Device}", cs.Token.Resource);
        Assert.Contains("sig=***", cs.ToString());
    }

    [Fact]
    public void Parse_throws_with_the_public_parameter_name()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => IotHubConnectionString.Parse("HostName=h"));
        Assert.Equal("connectionString", ex.ParamName);
        Assert.StartsWith("The connection string has no DeviceId.", ex.Message);
        Assert.Throws<ArgumentNullException>(() => IotHubConnectionString.Parse(null!));
    }

    [Fact]
    public void Created_token_verifies_with_an_independent_implementation()
    {
        DateTimeOffset expiry = TestSecrets.Now.AddHours(1);
        string token = IotHubSasToken.Create(IotHubSasToken.GetResourceUri(TestSecrets.Host, "Sensor-01"), Key, expiry);
        var fields = TestSecrets.Fields(token);
        Assert.Equal(Uri.EscapeDataString($"{TestSecrets.Host}/devices/sensor-01"), fields["sr"]); // lower-cased, URL-encoded
        Assert.Equal(expiry.ToUnixTimeSeconds().ToString(), fields["se"]);
        Assert.False(fields.ContainsKey("skn"));
        Assert.True(TestSecrets.Verifies(token, Key));
        Assert.False(TestSecrets.Verifies(token, TestSecrets.NewKey()));
        Assert.Equal(token, TestSecrets.Token(Key, expiry));
    }

    [Fact]
    public void Policy_token_carries_skn()
    {
        string token = IotHubSasToken.Create(TestSecrets.Host, Key, TestSecrets.Now, "device policy");
        Assert.EndsWith("&skn=device%20policy", token);
        SasTokenInfo info = IotHubSasToken.Parse(token);
        Assert.Equal("device policy", info.KeyName);
        Assert.Equal(TestSecrets.Host, info.Resource);
        Assert.EndsWith("&skn=device policy", info.ToString());
        Assert.Contains("&sig=***&", info.ToString());
    }

    [Fact]
    public void TryParse_never_throws()
    {
        Assert.False(IotHubSasToken.TryParse(null, out _));
        Assert.False(IotHubSasToken.TryParse("garbage", out _));
        Assert.False(IotHubSasToken.TryParse("SharedAccessSignature sr=a&sig=b&se=99999999999999999999", out _));
        Assert.False(IotHubSasToken.TryParse("SharedAccessSignature &&&", out _));
        Assert.True(IotHubSasToken.TryParse(TestSecrets.Token(Key, TestSecrets.Now), out SasTokenInfo? info));
        Assert.Equal(TestSecrets.Now, info!.ExpiresOn);
    }

    [Fact]
    public void Parse_reads_tokens_like_the_sdk()
    {
        string token = TestSecrets.Token(Key, TestSecrets.Now);

        // Field names in any case, empty fields and a trailing '&' are accepted by the SDK's parser.
        SasTokenInfo upper = IotHubSasToken.Parse(token.Replace(" sr=", " SR=").Replace("&se=", "&Se=").Replace("&sig=", "&&SIG=") + "&skn=p&");
        Assert.Equal($"{TestSecrets.Host}/devices/{TestSecrets.Device}", upper.Resource);
        Assert.Equal(TestSecrets.Now, upper.ExpiresOn);
        Assert.Equal("p", upper.KeyName);

        // The SDK reads se with double.Parse: a fraction of a second is kept, not refused.
        Assert.Equal(TestSecrets.Now.AddMilliseconds(250), IotHubSasToken.Parse(token + ".25").ExpiresOn);

        // A negative expiry parses in the SDK too: the token is simply expired (AZIOT101 reports it as an error).
        Assert.True(IotHubSasToken.Parse(token.Replace("&se=", "&se=-")).ExpiresOn < DateTimeOffset.FromUnixTimeSeconds(0));

        // Still refused: no expiry, an expiry past the year 9999, a field without '='.
        Assert.False(IotHubSasToken.TryParse(token.Replace("&se=", "&xe="), out _));
        Assert.False(IotHubSasToken.TryParse(token + "e3", out _));
        Assert.False(IotHubSasToken.TryParse(token + "&novalue", out _));
    }

    [Fact]
    public void Create_rejects_a_bad_key_without_echoing_it()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => IotHubSasToken.Create("r", "not-base64-%%%", TestSecrets.Now));
        Assert.Equal("base64Key", ex.ParamName);
        Assert.DoesNotContain("not-base64", ex.Message);
    }
}
