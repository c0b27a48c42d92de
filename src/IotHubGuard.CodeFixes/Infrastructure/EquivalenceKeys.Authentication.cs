namespace IotHubGuard.CodeFixes;

public static partial class EquivalenceKeys
{
    /// <summary>AZIOT101: replace the fixed token with the key-based authentication the SDK renews.</summary>
    public const string UseKeyBasedAuthentication = "AZIOT101_UseKeyBasedAuthentication";

    /// <summary>AZIOT101: replace the fixed token with a generated token-refresh class that re-invokes the token call.</summary>
    public const string GenerateTokenRefresh = "AZIOT101_GenerateTokenRefresh";

    /// <summary>AZIOT102: set the SDK default SAS lifetime / renewal buffer.</summary>
    public const string SetSdkDefaultSasLifetime = "AZIOT102_SetSdkDefault";

    /// <summary>AZIOT103: replace the fixed MQTT password with a credentials provider that mints a token per CONNECT.</summary>
    public const string UseCredentialsProvider = "AZIOT103_UseCredentialsProvider";
}
