using System.Text.RegularExpressions;

namespace IotHubGuard.Runtime;

/// <summary>
/// Removes IoT Hub secrets from text before it reaches a message, a log line or an exception: the value of every
/// <c>SharedAccessKey=</c> (connection strings) and every <c>sig=</c> (SAS token signatures) becomes <c>***</c>.
/// Everything IotHubGuard writes goes through it; use it for your own log lines that may hold a connection string.
/// </summary>
public static class SecretRedactor
{
    /// <summary>What a redacted value is replaced with.</summary>
    public const string Mask = "***";

    // Key=value up to the next separator. SharedAccessKeyName= is not matched ("Name" follows "Key").
    private static readonly Regex SharedAccessKey = new Regex(
        @"(SharedAccessKey\s*=\s*)[^;\s""'<>]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex Signature = new Regex(
        @"((?<![A-Za-z0-9_])sig\s*=\s*)[^&;\s""'<>]+",
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

        string result = SharedAccessKey.Replace(text!, "$1" + Mask);
        return Signature.Replace(result, "$1" + Mask);
    }
}
