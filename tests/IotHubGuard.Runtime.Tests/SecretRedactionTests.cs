using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using IotHubGuard.Runtime.Hosting;
using IotHubGuard.Runtime.Mqtt;
using IotHubGuard.Runtime.Tests.Fakes;
using Microsoft.Extensions.Hosting;
using MQTTnet;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

/// <summary>
/// Real-looking keys and signatures go through every path that produces text (findings, report, exceptions,
/// ArgumentExceptions for malformed input, logs, ToString of every type that holds a secret); none may show a secret.
/// </summary>
public class SecretRedactionTests
{
    private readonly string _key = TestSecrets.NewKey();

    private IEnumerable<(string Name, string Token)> Tokens()
    {
        yield return ("valid", TestSecrets.Token(_key, TestSecrets.Now.AddHours(5)));
        yield return ("expiring", TestSecrets.Token(_key, TestSecrets.Now.AddMinutes(3)));
        yield return ("expired", TestSecrets.Token(_key, TestSecrets.Now.AddHours(-5)));
    }

    private static StartupCheckInput Input() => new StartupCheckInput { Now = TestSecrets.Now, CheckSdkVersion = false };

    [Fact]
    public void Report_findings_and_exception_never_contain_a_signature()
    {
        foreach ((string name, string token) in Tokens())
        {
            var texts = new List<string>();
            StartupCheckInput input = Input();
            input.ConnectionString = TestSecrets.SasConnectionString(token);
            input.AuthenticationMethod = new DeviceAuthenticationWithToken(TestSecrets.Device, token);
            input.MqttClientOptions = new MqttClientOptionsBuilder().WithTcpServer(TestSecrets.Host).WithCredentials("u", token).Build();
            StartupCheckReport report = StartupCheck.Run(input);
            Assert.Equal(3, report.Findings.Count);
            texts.Add(report.ToString());
            foreach (Finding finding in report.Findings)
            {
                texts.Add(finding.Message);
                texts.Add(finding.ToString());
            }

            if (report.HasErrors)
            {
                IotHubGuardException ex = Assert.Throws<IotHubGuardException>(report.ThrowIfErrors);
                texts.Add(ex.Message);
                texts.Add(ex.ToString());
            }

            Assert.True(name != "expired" || report.HasErrors);
            foreach (string text in texts)
            {
                TestSecrets.AssertNoSecret(text, _key, token);
            }
        }
    }

    [Fact]
    public void Malformed_input_exceptions_never_contain_a_secret()
    {
        string token = TestSecrets.Token(_key, TestSecrets.Now.AddHours(1));
        string tokenWithoutExpiry = token.Substring(0, token.IndexOf("&se=", StringComparison.Ordinal));
        string tokenWithBadExpiry = tokenWithoutExpiry + "&se=" + _key;
        string[] connectionStrings =
        {
            $"HostName={TestSecrets.Host};DeviceId=d;SharedAccessKey={_key}*",                   // not Base64
            $"HostName={TestSecrets.Host};DeviceId=d;{_key}",                                     // key lost its name
            $"HostName={TestSecrets.Host};DeviceId=d;SharedAccessKey={_key};SharedAccessSignature={token}",
            $"HostName={TestSecrets.Host};DeviceId=d;SharedAccessKey={_key};SharedAccessKey={_key}",
            $"HostName={TestSecrets.Host};DeviceId=d;SharedAccessSignature={tokenWithoutExpiry}",
            $"HostName={TestSecrets.Host};DeviceId=d;SharedAccessSignature={tokenWithBadExpiry}",
            $"HostName={TestSecrets.Host};SharedAccessKey={_key}",                                // no DeviceId
            $"DeviceId=d;SharedAccessKey={_key}",                                                 // no HostName
            $"HostName={TestSecrets.Host};DeviceId={_key};SharedAccessKey={_key}",                // key as device ID (has '/' or '+')
            $"HostName={TestSecrets.Host};DeviceId=d;x509=true;SharedAccessKey={_key}",
            $"{_key}={_key};HostName={TestSecrets.Host}",
        };

        foreach (string connectionString in connectionStrings)
        {
            StartupCheckInput input = Input();
            input.ConnectionString = connectionString;
            ArgumentException ex = Assert.ThrowsAny<ArgumentException>(() => StartupCheck.Run(input));
            TestSecrets.AssertNoSecret(ex.ToString(), _key, token);

            ex = Assert.ThrowsAny<ArgumentException>(() => IotHubConnectionString.Parse(connectionString));
            TestSecrets.AssertNoSecret(ex.ToString(), _key, token);

            Exception mqtt = Assert.ThrowsAny<ArgumentException>(() => IotHubMqttClientOptions.Create(connectionString));
            TestSecrets.AssertNoSecret(mqtt.ToString(), _key, token);
        }

        StartupCheckInput authInput = Input();
        authInput.AuthenticationMethod = new DeviceAuthenticationWithToken("d", tokenWithoutExpiry);
        TestSecrets.AssertNoSecret(Assert.Throws<ArgumentException>(() => StartupCheck.Run(authInput)).ToString(), _key, token);
        TestSecrets.AssertNoSecret(Assert.Throws<ArgumentException>(() => IotHubSasToken.Parse(tokenWithBadExpiry)).ToString(), _key, token);
        TestSecrets.AssertNoSecret(Assert.Throws<ArgumentException>(() => IotHubSasToken.Create("r", _key + "*", TestSecrets.Now)).ToString(), _key, token);
    }

