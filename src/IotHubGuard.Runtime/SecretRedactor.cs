using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace IotHubGuard.Runtime;

/// <summary>
/// Removes IoT Hub secrets from text before it reaches a message, a log line or an exception: the value of every
/// <c>SharedAccessKey</c> (connection strings), every <c>sig</c> (SAS token signatures) and every <c>primaryKey</c> /
/// <c>secondaryKey</c> (device identities, DPS enrollments) becomes <c>***</c>. The name may be followed by <c>=</c> or
/// <c>:</c>, quoted or not (<c>SharedAccessKey="…"</c>, JSON <c>"SharedAccessKey":"…"</c>, escaped JSON, YAML
/// <c>SharedAccessKey: …</c>, XML <c>&lt;SharedAccessKey&gt;…&lt;/…&gt;</c>), and URL-encoded once or twice
/// (<c>SharedAccessKey%3D…</c>, <c>%26sig%3D…</c>). Everything IotHubGuard writes goes through it; use it for your own
/// log lines that may hold a connection string or a token.
/// </summary>
public static class SecretRedactor
{
    /// <summary>What a redacted value is replaced with.</summary>
    public const string Mask = "***";

    // A quote: plain, backslash-escaped (JSON inside a JSON string) or URL-encoded once or twice.
    private const string Quote = @"(?:\\?[""']|%(?:25)?2[27])";

    // "=" or ":", plain or URL-encoded once or twice.
    private const string Assign = @"(?:[=:]|%(?:25)?3[DdAa])";

    // One character of a value: a JSON escape (\u002B, \/), a %XX escape that is not a separator (&, ;, quotes, comma,
    // space, once or twice encoded), or any character that ends no value. Base64 keys and signatures fit it raw,
    // URL-encoded and JSON-escaped.
    private const string ValueChar =
        @"(?:\\u[0-9A-Fa-f]{4}|\\/|%(?!(?:25)?(?:26|3[Bb]|2[27]|2[Cc]|20))[0-9A-Fa-f]{2}|[^;&,\s""'<>%\\])";

    // What follows a secret's name, anchored where the name ends. SharedAccessKeyName and the like do not match:
    // the separator must follow the name directly.
    private static readonly Regex SeparatorAndValue = new Regex(
        @"\G" + Quote + @"?[ \t]*" + Assign + @"[ \t]*" + Quote + "?(?<value>" + ValueChar + "+)",
        RegexOptions.CultureInvariant);

    private static readonly Regex XmlElement = new Regex(
        @"(?<open><(?<tag>SharedAccessKey|sig|PrimaryKey|SecondaryKey)>)[^<]+(?=</\k<tag>>)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // The names are found with a vectorised ordinal search; the regex runs only where one occurs.
    private static readonly string[] Names = { "SharedAccessKey", "sig", "primaryKey", "secondaryKey" };

    /// <summary>Returns <paramref name="text"/> with key and signature values replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Any text; null gives an empty string.</param>
    /// <returns>The redacted text.</returns>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string result = MaskNamedValues(text!);
        return result.IndexOf("</", StringComparison.Ordinal) >= 0 ? XmlElement.Replace(result, "${open}" + Mask) : result;
    }

    private static string MaskNamedValues(string text)
    {
        List<KeyValuePair<int, int>>? values = null; // start, length
        foreach (string name in Names)
        {
            int at = 0;
            while ((at = text.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                int end = at + name.Length;
                Match match = StartsAName(text, at, name) ? SeparatorAndValue.Match(text, end) : Match.Empty;
                if (match.Success)
                {
                    Group value = match.Groups["value"];
                    (values ??= new List<KeyValuePair<int, int>>()).Add(new KeyValuePair<int, int>(value.Index, value.Length));
                    end = value.Index + value.Length;
                }

                at = end;
            }
        }

        if (values == null)
        {
            return text;
        }

        values.Sort((a, b) => a.Key.CompareTo(b.Key));
        var result = new StringBuilder(text.Length);
        int copied = 0;
        foreach (KeyValuePair<int, int> value in values)
        {
            if (value.Key < copied)
            {
                continue; // inside a value already masked
            }

            result.Append(text, copied, value.Key - copied).Append(Mask);
            copied = value.Key + value.Value;
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    // "sig", "primaryKey" and "secondaryKey" must not be the end of a longer word (designated=, myprimaryKey=), except
    // after a URL-encoded '&' (%26sig%3D…). "SharedAccessKey" may end one (IOTHUB_DEVICE_SHAREDACCESSKEY=…).
    private static bool StartsAName(string text, int at, string name)
    {
        if (at == 0 || string.Equals(name, "SharedAccessKey", StringComparison.Ordinal))
        {
            return true;
        }

        char before = text[at - 1];
        bool wordChar = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') || (before >= '0' && before <= '9') || before == '_';
        return !wordChar || (name.Length == 3 && (EndsWith(text, at, "%26") || EndsWith(text, at, "%2526")));
    }

    private static bool EndsWith(string text, int at, string suffix) =>
        at >= suffix.Length && string.CompareOrdinal(text, at - suffix.Length, suffix, 0, suffix.Length) == 0;
}
