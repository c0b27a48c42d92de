using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using IotHubGuard.Runtime.Internal;

namespace IotHubGuard.Runtime;

/// <summary>
/// The startup check: looks at what the device app really uses (connection string, token, transport settings, retry
/// policy, loaded SDK) and reports the causes of IoT Hub error 404104 with the IotHubGuard.Analyzers rule IDs.
/// </summary>
/// <example>
/// <code>
/// var report = StartupCheck.Run(new StartupCheckInput
/// {
///     ConnectionString = connectionString,
///     TransportSettings = new ITransportSettings[] { mqttSettings },
///     ClientOptions = options,
///     SdkAssembly = typeof(DeviceClient).Assembly,
/// });
/// logger.LogInformation("{Report}", report);
/// report.ThrowIfErrors();
/// </code>
/// </example>
public static partial class StartupCheck
{
    private const string RetryFix = "Use the SDK default ExponentialBackoff(int.MaxValue, 100 ms, 10 s, 100 ms): remove the call, or pass a policy that retries.";
    private const string FixedTokenFix =
        "Give the client the device key instead (a SharedAccessKey connection string or DeviceAuthenticationWithRegistrySymmetricKey), "
        + "which the SDK renews, or a DeviceAuthenticationWithTokenRefresh subclass that fetches new tokens.";
    private const string FixedPasswordFix =
        "MQTT 3.1.1 cannot re-authenticate and a reconnect reuses the same password: give MqttClientOptions an "
        + "IMqttClientCredentialsProvider that mints a fresh token per CONNECT (IotHubSasCredentialsProvider in IotHubGuard.Runtime.Mqtt).";

    // The hub's username form for raw MQTT: {host}/{deviceId}[/{moduleId}]/?api-version=...
    private static readonly Regex HubUserName = new Regex(@"^[^/\s]+/[^/\s]+(/[^/\s]+)?/\?api-version=", RegexOptions.CultureInvariant);

    /// <summary>Runs every check that the input allows.</summary>
    /// <param name="input">What to check; every property is optional.</param>
    /// <returns>The findings; use <see cref="StartupCheckReport.ThrowIfErrors"/> to fail fast.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A threshold is invalid, or the connection string or a token is malformed. The message names the part that is
    /// wrong and never contains a key or a signature.
    /// </exception>
    public static StartupCheckReport Run(StartupCheckInput input) => Run(input, LocateLoadedSdk);

