using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace IotHubGuard.Runtime.Tests;

/// <summary>Realistic keys and tokens, an independent SAS verifier, and the "no secret in this text" assertion.</summary>
internal static class TestSecrets
{
    public const string Host = "contoso-hub.azure-devices.net";
    public const string Device = "sensor-01";

    public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A 32-byte key in Base64, like the ones the portal shows (they contain '+', '/' and '=' often).</summary>
    public static string NewKey()
    {
        while (true)
        {
            string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            if (key.Contains('/'))
            {
                return key; // the URL-encoded form then differs from the raw one (both get checked), and it is no valid device ID
            }
        }
    }

    public static string KeyConnectionString(string key, string device = Device) =>
        $"HostName={Host};DeviceId={device};SharedAccessKey={key}";

    public static string SasConnectionString(string token, string device = Device) =>
        $"HostName={Host};DeviceId={device};SharedAccessSignature={token}";

    /// <summary>A device token, signed independently of the library (the format of learn.microsoft.com, "Control access to IoT Hub with shared access signatures").</summary>
    public static string Token(string key, DateTimeOffset expiresOn, string device = Device)
    {
        string sr = Uri.EscapeDataString($"{Host}/devices/{device}".ToLowerInvariant());
        string se = expiresOn.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"SharedAccessSignature sr={sr}&sig={Uri.EscapeDataString(Sign(key, sr, se))}&se={se}";
    }

    public static string Sign(string base64Key, string encodedResource, string expiry)
    {
        using var hmac = new HMACSHA256(Convert.FromBase64String(base64Key));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(encodedResource + "\n" + expiry)));
    }

    /// <summary>Splits a token into its fields (values as sent, still URL-encoded).</summary>
    public static Dictionary<string, string> Fields(string token)
    {
        Assert.StartsWith("SharedAccessSignature ", token);
        var fields = new Dictionary<string, string>();
        foreach (string part in token.Substring("SharedAccessSignature ".Length).Split('&'))
        {
            int eq = part.IndexOf('=');
            fields[part.Substring(0, eq)] = part.Substring(eq + 1);
        }

        return fields;
    }

    /// <summary>True when the token's signature verifies against the key (computed here, not by the library).</summary>
    public static bool Verifies(string token, string base64Key)
    {
        Dictionary<string, string> f = Fields(token);
        string expected = Sign(base64Key, f["sr"], f["se"]);
        return string.Equals(Uri.UnescapeDataString(f["sig"]), expected, StringComparison.Ordinal);
    }

    /// <summary>Every form in which a secret could leak: the key raw and URL-encoded, each signature raw and URL-encoded.</summary>
    public static IEnumerable<string> SecretForms(string key, params string[] tokens)
    {
        yield return key;
        yield return Uri.EscapeDataString(key);
        yield return WebUtility.UrlEncode(key);
        foreach (string token in tokens)
        {
            int start = token.IndexOf("sig=", StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            start += 4;
            int end = token.IndexOf('&', start);
            string sig = end < 0 ? token.Substring(start) : token.Substring(start, end - start);
            yield return sig;
            yield return Uri.UnescapeDataString(sig);
        }
    }

    public static void AssertNoSecret(string? text, string key, params string[] tokens)
    {
        Assert.NotNull(text);
        foreach (string secret in SecretForms(key, tokens))
        {
            // Enough of the secret to identify it: the whole value, and its first 16 characters.
            Assert.DoesNotContain(secret, text!, StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Substring(0, Math.Min(16, secret.Length)), text!, StringComparison.Ordinal);
        }
    }
}
