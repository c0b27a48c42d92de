using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Decides whether MQTTnet code "evidently targets IoT Hub" (docs/rules.md): a server host ending in
/// <c>.azure-devices.net</c>, or a username of the hub's <c>{host}/{deviceId}/?api-version=</c> form.
/// The builder chain decides first; failing that, the enclosing method, and only when nothing in it
/// points at another broker. Code that talks to any other broker is never reported.
/// </summary>
internal static class HubTargetDetector
{
    private const string HubHostSuffix = ".azure-devices.net";
    private const string HubUserNameMarker = "/?api-version=";

    private enum Evidence
    {
        None,
        Hub,
        OtherBroker,
    }

    public static bool TargetsIotHub(IOperation operation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var chainEvidence = Evidence.None;
        foreach (var link in TopOfChain(operation).DescendantsAndSelf())
        {
            chainEvidence = Combine(chainEvidence, EvidenceOf(link, symbols, cancellationToken));
        }

        if (chainEvidence != Evidence.None)
        {
            return chainEvidence == Evidence.Hub;
        }

        var methodEvidence = Evidence.None;
        foreach (var descendant in Root(operation).Descendants())
        {
            methodEvidence = Combine(methodEvidence, EvidenceOf(descendant, symbols, cancellationToken));
            if (methodEvidence == Evidence.OtherBroker)
            {
                return false;
            }
        }

        return methodEvidence == Evidence.Hub;
    }

    /// <summary>Whether a host name (or a shape with holes) is an IoT Hub host.</summary>
    public static bool IsHubHost(string host)
    {
        host = host.Trim().TrimEnd('.');
        return host.EndsWith(HubHostSuffix, StringComparison.OrdinalIgnoreCase);
    }

    private static Evidence Combine(Evidence current, Evidence next)
        => current == Evidence.OtherBroker || next == Evidence.OtherBroker ? Evidence.OtherBroker
        : current == Evidence.Hub || next == Evidence.Hub ? Evidence.Hub
        : Evidence.None;

    private static Evidence EvidenceOf(IOperation operation, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IInvocationOperation invocation when invocation.Arguments.Length > 0:
                var method = invocation.TargetMethod;
                var type = method.ContainingType;
                if (SymbolEqualityComparer.Default.Equals(type, symbols.MqttClientOptionsBuilder))
                {
                    return method.Name switch
                    {
                        "WithTcpServer" when method.Parameters[0].Type.SpecialType == SpecialType.System_String => HostEvidence(invocation.Arguments[0], cancellationToken),
                        "WithConnectionUri" => UriEvidence(invocation.Arguments[0], symbols, cancellationToken),

                        // MQTTnet 3.x/4.x WithWebSocketServer(string uri, …), obsolete in 4.x and gone in 5.x.
                        "WithWebSocketServer" when method.Parameters[0].Type.SpecialType == SpecialType.System_String => UriEvidence(invocation.Arguments[0], symbols, cancellationToken),
                        "WithCredentials" when method.Parameters[0].Type.SpecialType == SpecialType.System_String => UserNameEvidence(invocation.Arguments[0], cancellationToken),
                        _ => Evidence.None,
                    };
                }

                if (SymbolEqualityComparer.Default.Equals(type, symbols.MqttClientWebSocketOptionsBuilder) && method.Name == "WithUri")
                {
                    return UriEvidence(invocation.Arguments[0], symbols, cancellationToken);
                }

                return Evidence.None;
            case IObjectCreationOperation creation
                when creation.Arguments.Length > 0 && SymbolEqualityComparer.Default.Equals(creation.Type, symbols.DnsEndPoint):
                return HostEvidence(creation.Arguments[0], cancellationToken);
            default:
                return Evidence.None;
        }
    }

    private static Evidence HostEvidence(IOperation host, CancellationToken cancellationToken)
    {
        if (!StringShape.TryGet(host, cancellationToken, out var shape))
        {
            return Evidence.None;
        }

        if (IsHubHost(shape.Text))
        {
            return Evidence.Hub;
        }

        return shape.IsFullyKnown ? Evidence.OtherBroker : Evidence.None;
    }

    private static Evidence UriEvidence(IOperation argument, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var value = ValueFolding.Unwrap(argument);
        if (value is IObjectCreationOperation creation
            && SymbolEqualityComparer.Default.Equals(creation.Type, symbols.Uri)
            && creation.Arguments.Length > 0)
        {
            value = creation.Arguments[0];
        }

        if (!StringShape.TryGet(value, cancellationToken, out var shape))
        {
            return Evidence.None;
        }

        var text = shape.Text;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var hostStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var hostEnd = text.IndexOfAny(new[] { ':', '/', '?' }, hostStart);
        var host = hostEnd < 0 ? text.Substring(hostStart) : text.Substring(hostStart, hostEnd - hostStart);
        if (IsHubHost(host))
        {
            return Evidence.Hub;
        }

        return host.IndexOf(StringShape.Hole) < 0 && host.Length > 0 ? Evidence.OtherBroker : Evidence.None;
    }

    private static Evidence UserNameEvidence(IOperation userName, CancellationToken cancellationToken)
        => StringShape.TryGet(userName, cancellationToken, out var shape)
           && shape.Text.IndexOf(HubUserNameMarker, StringComparison.OrdinalIgnoreCase) >= 0
            ? Evidence.Hub
            : Evidence.None;

    /// <summary>The outermost call of a fluent chain (<c>new B().WithA().WithB()</c>): its subtree is the whole chain.</summary>
    private static IOperation TopOfChain(IOperation operation)
    {
        var current = operation is IArgumentOperation { Parent: { } call } ? call : operation;
        while (current.Parent is IInvocationOperation parent
               && parent.Instance is { } instance
               && ValueFolding.Unwrap(instance) == current)
        {
            current = parent;
        }

        return current;
    }

    private static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }
}
