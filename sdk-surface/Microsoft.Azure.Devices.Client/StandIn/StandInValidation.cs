// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Not part of the SDK: the argument checks the stand-in shares between types, written for the stand-in.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;

namespace Microsoft.Azure.Devices.Client;

internal static class StandInValidation
{
    internal const string SasPrefix = "SharedAccessSignature";

    /// <summary>The SDK tolerates this much clock skew before it calls a SAS token expired.</summary>
    internal static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    internal static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    internal static string RequireText(string value, string paramName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentNullException(paramName);
        }

        return value;
    }

    internal static bool IsBase64(string value)
    {
        if (value == null)
        {
            return false;
        }

        string compact = value.Replace("\r", string.Empty).Replace("\n", string.Empty);
        if (compact.Length == 0 || compact.Length % 4 != 0)
        {
            return false;
        }

        Span<byte> buffer = compact.Length <= 4096 ? stackalloc byte[compact.Length] : new byte[compact.Length];
        return Convert.TryFromBase64String(compact, buffer, out _);
    }

    internal static string RequireBase64Key(string key, string paramName)
    {
        RequireText(key, paramName);
        if (!IsBase64(key))
        {
            throw new ArgumentException("Key must be base64 encoded");
        }

        return key;
    }

    internal static string RequireSasToken(string token, string paramName)
    {
        RequireText(token, paramName);
        if (!token.StartsWith(SasPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Token must be of type SharedAccessSignature");
        }

        return token;
    }

    /// <summary>
    /// Reads "SharedAccessSignature sr=..&amp;sig=..&amp;se=..[&amp;skn=..]". Returns false when the text is not of that shape.
    /// </summary>
    internal static bool TryReadSas(string token, out IDictionary<string, string> fields)
    {
        fields = null;
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        string[] words = token.Trim().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 2 || !string.Equals(words[0], SasPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string pair in words[1].Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            int eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                return false;
            }

            result[pair.Substring(0, eq)] = WebUtility.UrlDecode(pair.Substring(eq + 1));
        }

        fields = result;
        return result.ContainsKey("sig");
    }

    /// <summary>
    /// The checks the SDK makes on a fixed SAS token when a client or connection string builder is created:
    /// shape, required fields, and "already expired (beyond the 5 min skew)" =&gt; UnauthorizedAccessException.
    /// </summary>
    internal static void ValidateFixedSas(string token)
    {
        if (!TryReadSas(token, out IDictionary<string, string> fields))
        {
            throw new ArgumentException("Invalid SharedAccessSignature (SAS)");
        }

        foreach (string required in new[] { "se", "sr" })
        {
            if (!fields.ContainsKey(required))
            {
                throw new FormatException("Missing field: " + required);
            }
        }

        DateTime expiresOn = UnixEpoch + TimeSpan.FromSeconds(double.Parse(fields["se"], CultureInfo.InvariantCulture));
        if (expiresOn + MaxClockSkew < DateTime.UtcNow)
        {
            throw new UnauthorizedAccessException("The specified SAS token has already expired - on " + expiresOn.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }
}
