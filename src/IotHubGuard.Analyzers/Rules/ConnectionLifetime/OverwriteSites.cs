using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Overwrites of a tracked client (AZIOT205). Locals are judged by the flow graph alone (unassigned means nothing to
/// close); fields, properties and captured locals, whose previous value the body cannot see, only when they are
/// assigned a new client in a loop or in more than one place (<see cref="CreationSites.IsReportableOverwrite"/>).
/// Constructors, initialisers and the first assignment never fire.
/// </summary>
internal static class OverwriteSites
{
    /// <summary>Checkpoint selector: an explicit assignment of a new client to a tracked variable, field or property.</summary>
    public static ISymbol? SelectOverwrite(IOperation operation, IFlowValues values)
        => operation is ISimpleAssignmentOperation { IsImplicit: false } assignment
           && assignment.Target is not IParameterReferenceOperation
           && ReleaseModel.IsNewClient(values.ValueOf(assignment.Value))
            ? values.Resolve(assignment.Target)
            : null;

    public static bool IsReportable(ReleaseCheckpoint checkpoint, CreationSites sites, CancellationToken cancellationToken)
    {
        if (checkpoint.Symbol is ILocalSymbol && checkpoint.IsOwnLocal)
        {
            // The graph saw every earlier assignment: unassigned or released locals are never reported.
            return true;
        }

        if (checkpoint.Symbol is IFieldSymbol or IPropertySymbol
            && checkpoint.Function is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor })
        {
            return false;
        }

        return sites.IsReportableOverwrite(checkpoint.Symbol, checkpoint.Operation.Syntax, cancellationToken);
    }
}
