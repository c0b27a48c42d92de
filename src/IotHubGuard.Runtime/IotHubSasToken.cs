using System;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace IotHubGuard.Runtime;

/// <summary>What a SAS token says, without its signature.</summary>
public sealed class SasTokenInfo
{
    internal SasTokenInfo(string resource, DateTimeOffset expiresOn, string? keyName)
    {
        Resource = resource;
        ExpiresOn = expiresOn;
        KeyName = keyName;
    }

    /// <summary>The <c>sr</c> field, URL-decoded, for example <c>myhub.azure-devices.net/devices/device1</c>.</summary>
    public string Resource { get; }

    /// <summary>The <c>se</c> field: when the token expires.</summary>
    public DateTimeOffset ExpiresOn { get; }

    /// <summary>The <c>skn</c> field (the shared access policy name); null for device-registry credentials.</summary>
    public string? KeyName { get; }

    /// <summary>The token's fields with the signature masked.</summary>
    public override string ToString() =>
        "SharedAccessSignature sr=" + Uri.EscapeDataString(Resource) + "&sig=" + SecretRedactor.Mask + "&se="
        + ExpiresOn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
        + (KeyName == null ? string.Empty : "&skn=" + KeyName);
}

/// <summary>
/// Creates and reads IoT Hub SAS tokens:
/// <c>SharedAccessSignature sr={URL-encoded resource}&amp;sig={signature}&amp;se={expiry}[&amp;skn={policy}]</c>, where the
/// signature is HMAC-SHA256 (key Base64-decoded) over the URL-encoded lower-case resource, a line feed and the expiry in
/// seconds since 1970-01-01 UTC.
/// </summary>
public static class IotHubSasToken
{
    /// <summary>The prefix every IoT Hub SAS token starts with.</summary>
    public const string Prefix = "SharedAccessSignature ";

    /// <summary>The resource a device or module token is for: <c>{host}/devices/{deviceId}[/modules/{moduleId}]</c>.</summary>
    /// <param name="hostName">The IoT hub host name, for example <c>myhub.azure-devices.net</c>.</param>
    /// <param name="deviceId">The device ID.</param>
    /// <param name="moduleId">The module ID, or null for a device.</param>
    /// <returns>The resource URI (not encoded).</returns>
    public static string GetResourceUri(string hostName, string deviceId, string? moduleId = null)
    {
        RequireText(hostName, nameof(hostName));
        RequireText(deviceId, nameof(deviceId));
        return string.IsNullOrEmpty(moduleId)
            ? hostName + "/devices/" + deviceId
            : hostName + "/devices/" + deviceId + "/modules/" + moduleId;
    }

    /// <summary>Creates a SAS token signed with a Base64 key.</summary>
    /// <param name="resourceUri">The resource, for example from <see cref="GetResourceUri"/>; it is lower-cased and URL-encoded.</param>
    /// <param name="base64Key">The shared access key in Base64, as in a connection string.</param>
    /// <param name="expiresOn">When the token expires (whole seconds; fractions are dropped).</param>
    /// <param name="keyName">The shared access policy name (<c>skn</c>), or null for a device key.</param>
    /// <returns>The token, starting with <see cref="Prefix"/>.</returns>
    /// <exception cref="ArgumentException">The key is not valid Base64 or an argument is empty.</exception>
    public static string Create(string resourceUri, string base64Key, DateTimeOffset expiresOn, string? keyName = null)
    {
        RequireText(base64Key, nameof(base64Key));
        return Create(resourceUri, DecodeKey(base64Key, nameof(base64Key), "the key"), expiresOn, keyName);
    }

