using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.Analyzers;

/// <summary>How a fix must write the replacement value.</summary>
internal enum ValueForm
{
    /// <summary>An integral number of seconds (<c>KeepAliveInSeconds</c>).</summary>
    Seconds,

    /// <summary>A <c>TimeSpan</c>.</summary>
    TimeSpan,

    /// <summary><c>WithNoKeepAlive()</c>: the fix rewrites the call.</summary>
    NoKeepAliveCall,
}

/// <summary>
/// A place where code sets an MQTT keep-alive or an AMQP idle timeout, and the value it sets.
/// Shared by AZIOT301–303 so that the three rules agree on what a keep-alive setting is.
/// </summary>
internal readonly struct KeepAliveSite
{
    public const string ReplacementSecondsKey = "ReplacementSeconds";
    public const string ValueFormKey = "ValueForm";

    private KeepAliveSite(IOperation? value, Location location, ValueForm form, bool isMqttNet)
    {
        Value = value;
        Location = location;
        Form = form;
        IsMqttNet = isMqttNet;
    }

    /// <summary>The value operation, or null for <c>WithNoKeepAlive()</c>.</summary>
    public IOperation? Value { get; }

    public Location Location { get; }

    public ValueForm Form { get; }

    /// <summary>Raw MQTTnet: only reported when the code evidently targets IoT Hub.</summary>
    public bool IsMqttNet { get; }

    /// <summary>MQTT keep-alive: SDK <c>MqttTransportSettings.KeepAliveInSeconds</c>, MQTTnet <c>WithKeepAlivePeriod</c>,
    /// <c>WithNoKeepAlive</c>, <c>MqttClientOptions.KeepAlivePeriod</c>, Microsoft.Azure.Iot.Device
    /// <c>MqttNetClientOptions.KeepAlivePeriod</c>.</summary>
    public static bool TryGetMqttKeepAlive(IOperation operation, KnownSymbols symbols, out KeepAliveSite site)
    {
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment:
                if (property.IsMember(symbols.MqttTransportSettings, "KeepAliveInSeconds"))
                {
                    site = new KeepAliveSite(assignment.Value, assignment.Value.Syntax.GetLocation(), ValueForm.Seconds, isMqttNet: false);
                    return true;
                }

                if (property.IsMember(symbols.MqttClientOptions, "KeepAlivePeriod"))
                {
                    site = new KeepAliveSite(assignment.Value, assignment.Value.Syntax.GetLocation(), ValueForm.TimeSpan, isMqttNet: true);
                    return true;
                }

                // Microsoft.Azure.Iot.Device: the options of the MqttNetClient an app builds itself (always IoT Hub).
                if (property.IsMember(symbols.IotDeviceMqttNetClientOptions, "KeepAlivePeriod"))
                {
                    site = new KeepAliveSite(assignment.Value, assignment.Value.Syntax.GetLocation(), ValueForm.TimeSpan, isMqttNet: false);
                    return true;
                }

                break;
            case IInvocationOperation { TargetMethod: var method } invocation
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.MqttClientOptionsBuilder):
                if (method.Name == "WithKeepAlivePeriod" && invocation.Arguments.Length == 1)
                {
                    var argument = invocation.Arguments[0].Value;
                    site = new KeepAliveSite(argument, argument.Syntax.GetLocation(), ValueForm.TimeSpan, isMqttNet: true);
                    return true;
                }

                if (method.Name == "WithNoKeepAlive" && invocation.Arguments.Length == 0)
                {
                    site = new KeepAliveSite(null, CallLocation(invocation), ValueForm.NoKeepAliveCall, isMqttNet: true);
                    return true;
                }

                break;
        }

        site = default;
        return false;
    }

    /// <summary>AMQP idle timeout: SDK <c>AmqpTransportSettings.IdleTimeout</c>.</summary>
    public static bool TryGetAmqpIdleTimeout(IOperation operation, KnownSymbols symbols, out KeepAliveSite site)
    {
        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: var property } } assignment
            && property.IsMember(symbols.AmqpTransportSettings, "IdleTimeout"))
        {
            site = new KeepAliveSite(assignment.Value, assignment.Value.Syntax.GetLocation(), ValueForm.TimeSpan, isMqttNet: false);
            return true;
        }

        site = default;
        return false;
    }

    /// <summary>The value in seconds, when known at compile time.</summary>
    public bool TryGetSeconds(KnownSymbols symbols, CancellationToken cancellationToken, out double seconds)
    {
        if (Form == ValueForm.NoKeepAliveCall)
        {
            seconds = 0;
            return true;
        }

        return ValueFolding.TryGetSeconds(Value, symbols.TimeSpan, cancellationToken, out seconds);
    }

    /// <summary>Whether the rule may report here: SDK settings always, MQTTnet only when it targets IoT Hub.</summary>
    public bool IsHubConnection(IOperation operation, KnownSymbols symbols, CancellationToken cancellationToken)
        => !IsMqttNet || HubTargetDetector.TargetsIotHub(operation, symbols, cancellationToken);

    public ImmutableDictionary<string, string?> FixProperties(int replacementSeconds)
        => ImmutableDictionary<string, string?>.Empty
            .Add(ReplacementSecondsKey, replacementSeconds.ToString(CultureInfo.InvariantCulture))
            .Add(ValueFormKey, Form.ToString());

    public static string FormatNumber(double seconds)
        => seconds.ToString("0.###", CultureInfo.InvariantCulture);

    public static string FormatSeconds(double seconds) => FormatNumber(seconds) + " s";

    /// <summary><c>WithNoKeepAlive()</c> in a chain: from the method name to the closing parenthesis.</summary>
    private static Location CallLocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess } syntax)
        {
            return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(memberAccess.Name.SpanStart, syntax.Span.End));
        }

        return invocation.Syntax.GetLocation();
    }
}
