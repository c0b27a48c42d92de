using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// The one place that decides what a client is, what creates one, and what closes, disposes or hands one off, for
/// every client family (device SDK, MQTTnet). <see cref="ReleaseFlow"/> and the lifetime rules ask it and decide
/// nothing by themselves; a new close or hand-off shape is added here. One instance per compilation; it caches what
/// it learns about helper methods (see the <c>Helpers</c> part).
/// </summary>
internal sealed partial class ReleaseModel
{
    private static readonly ConditionalWeakTable<KnownSymbols, ReleaseModel> Cache = new();

    private ReleaseModel(KnownSymbols symbols) => Symbols = symbols;

    public KnownSymbols Symbols { get; }

    /// <summary>The model of a compilation, shared by every rule.</summary>
    public static ReleaseModel For(KnownSymbols symbols) => Cache.GetValue(symbols, s => new ReleaseModel(s));

    /// <summary>Which client family a variable of this type holds, if any.</summary>
    public ClientFamily FamilyOf(ITypeSymbol? type)
        => Symbols.IsDeviceOrModuleClient(type) ? ClientFamily.DeviceSdk
        : Symbols.IsMqttClient(type) ? ClientFamily.Mqtt
        : Symbols.IsIotDeviceConnectionClient(type) ? ClientFamily.IotDevice
        : ClientFamily.None;

    /// <summary>Whether variables of this type are tracked.</summary>
    public bool IsTrackedType(ITypeSymbol? type) => FamilyOf(type) != ClientFamily.None;

    /// <summary>
    /// What a call named <paramref name="method"/> does to a client of <paramref name="family"/>, by name only: for the
    /// syntactic scans of helper bodies. Device SDK: <c>CloseAsync</c> and <c>DisposeAsync</c> (which closes first)
    /// close, <c>Dispose</c> disposes. MQTTnet: <c>DisconnectAsync</c>/<c>TryDisconnectAsync</c> close, <c>Dispose</c>
    /// disposes (without a DISCONNECT). Microsoft.Azure.Iot.Device's <c>ConnectionClient</c>: <c>DisconnectAsync</c>
    /// closes (sends DISCONNECT), <c>Dispose</c> disposes (without one).
    /// </summary>
    public static ReleaseKind KindOfName(ClientFamily family, string method)
        => (family, method) switch
        {
            (ClientFamily.DeviceSdk, "CloseAsync" or "DisposeAsync") => ReleaseKind.Close,
            (ClientFamily.Mqtt, "DisconnectAsync" or "TryDisconnectAsync") => ReleaseKind.Close,
            (ClientFamily.IotDevice, "DisconnectAsync") => ReleaseKind.Close,
            (ClientFamily.DeviceSdk or ClientFamily.Mqtt or ClientFamily.IotDevice, "Dispose") => ReleaseKind.Dispose,
            _ => ReleaseKind.None,
        };

    /// <summary>
    /// The operand an invocation may release: its receiver, or the first argument of an extension method
    /// (<c>client.DisconnectAsync()</c> on MQTTnet's <c>MqttClientExtensions</c>).
    /// </summary>
    public static IOperation? ClientOperand(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance;
        }

        if (invocation.TargetMethod.IsExtensionMethod)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    /// <summary>What <paramref name="invocation"/> does to its <see cref="ClientOperand"/>, a client of <paramref name="family"/>.</summary>
    public ReleaseKind KindOf(IInvocationOperation invocation, ClientFamily family)
    {
        var method = invocation.TargetMethod;
        switch (family)
        {
            case ClientFamily.DeviceSdk when invocation.Instance is not null:
                return method.Name switch
                {
                    "CloseAsync" when method.Parameters.Length <= 1 => ReleaseKind.Close,
                    "DisposeAsync" when method.Parameters.IsEmpty => ReleaseKind.Close,
                    "Dispose" when method.Parameters.IsEmpty => ReleaseKind.Dispose,
                    _ => ReleaseKind.None,
                };
            case ClientFamily.Mqtt:
                if (method.Name is "DisconnectAsync" or "TryDisconnectAsync")
                {
                    var declaresClient = invocation.Instance is not null
                        ? Symbols.IsMqttClient(method.ContainingType)
                        : method.IsExtensionMethod && method.Parameters.Length > 0 && Symbols.IsMqttClient(method.Parameters[0].Type);
                    return declaresClient ? ReleaseKind.Close : ReleaseKind.None;
                }

                return method.Name == "Dispose" && method.Parameters.IsEmpty && invocation.Instance is not null ? ReleaseKind.Dispose : ReleaseKind.None;
            case ClientFamily.IotDevice when invocation.Instance is not null:
                return method.Name switch
                {
                    "DisconnectAsync" when method.Parameters.Length <= 1 => ReleaseKind.Close,
                    "Dispose" when method.Parameters.IsEmpty => ReleaseKind.Dispose,
                    _ => ReleaseKind.None,
                };
            default:
                return ReleaseKind.None;
        }
    }

    /// <summary>
    /// A value that is a new client: a call (<c>Create*</c>, a factory, <c>await CreateFromEnvironmentAsync()</c>) or a
    /// construction, through conversions and <c>await</c>.
    /// </summary>
    public static bool IsNewClient(IOperation value)
    {
        value = OperationUnwrap.ConversionsAndAwaits(value);
        return value is IInvocationOperation or IObjectCreationOperation;
    }

    /// <summary>A client that comes from a DI container (<c>GetService</c>, …): someone else owns it.</summary>
    public static bool IsContainerLookup(IInvocationOperation invocation)
        => invocation.TargetMethod.Name is "GetService" or "GetRequiredService" or "GetKeyedService" or "GetRequiredKeyedService" or "GetServices";

    /// <summary>
    /// A condition that says the client holds no open connection besides a null check (MQTTnet <c>IsConnected</c>):
    /// <paramref name="notOpenWhen"/> is the value of the condition for which the client is not open.
    /// </summary>
    public bool TryGetNotOpenCondition(IOperation condition, out IOperation? reference, out bool notOpenWhen)
    {
        if (condition is IPropertyReferenceOperation { Property.Name: "IsConnected", Instance: { } instance } property
            && Symbols.IsMqttClient(property.Property.ContainingType))
        {
            reference = instance;
            notOpenWhen = false;
            return true;
        }

        reference = null;
        notOpenWhen = false;
        return false;
    }

    /// <summary>The call that closes a client of <paramref name="family"/> cleanly, as the messages and fixes name it.</summary>
    public static string CloseMethodOf(ClientFamily family)
        => family == ClientFamily.DeviceSdk ? "CloseAsync" : "DisconnectAsync";

    /// <summary>The identifiers released in <paramref name="node"/> by calls to <paramref name="methodNames"/> (for the code fixes).</summary>
    public static ImmutableHashSet<string> ReleasedNames(SyntaxNode node, ImmutableHashSet<string> methodNames)
        => ReleaseSyntax.ReleasedNames(node, methodNames);
}
