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

    // SharedAccessKeyName, SignatureVersion and the like do not match: the separator must follow the name directly.
    private static readonly Regex NamedSecret = new Regex(
        @"(?<name>SharedAccessKey|(?:(?<![A-Za-z0-9_])|(?<=%(?:25)?26))sig|(?<![A-Za-z0-9_])(?:primary|secondary)Key)"
        + "(?<sep>" + Quote + @"?[ \t]*" + Assign + @"[ \t]*" + Quote + "?)"
        + "(?<value>" + ValueChar + "+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex XmlElement = new Regex(
        @"(?<open><(?<tag>SharedAccessKey|sig|PrimaryKey|SecondaryKey)>)[^<]+(?=</\k<tag>>)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Returns <paramref name="text"/> with key and signature values replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Any text; null gives an empty string.</param>
    /// <returns>The redacted text.</returns>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string result = NamedSecret.Replace(text!, "${name}${sep}" + Mask);
        return XmlElement.Replace(result, "${open}" + Mask);
    }
}