    /// <summary>Creates a SAS token signed with a key given as bytes.</summary>
    /// <param name="resourceUri">The resource, for example from <see cref="GetResourceUri"/>; it is lower-cased and URL-encoded.</param>
    /// <param name="key">The shared access key bytes.</param>
    /// <param name="expiresOn">When the token expires (whole seconds; fractions are dropped).</param>
    /// <param name="keyName">The shared access policy name (<c>skn</c>), or null for a device key.</param>
    /// <returns>The token, starting with <see cref="Prefix"/>.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public static string Create(string resourceUri, byte[] key, DateTimeOffset expiresOn, string? keyName = null)
    {
        RequireText(resourceUri, nameof(resourceUri));
        if (key == null || key.Length == 0)
        {
            throw new ArgumentException("The key is empty.", nameof(key));
        }

        string encodedResource = Uri.EscapeDataString(resourceUri.ToLowerInvariant());
        string expiry = expiresOn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string signature;
        using (var hmac = new HMACSHA256(key))
        {
            signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(encodedResource + "\n" + expiry)));
        }

        var token = new StringBuilder(Prefix)
            .Append("sr=").Append(encodedResource)
            .Append("&sig=").Append(Uri.EscapeDataString(signature))
            .Append("&se=").Append(expiry);
        if (!string.IsNullOrEmpty(keyName))
        {
            token.Append("&skn=").Append(Uri.EscapeDataString(keyName));
        }

        return token.ToString();
    }

    /// <summary>Reads a SAS token's resource, expiry and policy name.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The token's fields, without the signature.</returns>
    /// <exception cref="ArgumentException">The token is malformed; the message names the part (never the signature).</exception>
    public static SasTokenInfo Parse(string token) => Parse(token, nameof(token), "The SAS token");

    /// <summary>Reads a SAS token; returns false instead of throwing when it is malformed.</summary>
    /// <param name="token">The token.</param>
    /// <param name="info">The token's fields when the result is true; otherwise null.</param>
    /// <returns>True when the token parsed.</returns>
    public static bool TryParse(string? token, out SasTokenInfo? info)
    {
        info = null;
        if (token == null || TryParseCore(token, out SasTokenInfo? parsed) != null)
        {
            return false;
        }

        info = parsed;
        return true;
    }

    internal static SasTokenInfo Parse(string token, string paramName, string subject)
    {
        if (token == null)
        {
            throw new ArgumentNullException(paramName);
        }

        string? problem = TryParseCore(token, out SasTokenInfo? info);
        if (problem != null)
        {
            throw new ArgumentException(subject + " " + problem, paramName);
        }

        return info!;
    }

    internal static byte[] DecodeKey(string base64Key, string paramName, string subject)
    {
        try
        {
            byte[] key = Convert.FromBase64String(base64Key.Trim());
            if (key.Length == 0)
            {
                throw new ArgumentException(subject + " is empty.", paramName);
            }

            return key;
        }
        catch (FormatException)
        {
            // The FormatException carries no input, but build our own message so nothing of the key can leak.
            throw new ArgumentException(subject + " is not valid Base64.", paramName);
        }
    }

    // Returns null on success, or the problem ("has no 'se=' (expiry) field.") without any token content.
    private static string? TryParseCore(string token, out SasTokenInfo? info)
    {
        info = null;
        string text = token.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "does not start with '" + Prefix.Trim() + " '.";
        }

        // Read like the SDK reads a fixed token (SharedAccessSignatureParser): empty fields ('&&', a trailing '&') are
        // skipped and field names are case-insensitive. Being stricter than the SDK would make the startup check
        // refuse a token the SDK accepts.
        string? resource = null, signature = null, expiry = null, keyName = null;
        foreach (string field in text.Substring(Prefix.Length).Split('&'))
        {
            if (field.Trim().Length == 0)
            {
                continue;
            }

            int eq = field.IndexOf('=');
            if (eq <= 0)
            {
                return "has a field that is not name=value.";
            }

            string name = field.Substring(0, eq).Trim().ToLowerInvariant();
            string value = field.Substring(eq + 1).Trim();
            switch (name)
            {
                case "sr": resource = value; break;
                case "sig": signature = value; break;
                case "se": expiry = value; break;
                case "skn": keyName = value; break;
                default: break; // unknown fields are ignored, like the SDK does
            }
        }

        if (string.IsNullOrEmpty(resource))
        {
            return "has no 'sr=' (resource) field.";
        }

        if (string.IsNullOrEmpty(signature))
        {
            return "has no 'sig=' (signature) field.";
        }

        if (string.IsNullOrEmpty(expiry))
        {
            return "has no 'se=' (expiry) field.";
        }

        if (!TryParseExpiry(expiry!, out DateTimeOffset expiresOn))
        {
            return "has an 'se=' (expiry) field that is not a number of seconds since 1970-01-01 within the years 1 .. 9999.";
        }

        info = new SasTokenInfo(Uri.UnescapeDataString(resource), expiresOn,
            string.IsNullOrEmpty(keyName) ? null : Uri.UnescapeDataString(keyName));
        return null;
    }

    // Reads se= as the SDK does (SDK 1.42.3, iothub/device/src/Common/Security/SharedAccessSignature.cs): the value is
    // URL-decoded, then double.Parse(value, InvariantCulture), so a sign, a fraction, an exponent and thousands separators
    // are all accepted; then 1970-01-01 + TimeSpan.FromSeconds(value), which throws outside the DateTime range. A negative
    // value parses (the token is then simply expired), as in the SDK.
    private static bool TryParseExpiry(string text, out DateTimeOffset expiresOn)
    {
        expiresOn = default;
        string decoded = WebUtility.UrlDecode(text);
        if (!double.TryParse(decoded, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out double seconds)
            || double.IsNaN(seconds) || double.IsInfinity(seconds))
        {
            return false;
        }

        DateTimeOffset epoch = DateTimeOffset.FromUnixTimeSeconds(0);
        if (seconds < (DateTimeOffset.MinValue - epoch).TotalSeconds || seconds > (DateTimeOffset.MaxValue - epoch).TotalSeconds)
        {
            return false;
        }

        try
        {
            expiresOn = epoch.AddSeconds(seconds);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // rounding at the very edge of the range
        }
    }

    private static void RequireText(string value, string paramName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException("The value is empty.", paramName);
        }
    }
}
