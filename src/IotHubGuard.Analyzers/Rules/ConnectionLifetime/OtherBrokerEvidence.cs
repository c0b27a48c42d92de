using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// MQTTnet rules report only code that could be talking to IoT Hub (docs/rules.md): a body that configures a server
/// whose host is fully known and is not an IoT Hub host (<c>WithTcpServer("localhost")</c>,
/// <c>WithConnectionUri("mqtt://broker.example:1883")</c>) talks to another broker and is left alone.
/// </summary>
internal sealed class OtherBrokerEvidence
{
    private readonly KnownSymbols _symbols;

    public OtherBrokerEvidence(KnownSymbols symbols) => _symbols = symbols;

    public bool TalksToAnotherBroker(IOperation body, CancellationToken cancellationToken)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is IInvocationOperation { Arguments.Length: > 0 } invocation
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _symbols.MqttClientOptionsBuilder)
                && invocation.TargetMethod.Name is "WithTcpServer" or "WithConnectionUri"
                && invocation.TargetMethod.Parameters[0].Type.SpecialType == SpecialType.System_String
                && StringShape.TryGet(invocation.Arguments[0].Value, cancellationToken, out var shape)
                && shape.IsFullyKnown
                && shape.Text.IndexOf(".azure-devices.net", StringComparison.OrdinalIgnoreCase) < 0
                && !HubTargetDetector.TargetsIotHub(invocation, _symbols, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