    internal static StartupCheckReport Run(StartupCheckInput input, Func<Assembly?> locateLoadedSdk)
    {
        if (input == null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        ValidateThresholds(input);
        var context = new Context(input, input.Now ?? DateTimeOffset.UtcNow);

        CheckConnectionString(context);
        CheckAuthenticationMethod(context, input.AuthenticationMethod, nameof(StartupCheckInput.AuthenticationMethod));
        CheckClientOptions(context, input.ClientOptions);
        if (input.TransportSettings != null)
        {
            foreach (object? settings in input.TransportSettings)
            {
                CheckTransportSettings(context, settings);
            }
        }

        if (input.MqttKeepAlive.HasValue)
        {
            CheckMqttKeepAlive(context, input.MqttKeepAlive.Value.TotalSeconds, "StartupCheckInput.MqttKeepAlive");
        }

        if (input.AmqpIdleTimeout.HasValue)
        {
            CheckAmqpIdleTimeout(context, input.AmqpIdleTimeout.Value, "StartupCheckInput.AmqpIdleTimeout");
        }

        CheckMqttClientOptions(context, input.MqttClientOptions);
        CheckRetryPolicy(context, input.RetryPolicy, "The retry policy");

        string? sdkDescription = null;
        if (input.CheckSdkVersion)
        {
            Assembly? sdk = input.SdkAssembly ?? FindSdkInInputs(input) ?? locateLoadedSdk();
            if (sdk != null)
            {
                sdkDescription = IsIotDeviceAssembly(sdk) ? CheckIotDeviceSdkAssembly(context, sdk) : CheckSdkAssembly(context, sdk);
            }
        }

        return new StartupCheckReport(context.Findings, sdkDescription);
    }

    // ---- thresholds -------------------------------------------------------------------------------------------

    private static void ValidateThresholds(StartupCheckInput input)
    {
        RequireRange(input.MqttKeepAliveMinSeconds, input.MqttKeepAliveMaxSeconds,
            nameof(StartupCheckInput.MqttKeepAliveMinSeconds), nameof(StartupCheckInput.MqttKeepAliveMaxSeconds), int.MaxValue);
        RequireRange(input.AmqpIdleTimeoutMinSeconds, input.AmqpIdleTimeoutMaxSeconds,
            nameof(StartupCheckInput.AmqpIdleTimeoutMinSeconds), nameof(StartupCheckInput.AmqpIdleTimeoutMaxSeconds), int.MaxValue);
        RequireRange(input.SasTtlMinSeconds, input.SasTtlMaxSeconds,
            nameof(StartupCheckInput.SasTtlMinSeconds), nameof(StartupCheckInput.SasTtlMaxSeconds), int.MaxValue);
        RequireRange(input.SasRenewalBufferMinPercent, input.SasRenewalBufferMaxPercent,
            nameof(StartupCheckInput.SasRenewalBufferMinPercent), nameof(StartupCheckInput.SasRenewalBufferMaxPercent), 100);
        if (input.SdkMinimumVersion == null)
        {
            throw new ArgumentException("StartupCheckInput.SdkMinimumVersion is null.", nameof(input));
        }

        if (input.IotDeviceSdkMinimumVersion == null)
        {
            throw new ArgumentException("StartupCheckInput.IotDeviceSdkMinimumVersion is null.", nameof(input));
        }
    }

    private static void RequireRange(int min, int max, string minName, string maxName, int limit)
    {
        if (min < 0)
        {
            throw new ArgumentException("StartupCheckInput." + minName + " is negative (" + Text.Number(min) + ").", "input");
        }

        if (max > limit)
        {
            throw new ArgumentException("StartupCheckInput." + maxName + " is above " + Text.Number(limit) + " (" + Text.Number(max) + ").", "input");
        }

        if (min > max)
        {
            throw new ArgumentException(
                "StartupCheckInput." + minName + " (" + Text.Number(min) + ") is greater than " + maxName + " (" + Text.Number(max) + ").",
                "input");
        }
    }

    // ---- AZIOT101 / AZIOT103: fixed tokens ---------------------------------------------------------------------

    private static void CheckConnectionString(Context context)
    {
        string? connectionString = context.Input.ConnectionString;
        if (connectionString == null)
        {
            return;
        }

        IotHubConnectionString parsed = IotHubConnectionString.Parse(
            connectionString, nameof(StartupCheckInput.ConnectionString), "StartupCheckInput.ConnectionString");
        if (parsed.Token != null)
        {
            CheckFixedToken(context, RuleIds.FixedSasToken, parsed.Token, "The connection string's SharedAccessSignature", FixedTokenFix);
        }
    }

    private static void CheckAuthenticationMethod(Context context, object? auth, string paramName)
    {
        if (auth == null || !context.FirstVisit(auth))
        {
            return;
        }

        Type type = auth.GetType();
        if (MemberReader.IsNamed(type, "AuthenticationWithTokenRefresh") || MemberReader.IsNamed(type, "ClientAuthenticationWithTokenRefresh"))
        {
            return; // renews its own tokens; its constructor arguments are checked by the analyzer (AZIOT102)
        }

        foreach (string member in new[] { "Token", "SharedAccessSignature" })
        {
            if (MemberReader.TryGetString(auth, member, out string? token) && token != null
                && token.TrimStart().StartsWith("SharedAccessSignature", StringComparison.Ordinal))
            {
                SasTokenInfo info = IotHubSasToken.Parse(token, paramName, type.Name + "." + member);
                CheckFixedToken(context, RuleIds.FixedSasToken, info, type.Name + "." + member, FixedTokenFix);
                return;
            }
        }
    }

    private static void CheckFixedToken(Context context, string ruleId, SasTokenInfo token, string source, string fix)
    {
        TimeSpan left = token.ExpiresOn - context.Now;
        string what = source + " is a fixed SAS token for " + token.Resource;
        if (left <= TimeSpan.Zero)
        {
            context.Add(ruleId, FindingSeverity.Error,
                what + " that expired at " + Text.Utc(token.ExpiresOn) + " (" + Text.Duration(left) + " ago): the hub refuses it "
                + "(401003) and the device cannot connect. " + fix);
        }
        else if (left.TotalSeconds < context.Input.SasTtlMinSeconds)
        {
            context.Add(ruleId, FindingSeverity.Warning,
                what + " that expires in " + Text.Duration(left) + " (at " + Text.Utc(token.ExpiresOn) + "), less than the "
                + Text.Seconds(context.Input.SasTtlMinSeconds) + " minimum: nothing renews it, so the hub closes the connection then "
                + "(401003, then 404104) and every reconnect fails. " + fix);
        }
        else
        {
            context.Add(ruleId, FindingSeverity.Warning,
                what + " that expires in " + Text.Duration(left) + " (at " + Text.Utc(token.ExpiresOn) + "): nothing renews it, so the "
                + "hub closes the connection then (401003, then 404104) and every reconnect fails. " + fix);
        }
    }

    private static void CheckMqttClientOptions(Context context, object? options)
    {
        if (options == null || !context.FirstVisit(options))
        {
            return;
        }

        if (MemberReader.TryGetTimeSpan(options, "KeepAlivePeriod", out TimeSpan keepAlive))
        {
            CheckMqttKeepAlive(context, keepAlive.TotalSeconds, "MqttClientOptions.KeepAlivePeriod");
        }

        // A fixed MqttClientCredentials (WithCredentials(user, password)) rather than a provider that mints per CONNECT.
        if (!MemberReader.TryGet(options, "Credentials", out object? credentials) || credentials == null
            || !MemberReader.IsNamed(credentials.GetType(), "MqttClientCredentials"))
        {
            return;
        }

        string? userName = Invoke(credentials, "GetUserName", options) as string;
        string? password = Invoke(credentials, "GetPassword", options) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : null;
        if (password != null && password.TrimStart().StartsWith("SharedAccessSignature", StringComparison.Ordinal))
        {
            SasTokenInfo info = IotHubSasToken.Parse(password, nameof(StartupCheckInput.MqttClientOptions), "The MQTT password");
            CheckFixedToken(context, RuleIds.MqttFixedPassword, info, "MqttClientOptions.Credentials (a fixed MqttClientCredentials password)", FixedPasswordFix);
        }
        else if (userName != null && HubUserName.IsMatch(userName))
        {
            context.Add(RuleIds.MqttFixedPassword, FindingSeverity.Warning,
                "MqttClientOptions.Credentials is a fixed MqttClientCredentials for IoT Hub user " + userName.Split('?')[0]
                + ": the hub closes the connection when the token behind it expires (401003, then 404104). " + FixedPasswordFix);
        }
    }

    private static object? Invoke(object target, string method, object argument)
    {
        try
        {
            MethodInfo? info = target.GetType().GetMethod(method, BindingFlags.Public | BindingFlags.Instance);
            return info != null && info.GetParameters().Length == 1 ? info.Invoke(target, new[] { argument }) : null;
        }
        catch (Exception ex) when (ex is TargetInvocationException || ex is ArgumentException || ex is AmbiguousMatchException)
        {
            return null;
        }
    }

    // ---- AZIOT102: SAS lifetime and renewal buffer -------------------------------------------------------------

    private static void CheckClientOptions(Context context, object? options)
    {
        if (options == null || !context.FirstVisit(options))
        {
            return;
        }

        string typeName = options.GetType().Name;
        if (MemberReader.TryGetTimeSpan(options, "SasTokenTimeToLive", out TimeSpan ttl))
        {
            CheckSasTimeToLive(context, ttl, typeName + ".SasTokenTimeToLive");
        }

        if (MemberReader.TryGetInt64(options, "SasTokenRenewalBuffer", out long buffer))
        {
            CheckSasRenewalBuffer(context, buffer, typeName + ".SasTokenRenewalBuffer");
        }

        // v2 preview: IotHubClientOptions carries the transport settings and the retry policy.
        if (MemberReader.TryGet(options, "TransportSettings", out object? transport) && transport != null)
        {
            CheckTransportSettings(context, transport);
        }

        if (MemberReader.TryGet(options, "RetryPolicy", out object? retry) && retry != null)
        {
            CheckRetryPolicy(context, retry, typeName + ".RetryPolicy");
        }

        CheckIotDeviceConnectionOptions(context, options, typeName);
    }

    private static void CheckSasTimeToLive(Context context, TimeSpan ttl, string source)
    {
        StartupCheckInput input = context.Input;
        if ((long)ttl.TotalSeconds == 0)
        {
            // The SDK reads whole seconds ((int)TotalSeconds, truncated) and 0 means its default, 1 h: so does
            // anything shorter than a second, either sign. Nothing throws and the tokens live 1 h.
            return;
        }

        if (ttl < TimeSpan.Zero)
        {
            context.Add(RuleIds.SasLifetimeOutOfRange, FindingSeverity.Error,
                source + " is negative (-" + Text.Duration(ttl) + "): the SDK throws ArgumentOutOfRangeException when the client is created. "
                + "Use 1 h (the SDK default; TimeSpan.Zero means default).");
        }
        else if (ttl.TotalSeconds > int.MaxValue)
        {
            // SDK 1.42.3, iothub/device/src/Authentication/DeviceAuthenticationWithSakRefresh.cs: (int)sasTokenTimeToLive.TotalSeconds.
            context.Add(RuleIds.SasLifetimeOutOfRange, FindingSeverity.Error,
                source + " is " + Text.Duration(ttl) + ", more than " + Text.Number(int.MaxValue) + " s: the SDK hands the lifetime to its "
                + "token refresher as whole seconds in an int, which overflows (on .NET Framework and .NET 8 it turns negative and the "
                + "client throws ArgumentOutOfRangeException when it is created). Use 1 h (the SDK default).");
        }
        else if (ttl.TotalSeconds < input.SasTtlMinSeconds)
        {
            context.Add(RuleIds.SasLifetimeOutOfRange, FindingSeverity.Warning,
                source + " is " + Text.Duration(ttl) + ", below the " + Text.Seconds(input.SasTtlMinSeconds)
                + " minimum (azure_iot.sas_ttl_min_seconds): over MQTT every renewal is a disconnect and reconnect, so the device "
                + "drops its connection that often. Use 1 h (the SDK default).");
        }
        else if (ttl.TotalSeconds > input.SasTtlMaxSeconds)
        {
            context.Add(RuleIds.SasLifetimeOutOfRange, FindingSeverity.Warning,
                source + " is " + Text.Duration(ttl) + ", above the " + Text.Seconds(input.SasTtlMaxSeconds)
                + " maximum (azure_iot.sas_ttl_max_seconds): a leaked token stays valid that long, and a renewal failure shows up "
                + "only after a long delay. Use 1 h (the SDK default).");
        }
    }

    private static void CheckSasRenewalBuffer(Context context, long percent, string source)
    {
        StartupCheckInput input = context.Input;
        if (percent == 0)
        {
            return; // the SDK default, 15 %
        }

        if (percent < 0 || percent > 100)
        {
            context.Add(RuleIds.SasLifetimeOutOfRange, FindingSeverity.Error,
                source + " is " + Text.Number(percent) + " %, outside 0..100: the SDK throws ArgumentOutOfRangeException when the "
                + "client is created. Use 15 % (the SDK default; 0 means default).");
        }
        else if (percent < input.SasRenewalBufferMinPercent)
        {
            context.Add(RuleIds.SasLifetimeOutOfRange, FindingSeverity.Warning,
                source + " is " + Text.Number(percent) + " %, below the " + Text.Number(input.SasRenewalBufferMinPercent)
                + " % minimum (azure_iot.sas_renewal_buffer_min_percent): renewal starts so close to expiry that latency or a retry "
                + "lets the token expire first (401003, then 404104). Use 15 % (the SDK default).");
        }
        else if (percent > input.SasRenewalBufferMaxPercent)
        {
            context.Add(RuleIds.SasLifetimeOutOfRange, FindingSeverity.Warning,
                source + " is " + Text.Number(percent) + " %, above the " + Text.Number(input.SasRenewalBufferMaxPercent)
                + " % maximum (azure_iot.sas_renewal_buffer_max_percent): tokens are renewed after only " + Text.Number(100 - percent)
                + " % of their lifetime, which over MQTT means needless reconnects. Use 15 % (the SDK default).");
        }
    }

    // ---- AZIOT301 / AZIOT302 / AZIOT303: keep-alive and idle timeouts ------------------------------------------

    private static void CheckTransportSettings(Context context, object? settings)
    {
        if (settings == null || !context.FirstVisit(settings))
        {
            return;
        }

        Type type = settings.GetType();
        if (MemberReader.IsNamed(type, "MqttTransportSettings"))
        {
            if (MemberReader.TryGetInt64(settings, "KeepAliveInSeconds", out long seconds))
            {
                CheckMqttKeepAlive(context, seconds, type.Name + ".KeepAliveInSeconds");
            }
        }
        else if (MemberReader.IsNamed(type, "IotHubClientMqttSettings"))
        {
            if (MemberReader.TryGetTimeSpan(settings, "IdleTimeout", out TimeSpan keepAlive))
            {
                CheckMqttKeepAlive(context, keepAlive.TotalSeconds, type.Name + ".IdleTimeout (the MQTT keep-alive)");
            }
        }
        else if (MemberReader.IsNamed(type, "AmqpTransportSettings") || MemberReader.IsNamed(type, "IotHubClientAmqpSettings"))
        {
            if (MemberReader.TryGetTimeSpan(settings, "IdleTimeout", out TimeSpan idle))
            {
                CheckAmqpIdleTimeout(context, idle, type.Name + ".IdleTimeout");
            }
        }
        else if (MemberReader.IsNamed(type, "MqttClientOptions"))
        {
            context.Unvisit(settings);
            CheckMqttClientOptions(context, settings);
        }
        else
        {
            CheckIotDeviceTransportSettings(context, settings, type);
        }
    }

    private static void CheckMqttKeepAlive(Context context, double seconds, string source)
    {
        StartupCheckInput input = context.Input;
        const string Fix = "Set 300 s (the C# SDK default).";
        if (seconds < 0)
        {
            context.Add(RuleIds.KeepAliveDisabledOrTooShort, FindingSeverity.Error,
                source + " is negative (" + Text.Seconds(seconds) + "), which is no keep-alive: CONNECT carries an unsigned 16-bit value. " + Fix);
        }
        else if (seconds < 1)
        {
            context.Add(RuleIds.KeepAliveDisabledOrTooShort, FindingSeverity.Warning,
                source + " is 0, which turns MQTT keep-alive off: the client never notices a dead link, and the hub closes the idle "
                + "connection on its own timeout (404104). " + Fix);
        }
        else if (seconds < input.MqttKeepAliveMinSeconds)
        {
            context.Add(RuleIds.KeepAliveDisabledOrTooShort, FindingSeverity.Warning,
                source + " is " + Text.Seconds(seconds) + ", below the " + Text.Seconds(input.MqttKeepAliveMinSeconds)
                + " minimum (azure_iot.mqtt_keep_alive_min_seconds): a normal latency spike misses the ping deadline and the link is "
                + "torn down without DISCONNECT (404104), followed by aggressive reconnects. " + Fix);
        }
        else if (seconds > ushort.MaxValue)
        {
            context.Add(RuleIds.KeepAliveTooLong, FindingSeverity.Error,
                source + " is " + Text.Seconds(seconds) + ", which does not fit the 16-bit keep-alive field of CONNECT (at most 65535 s) "
                + "and is truncated on the wire. " + Fix);
        }
        else if (seconds > input.MqttKeepAliveMaxSeconds)
        {
            context.Add(RuleIds.KeepAliveTooLong, FindingSeverity.Warning,
                source + " is " + Text.Seconds(seconds) + ", above the " + Text.Seconds(input.MqttKeepAliveMaxSeconds)
                + " maximum (azure_iot.mqtt_keep_alive_max_seconds): the hub waits 1.5 x keep-alive but never more than 1767 s, so it "
                + "closes an idle connection (404104) before the client's next ping. " + Fix);
        }
    }

    private static void CheckAmqpIdleTimeout(Context context, TimeSpan idle, string source)
    {
        StartupCheckInput input = context.Input;
        const string Fix = "Set 2 min (the SDK default).";
        if (idle < TimeSpan.Zero)
        {
            context.Add(RuleIds.AmqpIdleTimeoutOutOfRange, FindingSeverity.Error,
                source + " is negative (-" + Text.Duration(idle) + "): the SDK converts it to unsigned milliseconds and throws "
                + "OverflowException when the connection opens. " + Fix);
        }
        else if (idle == TimeSpan.Zero)
        {
            context.Add(RuleIds.AmqpIdleTimeoutOutOfRange, FindingSeverity.Warning,
                source + " is 0, which turns the AMQP idle timeout (heartbeat) off: a dead link goes unnoticed and the hub drops the "
                + "connection (404104). " + Fix);
        }
        else if (idle.TotalMilliseconds > uint.MaxValue)
        {
            context.Add(RuleIds.AmqpIdleTimeoutOutOfRange, FindingSeverity.Error,
                source + " is " + Text.Duration(idle) + ", more milliseconds than fit in the AMQP Open frame: the SDK throws "
                + "OverflowException when the connection opens. " + Fix);
        }
        else if (idle.TotalSeconds < input.AmqpIdleTimeoutMinSeconds)
        {
            context.Add(RuleIds.AmqpIdleTimeoutOutOfRange, FindingSeverity.Warning,
                source + " is " + Text.Duration(idle) + ", below the " + Text.Seconds(input.AmqpIdleTimeoutMinSeconds)
                + " minimum (azure_iot.amqp_idle_timeout_min_seconds): normal latency makes the link look dead, so it is torn down "
                + "and reconnected aggressively. " + Fix);
        }
        else if (idle.TotalSeconds > input.AmqpIdleTimeoutMaxSeconds)
        {
            context.Add(RuleIds.AmqpIdleTimeoutOutOfRange, FindingSeverity.Warning,
                source + " is " + Text.Duration(idle) + ", above the " + Text.Seconds(input.AmqpIdleTimeoutMaxSeconds)
                + " maximum (azure_iot.amqp_idle_timeout_max_seconds): a dead link is noticed only after the hub has closed the "
                + "connection (404104). " + Fix);
        }
    }

    // ---- AZIOT501: retry disabled ------------------------------------------------------------------------------

    private static void CheckRetryPolicy(Context context, object? policy, string source)
    {
        if (policy == null || !context.FirstVisit(policy))
        {
            return;
        }

        Type type = policy.GetType();
        if (type.IsEnum && type.Name == "RetryPolicyType")
        {
            if (string.Equals(policy.ToString(), "No_Retry", StringComparison.Ordinal))
            {
                context.Add(RuleIds.RetryDisabled, FindingSeverity.Warning,
                    source + " is the obsolete RetryPolicyType.No_Retry: the client never reconnects after a transient hub or network "
                    + "error, so the first drop (404104) is final. " + RetryFix);
            }

            return;
        }

        if (MemberReader.IsNamed(type, "NoRetry") || MemberReader.IsNamed(type, "IotHubClientNoRetry"))
        {
            context.Add(RuleIds.RetryDisabled, FindingSeverity.Warning,
                source + " is " + type.Name + ": the client never reconnects after a transient hub or network error, so the first "
                + "drop (404104) is final. " + RetryFix);
        }
    }

    // ---- AZIOT401 / AZIOT402: the loaded SDK -------------------------------------------------------------------

    private static string CheckSdkAssembly(Context context, Assembly sdk)
    {
        AssemblyName name = sdk.GetName();
        string? informational = ReadInformationalVersion(sdk);
        Version? version = name.Version;
        if ((version == null || (version.Major == 0 && version.Minor == 0))
            && SdkVersionDefects.TryParseVersion(informational, out Version fromInformational))
        {
            version = fromInformational;
        }

        string assemblyName = name.Name ?? SdkVersionDefects.SdkAssemblyName;
        string shown = version == null ? "(no version)" : SdkVersionDefects.Format(version);
        string description = assemblyName + " " + shown;
        if (!string.IsNullOrEmpty(informational) && informational != shown)
        {
            description += " (informational version " + informational + ")";
        }

        string latest = SdkVersionDefects.Format(SdkVersionDefects.LatestRelease);
        Version minimum = context.Input.SdkMinimumVersion;
        if (version != null && SdkVersionDefects.Compare(version, minimum) < 0)
        {
            var message = new StringBuilder(assemblyName).Append(' ').Append(shown).Append(" is older than the minimum ")
                .Append(SdkVersionDefects.Format(minimum)).Append(" (azure_iot.sdk_minimum_version)");
            IReadOnlyList<SdkDefect> defects = SdkVersionDefects.FindDefects(version);
            SdkDefect? worst = SdkVersionDefects.FindWorstDefect(version);
            if (worst != null)
            {
                message.Append(". Its worst known disconnect defect: ").Append(worst.Summary)
                    .Append(" (fixed in ").Append(SdkVersionDefects.Format(worst.FixedIn)).Append("; ").Append(worst.Source).Append(')');
                if (defects.Count > 1)
                {
                    message.Append(", and ").Append(Text.Number(defects.Count - 1)).Append(" more known defect")
                        .Append(defects.Count == 2 ? string.Empty : "s");
                }
            }

            message.Append(". Update the Microsoft.Azure.Devices.Client package to ").Append(latest).Append(" (the latest 1.x).");
            context.Add(RuleIds.SdkTooOld, FindingSeverity.Warning, message.ToString());
        }

        switch (SdkVersionDefects.ClassifyInformationalVersion(informational))
        {
            case SdkReleaseKind.EndOfLife:
                context.Add(RuleIds.SdkPreviewOrEndOfLife, FindingSeverity.Warning,
                    assemblyName + " " + informational + " is end-of-life: " + SdkVersionDefects.V2PreviewEndOfLifeReason
                    + ". Use the latest 1.x release (" + latest + ").");
                break;
            case SdkReleaseKind.Preview:
                context.Add(RuleIds.SdkPreviewOrEndOfLife, FindingSeverity.Warning,
                    assemblyName + " " + informational + " is a pre-release build: it is unsupported and may lack the disconnect fixes "
                    + "of the GA line. Use the latest 1.x release (" + latest + ").");
                break;
            default:
                break;
        }

        return description;
    }

    private static string? ReadInformationalVersion(Assembly assembly)
    {
        try
        {
            foreach (CustomAttributeData data in assembly.GetCustomAttributesData())
            {
                if (data.AttributeType.FullName == "System.Reflection.AssemblyInformationalVersionAttribute"
                    && data.ConstructorArguments.Count == 1)
                {
                    return data.ConstructorArguments[0].Value as string;
                }
            }
        }
        catch (Exception ex) when (ex is NotSupportedException || ex is InvalidOperationException || ex is TypeLoadException
            || ex is FileNotFoundException)
        {
            // fall through to the attribute instance
        }

        try
        {
            return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        }
        catch (Exception ex) when (ex is NotSupportedException || ex is InvalidOperationException || ex is TypeLoadException)
        {
            return null;
        }
    }

    private static Assembly? FindSdkInInputs(StartupCheckInput input)
    {
        var objects = new List<object?> { input.ClientOptions, input.RetryPolicy, input.AuthenticationMethod };
        if (input.TransportSettings != null)
        {
            objects.AddRange(input.TransportSettings);
        }

        foreach (object? item in objects)
        {
            if (item != null && IsSdkAssembly(item.GetType().Assembly))
            {
                return item.GetType().Assembly;
            }
        }

        return null;
    }

    private static bool IsSdkAssembly(Assembly assembly) =>
        string.Equals(assembly.GetName().Name, SdkVersionDefects.SdkAssemblyName, StringComparison.Ordinal) || IsIotDeviceAssembly(assembly);

    // The SDK already loaded in the app domain, else the one the entry assembly references (loaded by name).
    private static Assembly? LocateLoadedSdk()
    {
        // The v1 SDK first: an app that loads both is checked for the one the v1 rules describe.
        Assembly[] loaded = AppDomain.CurrentDomain.GetAssemblies();
        foreach (Assembly assembly in loaded)
        {
            if (string.Equals(assembly.GetName().Name, SdkVersionDefects.SdkAssemblyName, StringComparison.Ordinal))
            {
                return assembly;
            }
        }

        foreach (Assembly assembly in loaded)
        {
            if (IsIotDeviceAssembly(assembly))
            {
                return assembly;
            }
        }

        try
        {
            Assembly? entry = Assembly.GetEntryAssembly();
            if (entry != null)
            {
                foreach (AssemblyName reference in entry.GetReferencedAssemblies())
                {
                    if (string.Equals(reference.Name, SdkVersionDefects.SdkAssemblyName, StringComparison.Ordinal)
                        || string.Equals(reference.Name, SdkVersionDefects.IotDeviceAssemblyName, StringComparison.Ordinal))
                    {
                        return Assembly.Load(reference);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException || ex is FileLoadException || ex is BadImageFormatException)
        {
            // referenced but not deployable: nothing to check
        }

        return null;
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private sealed class Context
    {
        private readonly HashSet<object> _visited = new HashSet<object>(ReferenceComparer.Instance);

        public Context(StartupCheckInput input, DateTimeOffset now)
        {
            Input = input;
            Now = now;
        }

        public StartupCheckInput Input { get; }

        public DateTimeOffset Now { get; }

        public List<Finding> Findings { get; } = new List<Finding>();

        public void Add(string ruleId, FindingSeverity severity, string message) => Findings.Add(new Finding(ruleId, severity, message));

        // The same settings object may arrive twice (in TransportSettings and inside IotHubClientOptions): report it once.
        public bool FirstVisit(object item) => item.GetType().IsValueType || _visited.Add(item);

        public void Unvisit(object item) => _visited.Remove(item);
    }

    private sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new ReferenceComparer();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
