using System;
using System.Reflection;
using System.Text;
using IotHubGuard.Runtime.Internal;

namespace IotHubGuard.Runtime;

/// <summary>
/// The startup check's part for the new-generation device SDK, <c>Microsoft.Azure.Iot.Device</c>: its
/// <c>ConnectionClientOptions</c> (AZIOT501), <c>MqttNetClientOptions</c> (AZIOT301/302) and assembly (AZIOT401/402),
/// read by member name like the v1 objects, so IotHubGuard.Runtime needs no reference to the package.
/// </summary>
public static partial class StartupCheck
{
    private const string IotDeviceRetryFix =
        "Keep the SDK default, new ExponentialBackoffRetryPolicy(uint.MaxValue, TimeSpan.FromSeconds(60)): remove the assignment, or use a policy that retries.";

    private static bool IsIotDeviceAssembly(Assembly? assembly) =>
        assembly != null && string.Equals(assembly.GetName().Name, SdkVersionDefects.IotDeviceAssemblyName, StringComparison.Ordinal);

    /// <summary><c>ConnectionClientOptions.ConnectionRetryPolicy</c>; other option objects are left alone.</summary>
    private static void CheckIotDeviceConnectionOptions(Context context, object options, string typeName)
    {
        if (!IsIotDeviceAssembly(options.GetType().Assembly)
            || !MemberReader.TryGet(options, "ConnectionRetryPolicy", out object? policy)
            || policy == null
            || !context.FirstVisit(policy))
        {
            return;
        }

        string source = typeName + ".ConnectionRetryPolicy";
        Type type = policy.GetType();
        if (MemberReader.IsNamed(type, "NoRetry"))
        {
            context.Add(RuleIds.RetryDisabled, FindingSeverity.Warning,
                source + " is NoRetry: the ConnectionClient never reconnects after a transient hub or network error, so the first drop "
                + "(404104) is final and ConnectionFaultedAsync fires. " + IotDeviceRetryFix);
        }
        else if (MemberReader.IsNamed(type, "ExponentialBackoffRetryPolicy") && IsIotDeviceAssembly(type.Assembly) && NeverRetries(policy))
        {
            context.Add(RuleIds.RetryDisabled, FindingSeverity.Warning,
                source + " is an ExponentialBackoffRetryPolicy with maxRetries 0: it never retries, so the first drop (404104) is final "
                + "and ConnectionFaultedAsync fires. " + IotDeviceRetryFix);
        }
    }

    /// <summary>
    /// Asks the SDK's own policy whether it would retry a first failure. Only called for the SDK's
    /// <c>ExponentialBackoffRetryPolicy</c>, whose <c>ShouldRetry</c> is a pure computation; any surprise reads as "retries".
    /// </summary>
    private static bool NeverRetries(object policy)
    {
        try
        {
            MethodInfo? shouldRetry = policy.GetType().GetMethod(
                "ShouldRetry",
                BindingFlags.Public | BindingFlags.Instance,
                binder: null,
                new[] { typeof(uint), typeof(Exception), typeof(TimeSpan).MakeByRefType() },
                modifiers: null);
            return shouldRetry != null
                && shouldRetry.ReturnType == typeof(bool)
                && !(bool)shouldRetry.Invoke(policy, new object?[] { 1u, null, TimeSpan.Zero })!;
        }
        catch (Exception ex) when (ex is TargetInvocationException || ex is AmbiguousMatchException || ex is ArgumentException
            || ex is MethodAccessException || ex is NotSupportedException || ex is InvalidCastException)
        {
            return false;
        }
    }

    /// <summary><c>MqttNetClientOptions.KeepAlivePeriod</c> of an <c>MqttNetClient</c> the app builds itself.</summary>
    private static void CheckIotDeviceTransportSettings(Context context, object settings, Type type)
    {
        if (MemberReader.IsNamed(type, "MqttNetClientOptions")
            && IsIotDeviceAssembly(type.Assembly)
            && MemberReader.TryGetTimeSpan(settings, "KeepAlivePeriod", out TimeSpan keepAlive))
        {
            CheckMqttKeepAlive(context, keepAlive.TotalSeconds, type.Name + ".KeepAlivePeriod");
        }
    }

    /// <summary>AZIOT401/402 for a loaded <c>Microsoft.Azure.Iot.Device</c>, with its own version table and minimum.</summary>
    private static string CheckIotDeviceSdkAssembly(Context context, Assembly sdk)
    {
        string? informational = ReadInformationalVersion(sdk);
        Version? version = sdk.GetName().Version;
        string name = SdkVersionDefects.IotDeviceAssemblyName;
        string shown = version == null ? "(no version)" : SdkVersionDefects.Format(version);
        string description = name + " " + shown;
        if (!string.IsNullOrEmpty(informational) && informational != shown)
        {
            description += " (informational version " + informational + ")";
        }

        string latest = SdkVersionDefects.Format(IotDeviceVersions.LatestRelease);
        Version minimum = context.Input.IotDeviceSdkMinimumVersion;
        if (version != null && SdkVersionDefects.Compare(version, minimum) < 0)
        {
            var message = new StringBuilder(name).Append(' ').Append(shown).Append(" is older than the minimum ")
                .Append(SdkVersionDefects.Format(minimum)).Append(" (").Append(IotDeviceVersions.MinimumVersionKey).Append(')');
            SdkDefect? worst = IotDeviceVersions.FindWorstDefect(version);
            message.Append(worst == null
                ? "; no disconnect defect of this version is known"
                : ". Its worst known disconnect defect: " + worst.Summary + " (fixed in " + SdkVersionDefects.Format(worst.FixedIn) + "; " + worst.Source + ")");
            message.Append(". Update the Microsoft.Azure.Iot.Device package to ").Append(latest).Append('.');
            context.Add(RuleIds.SdkTooOld, FindingSeverity.Warning, message.ToString());
        }

        if (IotDeviceVersions.Classify(informational) == SdkReleaseKind.Preview)
        {
            context.Add(RuleIds.SdkPreviewOrEndOfLife, FindingSeverity.Warning,
                name + " " + informational + " is " + IotDeviceVersions.PreviewReason + ". Use the latest GA release (" + latest + ").");
        }

        return description;
    }
}