    [Fact]
    public void Types_that_hold_secrets_print_without_them()
    {
        string token = TestSecrets.Token(_key, TestSecrets.Now.AddHours(1));
        TestSecrets.AssertNoSecret(IotHubConnectionString.Parse(TestSecrets.KeyConnectionString(_key)).ToString(), _key);
        IotHubConnectionString sas = IotHubConnectionString.Parse(TestSecrets.SasConnectionString(token));
        TestSecrets.AssertNoSecret(sas.ToString(), _key, token);
        TestSecrets.AssertNoSecret(sas.Token!.ToString(), _key, token);
        TestSecrets.AssertNoSecret(IotHubSasToken.Parse(token).ToString(), _key, token);

        var provider = IotHubSasCredentialsProvider.FromConnectionString(TestSecrets.KeyConnectionString(_key));
        string minted = System.Text.Encoding.UTF8.GetString(provider.GetPassword(new MqttClientOptions()));
        TestSecrets.AssertNoSecret(provider.ToString(), _key, minted);
    }

    [Fact]
    public void Redactor_masks_keys_and_signatures_in_free_text()
    {
        string token = TestSecrets.Token(_key, TestSecrets.Now.AddHours(1));
        string[] texts =
        {
            TestSecrets.KeyConnectionString(_key),
            TestSecrets.SasConnectionString(token),
            $"Connecting with \"{TestSecrets.KeyConnectionString(_key)}\" failed",
            $"sharedaccesskey = {_key}; HostName=x",
            $"password: {token}",
            $"{{\"cs\":\"HostName=h;DeviceId=d;SharedAccessKey={_key}\"}}",
            $"url?sr=a&sig={Uri.UnescapeDataString(TestSecrets.Fields(token)["sig"])}&se=1",
        };

        foreach (string text in texts)
        {
            string redacted = SecretRedactor.Redact(text);
            TestSecrets.AssertNoSecret(redacted, _key, token);
            Assert.Contains(SecretRedactor.Mask, redacted);
        }

        Assert.Equal("SharedAccessKeyName=owner;SharedAccessKey=***", SecretRedactor.Redact($"SharedAccessKeyName=owner;SharedAccessKey={_key}"));
        Assert.Equal("designated=1", SecretRedactor.Redact("designated=1")); // "sig=" inside a word is not a signature
        Assert.Equal(string.Empty, SecretRedactor.Redact(null));
        Assert.Contains("***", new Finding("AZIOT101", FindingSeverity.Warning, "cs was " + TestSecrets.KeyConnectionString(_key)).Message);
        Assert.DoesNotContain(_key, new IotHubGuardException("cs was " + TestSecrets.KeyConnectionString(_key)).Message);
    }

    [Fact]
    public async Task Host_logs_and_start_failure_never_contain_a_secret()
    {
        string token = TestSecrets.Token(_key, TestSecrets.Now.AddHours(-1));
        var logs = new CapturingLoggerProvider();

        // 1. Errors found: logged and thrown at start.
        using (IHost host = HostingTests.BuildHost(logs, s => s.AddIotHubGuard(o =>
        {
            o.Input = Input();
            o.Input.ConnectionString = TestSecrets.SasConnectionString(token);
            o.Input.AuthenticationMethod = new DeviceAuthenticationWithToken("d", TestSecrets.Token(_key, TestSecrets.Now.AddMinutes(1)));
        })))
        {
            Exception ex = await Assert.ThrowsAsync<IotHubGuardException>(() => host.StartAsync());
            TestSecrets.AssertNoSecret(ex.ToString(), _key, token);
        }

        // 2. Malformed input: logged and thrown at start.
        using (IHost host = HostingTests.BuildHost(logs, s => s.AddIotHubGuard(o =>
        {
            o.Input = Input();
            o.Input.ConnectionString = $"HostName={TestSecrets.Host};DeviceId=d;SharedAccessKey={_key}!";
        })))
        {
            Exception ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => host.StartAsync());
            TestSecrets.AssertNoSecret(ex.ToString(), _key, token);
        }

        // 3. A close delegate whose exception message carries a connection string: the log line is redacted.
        using (IHost host = HostingTests.BuildHost(logs, s => s.AddIotHubGuardCloseOnShutdown(_ =>
            throw new InvalidOperationException("close failed for " + TestSecrets.SasConnectionString(token)))))
        {
            await host.StartAsync();
            await host.StopAsync();
        }

        Assert.Contains("AZIOT101", logs.AllText);
        Assert.Contains("invalid input", logs.AllText);
        Assert.Contains("close failed for", logs.AllText);
        TestSecrets.AssertNoSecret(logs.AllText, _key, token);
    }
}
