using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Device SDK clients (<c>DeviceClient</c>, <c>ModuleClient</c>). Released by <c>CloseAsync</c> (with or without a
/// cancellation token) or <c>DisposeAsync</c> (which closes first); for AZIOT205 also by <c>Dispose</c>.
/// </summary>
internal sealed class SdkClientReleaseModel : ReleaseModel
{
    private static readonly ImmutableHashSet<string> s_close = ImmutableHashSet.Create(StringComparer.Ordinal, "CloseAsync", "DisposeAsync");
    private static readonly ImmutableHashSet<string> s_closeOrDispose = s_close.Add("Dispose");

    private readonly KnownSymbols _symbols;

    public SdkClientReleaseModel(KnownSymbols symbols, bool disposeReleases)
    {
        _symbols = symbols;
        ReleaseMethodNames = disposeReleases ? s_closeOrDispose : s_close;
    }

    public override ImmutableHashSet<string> ReleaseMethodNames { get; }

    public override bool IsTrackedType(ITypeSymbol? type) => _symbols.IsDeviceOrModuleClient(type);

    public override IOperation? GetReleasedReceiver(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!ReleaseMethodNames.Contains(method.Name) || invocation.Instance is null)
        {
            return null;
        }

        return method.Name switch
        {
            "CloseAsync" => method.Parameters.Length <= 1 ? invocation.Instance : null,
            _ => method.Parameters.IsEmpty ? invocation.Instance : null,
        };
    }
}

/// <summary>
/// MQTTnet clients (<c>IMqttClient</c> and implementations). Released by <c>DisconnectAsync</c> (the interface method
/// or the <c>MqttClientExtensions</c> overload) or <c>TryDisconnectAsync</c>; not open when <c>IsConnected</c> is false.
/// </summary>
internal sealed class MqttClientReleaseModel : ReleaseModel
{
    private static readonly ImmutableHashSet<string> s_disconnect = ImmutableHashSet.Create(StringComparer.Ordinal, "DisconnectAsync", "TryDisconnectAsync");

    private readonly KnownSymbols _symbols;

    public MqttClientReleaseModel(KnownSymbols symbols) => _symbols = symbols;

    public override ImmutableHashSet<string> ReleaseMethodNames => s_disconnect;

    public override bool IsTrackedType(ITypeSymbol? type) => _symbols.IsMqttClient(type);

    public override IOperation? GetReleasedReceiver(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (!s_disconnect.Contains(method.Name))
        {
            return null;
        }

        if (invocation.Instance is not null)
        {
            return _symbols.IsMqttClient(method.ContainingType) ? invocation.Instance : null;
        }

        if (method.IsExtensionMethod && method.Parameters.Length > 0 && _symbols.IsMqttClient(method.Parameters[0].Type))
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

    public override bool TryGetNotOpenCondition(IOperation condition, out IOperation? reference, out bool notOpenWhen)
    {
        if (condition is IPropertyReferenceOperation { Property.Name: "IsConnected", Instance: { } instance } property
            && _symbols.IsMqttClient(property.Property.ContainingType))
        {
            reference = instance;
            notOpenWhen = false;
            return true;
        }

        reference = null;
        notOpenWhen = false;
        return false;
    }
}
