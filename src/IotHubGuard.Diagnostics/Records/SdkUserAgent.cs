using System;

namespace IotHubGuard.Diagnostics;

/// <summary>
/// Reads the <c>sdkVersion</c> property of a Connections record: the device SDK's user-agent, for example
/// <c>.NET/1.41.0 (.NET 6.0.0; Linux; X64)</c> or <c>Microsoft.Azure.Devices.Client/1.42.3 (...)</c>.
/// </summary>
internal static class SdkUserAgent
{
    /// <summary>
    /// The C# device SDK version named by <paramref name="userAgent"/>, or null when it is not the C# v1 SDK
    /// (other SDKs have their own version lines, which the AZIOT401 table does not describe).
    /// </summary>
    public static Version? TryGetCSharpSdkVersion(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        string text = userAgent!.Trim();
        int slash = text.IndexOf('/');
        if (slash <= 0)
        {
            return null;
        }

        string product = text.Substring(0, slash);
        if (!product.Equals(".NET", StringComparison.OrdinalIgnoreCase)
            && !product.Equals(SdkVersionDefects.SdkAssemblyName, StringComparison.OrdinalIgnoreCase)
            && !product.Equals("Microsoft.Azure.Devices.Client.Core", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        int end = slash + 1;
        while (end < text.Length && text[end] != ' ' && text[end] != '(' && text[end] != ';')
        {
            end++;
        }

        return SdkVersionDefects.TryParseVersion(text.Substring(slash + 1, end - slash - 1), out Version version) ? version : null;
    }

    /// <summary>True when the protocol is MQTT (plain or over WebSocket).</summary>
    public static bool IsMqtt(string? protocol) =>
        protocol != null && protocol.StartsWith("mqtt", StringComparison.OrdinalIgnoreCase);
}
