using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT205: a client field, property or outer variable overwritten with a new client on a path where the previous
/// one was neither closed nor disposed. Locals are judged by the flow graph alone (unassigned means nothing to close);
/// fields, properties and captured locals, whose previous value the body cannot see, only when they are assigned a new
/// client in a loop or in more than one place (<see cref="CreationSites.IsReportableOverwrite"/>). Constructors,
/// initialisers and the first assignment never fire.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientOverwrittenWhileOpenAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public ClientOverwrittenWhileOpenAnalyzer()
        : base(Descriptors.ClientOverwrittenWhileOpen)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols) => symbols.HasDeviceSdk;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var model = new SdkClientReleaseModel(symbols, disposeReleases: true);
        var sites = new CreationSites();
        context.RegisterOperationBlockAction(c => Analyze(c, model, sites));
    }

    private static void Analyze(OperationBlockAnalysisContext context, ReleaseModel model, CreationSites sites)
    {
        foreach (var (block, body) in FlowBodies.Of(context))
        {
            if (!MayOverwrite(body, model))
            {
                continue;
            }

            var checkpoints = ReleaseFlow.Analyze(context.GetControlFlowGraph(block), context.OwningSymbol, model, SelectOverwrite, context.CancellationToken);
            foreach (var checkpoint in checkpoints)
            {
                if (checkpoint.IsReleased || !ShouldReport(checkpoint, sites, context.CancellationToken))
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ClientOverwrittenWhileOpen,
                    checkpoint.Operation.Syntax.GetLocation(),
                    checkpoint.Symbol.Name));
            }
        }
    }

    private static bool ShouldReport(ReleaseCheckpoint checkpoint, CreationSites sites, System.Threading.CancellationToken cancellationToken)
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

    /// <summary>Cheap gate on the operation tree: does this body assign a new client to a variable, field or property?</summary>
    private static bool MayOverwrite(IOperation body, ReleaseModel model)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation } assignment
                && model.IsTrackedType(assignment.Target.Type)
                && IsNewClient(assignment.Value))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? SelectOverwrite(IOperation operation, IFlowValues values)
        => operation is ISimpleAssignmentOperation { IsImplicit: false } assignment
           && assignment.Target is not IParameterReferenceOperation
           && IsNewClient(values.ValueOf(assignment.Value))
            ? values.Resolve(assignment.Target)
            : null;

    /// <summary>A value that is a new client: a call (<c>Create*</c>, a factory, <c>await CreateFromEnvironmentAsync()</c>) or a construction.</summary>
    private static bool IsNewClient(IOperation value)
    {
        while (value is IConversionOperation or IAwaitOperation)
        {
            value = value is IConversionOperation conversion ? conversion.Operand : ((IAwaitOperation)value).Operation;
        }

        return value is IInvocationOperation or IObjectCreationOperation;
    }
}
