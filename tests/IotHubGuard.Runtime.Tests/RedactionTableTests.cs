using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using IotHubGuard.Runtime.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

/// <summary>Every form in which a key or a signature travels through text, and what SecretRedactor makes of it.</summary>
public class RedactionTableTests
{
    // A realistic 32-byte key with '+', '/' and '=' (so its URL-encoded forms differ), and a signature likewise.
    private const string K = "q0V8v+Kx/7mZ3P2rT1sYw9Nc4HbLdUeF6jG5aQ8tR0o=";
    private const string S = "Xy9+Wb2/Qr7TmN1pLk3JhG5fDs8aZc6VeR4uIo0yBn8=";

    private static readonly string KeyUrl = Uri.EscapeDataString(K);          // q0V8v%2BKx%2F...%3D
    private static readonly string SigUrl = Uri.EscapeDataString(S);
    private static readonly string KeyUrlTwice = Uri.EscapeDataString(KeyUrl); // q0V8v%252BKx...
    private static readonly string KeyJsonEscaped = K.Replace("+", "\\u002B", StringComparison.Ordinal); // System.Text.Json's default

    public static IEnumerable<object[]> Table() => new (string Input, string Expected)[]
    {
        ($"HostName=h;DeviceId=d;SharedAccessKey={K}", "HostName=h;DeviceId=d;SharedAccessKey=***"),
        ($"sharedaccesskey = {K}; HostName=h", "sharedaccesskey = ***; HostName=h"),
        ($"SharedAccessKey=\"{K}\"", "SharedAccessKey=\"***\""),
        ($"SharedAccessKey='{K}'", "SharedAccessKey='***'"),
        ($"<device SharedAccessKey=\"{K}\" />", "<device SharedAccessKey=\"***\" />"),
        ($"{{\"SharedAccessKey\":\"{K}\"}}", "{\"SharedAccessKey\":\"***\"}"),
        ($"{{ \"sharedAccessKey\" : \"{K}\" }}", "{ \"sharedAccessKey\" : \"***\" }"),
        ($"{{\"SharedAccessKey\":\"{KeyJsonEscaped}\"}}", "{\"SharedAccessKey\":\"***\"}"),
        ($"{{\\\"SharedAccessKey\\\":\\\"{K}\\\"}}", "{\\\"SharedAccessKey\\\":\\\"***\\\"}"),
        ($"SharedAccessKey: {K}", "SharedAccessKey: ***"),
        ($"sharedAccessKey: \"{K}\"", "sharedAccessKey: \"***\""),
        ($"IOTHUB_DEVICE_SHAREDACCESSKEY={K}", "IOTHUB_DEVICE_SHAREDACCESSKEY=***"),
        ($"<SharedAccessKey>{K}</SharedAccessKey>", "<SharedAccessKey>***</SharedAccessKey>"),
        ($"cs=HostName%3Dh%3BDeviceId%3Dd%3BSharedAccessKey%3D{KeyUrl}%3BModuleId%3Dm", "cs=HostName%3Dh%3BDeviceId%3Dd%3BSharedAccessKey%3D***%3BModuleId%3Dm"),
        ($"SharedAccessKey%3d{KeyUrl}&x=1", "SharedAccessKey%3d***&x=1"),
        ($"cs=SharedAccessKey%253D{KeyUrlTwice}%253BDeviceId%253Dd", "cs=SharedAccessKey%253D***%253BDeviceId%253Dd"),
        ($"%7B%22SharedAccessKey%22%3A%22{KeyUrl}%22%7D", "%7B%22SharedAccessKey%22%3A%22***%22%7D"),
        ($"\"primaryKey\": \"{K}\", \"secondaryKey\": \"{K}\"", "\"primaryKey\": \"***\", \"secondaryKey\": \"***\""),
        ($"SharedAccessSignature sr=h%2Fdevices%2Fd&sig={SigUrl}&se=1767225600", "SharedAccessSignature sr=h%2Fdevices%2Fd&sig=***&se=1767225600"),
        ($"Authorization: SharedAccessSignature sig={S}&se=1&sr=h", "Authorization: SharedAccessSignature sig=***&se=1&sr=h"),
        ($"SharedAccessSignature%20sr%3Dh%26sig%3D{Uri.EscapeDataString(SigUrl)}%26se%3D1", "SharedAccessSignature%20sr%3Dh%26sig%3D***%26se%3D1"),
        ($"sig%3d{SigUrl}%26se%3d1", "sig%3d***%26se%3d1"),
        ($"{{\"sig\":\"{S}\",\"se\":1}}", "{\"sig\":\"***\",\"se\":1}"),
        ($"sig: {S}", "sig: ***"),
        ($"sig='{S}'", "sig='***'"),
        ($"https://x.blob.core.windows.net/c?sv=2021&sig={SigUrl}&se=2026", "https://x.blob.core.windows.net/c?sv=2021&sig=***&se=2026"),
    }.Select(row => new object[] { row.Input, row.Expected });

    // Must not fire: names that only contain the words, and the non-secret fields next to them.
    public static IEnumerable<object[]> Untouched() => new[]
    {
        "SharedAccessKeyName=owner;DeviceId=d",
        "\"SharedAccessKeyName\":\"owner\"",
        "designated=1",
        "signal: 5",
        "\"sigma\":\"x\"",
        "config%3Dsig",
        "PrimaryKeyColumn=id",
        "SharedAccessSignature sr=h&se=1",
    }.Select(text => new object[] { text });

    [Theory]
    [MemberData(nameof(Table))]
    public void Every_form_is_redacted(string input, string expected)
    {
        string redacted = SecretRedactor.Redact(input);
        Assert.Equal(expected, redacted);
        AssertNoSecret(redacted);
    }

    [Theory]
    [MemberData(nameof(Untouched))]
    public void Text_without_a_secret_is_left_as_it_is(string text) => Assert.Equal(text, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("factory")]
    [InlineData("configure")]
    public async Task A_throwing_input_callback_reaches_the_hosts_failed_to_start_log_without_the_key(string callback)
    {
        string cs = $"HostName=h;DeviceId=d;SharedAccessKey={K}";
        var logs = new CapturingLoggerProvider();
        using IHost host = HostingTests.BuildHost(logs, s => s.AddIotHubGuard(o =>
        {
            Exception Fail() => new InvalidOperationException("could not read " + cs, new FormatException("inner: {\"SharedAccessKey\":\"" + K + "\"}"));
            if (callback == "factory")
            {
                o.InputFactory = _ => throw Fail();
            }
            else
            {
                o.ConfigureInput = (_, _) => throw Fail();
            }
        }));

        Exception thrown = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.IsType<InvalidOperationException>(thrown);
        AssertNoSecret(thrown.ToString());
        Assert.Contains("could not read", thrown.ToString(), StringComparison.Ordinal);
        Assert.Contains("FormatException", thrown.ToString(), StringComparison.Ordinal);

        // The host's own log line about the failed start (category Microsoft.Extensions.Hosting.Internal.Host) and ours.
        Assert.Contains(logs.Entries, e => e.Category.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal) && e.Level >= LogLevel.Error);
        Assert.Contains(logs.Entries, e => e.Category == "IotHubGuard" && e.Level == LogLevel.Error && e.Text.Contains("could not read", StringComparison.Ordinal));
        AssertNoSecret(logs.AllText);
    }

    private static void AssertNoSecret(string text)
    {
        foreach (string secret in new[] { K, KeyUrl, WebUtility.UrlEncode(K), KeyUrlTwice, KeyJsonEscaped, S, SigUrl })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Substring(0, 12), text, StringComparison.Ordinal);
        }
    }
}
