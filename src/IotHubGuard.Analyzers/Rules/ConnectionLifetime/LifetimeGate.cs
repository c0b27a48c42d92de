using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>What a method body gives the lifetime rules to judge; nothing means no flow graph is built.</summary>
[Flags]
internal enum LifetimeWork
{
    None = 0,

    /// <summary>A device SDK client (v1, or a Microsoft.Azure.Iot.Device connection client) is disposed synchronously (AZIOT201).</summary>
    SdkDisposal = 1,

    /// <summary>An MQTTnet client is disposed synchronously (AZIOT204).</summary>
    MqttDisposal = 2,

    /// <summary>A device SDK client variable, field or property is assigned a new client (AZIOT205).</summary>
    SdkOverwrite = 4,

    /// <summary>An MQTTnet client variable, field or property is assigned a new client (AZIOT205, when it targets IoT Hub).</summary>
    MqttOverwrite = 8,
}

/// <summary>The cheap walk over a body's operation tree that decides whether <see cref="ReleaseFlow"/> runs at all.</summary>
internal static class LifetimeGate
{
    public static LifetimeWork Scan(IOperation body, ReleaseModel model)
    {
        var work = LifetimeWork.None;
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IUsingOperation { IsAsynchronous: false } usingStatement:
                    work |= Disposal(ResourceFamilies(usingStatement.Resources, model));
                    break;
                case IUsingDeclarationOperation { IsAsynchronous: false } usingDeclaration:
                    work |= Disposal(ResourceFamilies(usingDeclaration.DeclarationGroup, model));
                    break;
                case IInvocationOperation { TargetMethod: { Name: "Dispose", Parameters.IsEmpty: true }, Instance: { } instance }:
                    work |= Disposal(model.FamilyOf(OperationUnwrap.ImplicitConversions(instance).Type));
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation } assignment
                    when model.FamilyOf(assignment.Target.Type) != ClientFamily.None && ReleaseModel.IsNewClient(assignment.Value):
                    work |= model.FamilyOf(assignment.Target.Type) == ClientFamily.DeviceSdk ? LifetimeWork.SdkOverwrite : LifetimeWork.MqttOverwrite;
                    break;
            }
        }

        return work;
    }

    private static LifetimeWork Disposal(ClientFamily family)
        => family switch
        {
            ClientFamily.DeviceSdk or ClientFamily.IotDevice => LifetimeWork.SdkDisposal,
            ClientFamily.Mqtt => LifetimeWork.MqttDisposal,
            _ => LifetimeWork.None,
        };

    private static LifetimeWork Disposal((bool Sdk, bool Mqtt) families)
        => (families.Sdk ? LifetimeWork.SdkDisposal : LifetimeWork.None) | (families.Mqtt ? LifetimeWork.MqttDisposal : LifetimeWork.None);

    private static (bool Sdk, bool Mqtt) ResourceFamilies(IOperation? resources, ReleaseModel model)
    {
        var sdk = false;
        var mqtt = false;
        switch (resources)
        {
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var family = model.FamilyOf(declarator.Symbol.Type);
                        sdk |= family is ClientFamily.DeviceSdk or ClientFamily.IotDevice;
                        mqtt |= family == ClientFamily.Mqtt;
                    }
                }

                break;
            case null:
                break;
            default:
                var resourceFamily = model.FamilyOf(OperationUnwrap.ImplicitConversions(resources).Type);
                sdk = resourceFamily is ClientFamily.DeviceSdk or ClientFamily.IotDevice;
                mqtt = resourceFamily == ClientFamily.Mqtt;
                break;
        }

        return (sdk, mqtt);
    }
}
