// STAND-IN for Microsoft.Azure.Devices.Client 1.42.3 public API. Used only by IotHubGuard tests and samples; never shipped.
// Mirrors iothub/device/src/Common/Security/SharedAccessSignatureBuilder.cs (Azure/azure-iot-sdk-csharp @ 6097889d):
// public signatures only. The body computes a standard IoT hub SAS token (HMAC-SHA256 over "{url-encoded sr}\n{se}").
// A token built here and handed to DeviceAuthenticationWithToken is a FIXED token: nobody renews it.

using System;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Microsoft.Azure.Devices.Client;

/// <summary>Builds a shared access signature token.</summary>
public class SharedAccessSignatureBuilder
{
    private string _key;

    public SharedAccessSignatureBuilder()
    {
        TimeToLive = TimeSpan.FromMinutes(60);
    }

    public string KeyName { get; set; }

    /// <summary>Base64 key; anything else throws ArgumentException.</summary>
    public string Key
    {
        get => _key;
        set
        {
            if (!StandInValidation.IsBase64(value))
            {
                throw new ArgumentException("The value is not a base64 string.", nameof(Key));
            }

            _key = value;
        }
    }

    public string Target { get; set; }

    /// <summary>Default 60 minutes.</summary>
    public TimeSpan TimeToLive { get; set; }

    public string ToSignature()
    {
        long expiry = (long)Math.Round((DateTime.UtcNow.Add(TimeToLive) - StandInValidation.UnixEpoch).TotalSeconds);
        string se = expiry.ToString(CultureInfo.InvariantCulture);
        string sr = WebUtility.UrlEncode(Target);
        string sig = Sign(sr + "\n" + se, Key);

        var token = new StringBuilder(StandInValidation.SasPrefix)
            .Append(" sr=").Append(sr)
            .Append("&sig=").Append(WebUtility.UrlEncode(sig))
            .Append("&se=").Append(se);
        if (!string.IsNullOrWhiteSpace(KeyName))
        {
            token.Append("&skn=").Append(WebUtility.UrlEncode(KeyName));
        }

        return token.ToString();
    }

    protected virtual string Sign(string requestString, string key)
    {
        using var hmac = new HMACSHA256(Convert.FromBase64String(key));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(requestString)));
    }
}
