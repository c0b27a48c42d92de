using System;
using System.Collections.Generic;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Reads the keys of an IoT Hub connection string from a <see cref="StringShape"/>, the way the SDK parses it
/// (<c>CommonExtensions.ToDictionary</c>: a key starts the string or follows a <c>;</c>, runs to the first <c>=</c>,
/// is compared case-insensitively and is not trimmed). Only keys whose every character is known count: a hole that
/// might contain <c>SharedAccessSignature=</c> is not evidence.
/// </summary>
internal static class ConnectionStringShape
{
    public const string SharedAccessSignatureKey = "SharedAccessSignature";
    public const string SharedAccessKeyKey = "SharedAccessKey";

    /// <summary>
    /// A known <c>SharedAccessSignature=</c> part whose value is not known to be empty, and no known
    /// <c>SharedAccessKey=</c> part. The SDK rejects a string that has both (ArgumentException at creation),
    /// so such a string never gives a client a fixed token.
    /// </summary>
    public static bool HasFixedSignature(StringShape shape)
    {
        var hasSignature = false;
        foreach (var (key, value) in KnownKeys(shape.Text))
        {
            if (string.Equals(key, SharedAccessKeyKey, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (string.Equals(key, SharedAccessSignatureKey, StringComparison.OrdinalIgnoreCase) && !IsKnownBlank(value))
            {
                hasSignature = true;
            }
        }

        return hasSignature;
    }

    /// <summary>Every key made of known characters, with the text of its value up to the next <c>;</c>.</summary>
    public static IEnumerable<(string Key, string Value)> KnownKeys(string text)
    {
        for (var start = 0; start < text.Length; start++)
        {
            if (start > 0 && text[start - 1] != ';')
            {
                continue;
            }

            var end = start;
            while (end < text.Length && text[end] is not ('=' or ';' or StringShape.Hole))
            {
                end++;
            }

            if (end >= text.Length || text[end] != '=')
            {
                continue;
            }

            var valueEnd = text.IndexOf(';', end + 1);
            var value = valueEnd < 0 ? text.Substring(end + 1) : text.Substring(end + 1, valueEnd - end - 1);
            yield return (text.Substring(start, end - start), value);
        }
    }

    private static bool IsKnownBlank(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false; // a hole ('\0') is not white space: unknown, so not blank.
            }
        }

        return true;
    }
}
