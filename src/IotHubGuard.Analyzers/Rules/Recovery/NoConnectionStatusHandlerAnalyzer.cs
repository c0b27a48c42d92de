using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT502 (Info): a client made by <c>DeviceClient/ModuleClient.Create*</c> is opened or used, and no
/// <c>SetConnectionStatusChangesHandler</c> is registered on it anywhere in its scope (the method for a local, the
/// type for a private field). Reported at the <c>Create*</c> call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoConnectionStatusHandlerAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Creates the analyzer.</summary>
    public NoConnectionStatusHandlerAnalyzer()
        : base(Descriptors.NoConnectionStatusHandler)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols)
        => symbols.HasDeviceSdk && symbols.ConnectionStatusChangesHandler is not null;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        var creation = new ClientCreation(symbols);
        context.RegisterOperationAction(c => Analyze(c, symbols, creation), OperationKind.Invocation);
    }

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols, ClientCreation creation)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (creation.OriginOf(invocation, context.CancellationToken) != ClientOrigin.DeviceSdk
            || creation.IsHttp1(invocation, context.CancellationToken)
            || (!method.IsStatic || !symbols.IsDeviceOrModuleClient(method.ContainingType)) && FactoryMayRegister(method, context.CancellationToken)
            || invocation.SemanticModel is not { } model
            || ClientStatusHandlerScope.FindStorage(invocation) is not { } storage
            || !ClientStatusHandlerScope.IsUsedWithoutHandler(storage, model, symbols, context.CancellationToken))
        {
            return;
        }

        var clientType = symbols.IsDeviceOrModuleClient(method.ContainingType) ? method.ContainingType.Name
            : method.ReturnType is INamedTypeSymbol { IsGenericType: true } task ? task.TypeArguments[0].Name
            : method.ReturnType.Name;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.NoConnectionStatusHandler,
            invocation.Syntax.GetLocation(),
            $"{clientType} '{storage.Name}'"));
    }

    /// <summary>
    /// A factory of the compilation (<see cref="ClientCreation"/>) that registers the handler itself, or that calls
    /// other methods of the compilation which might: the caller's client then has one, or may have.
    /// </summary>
    private static bool FactoryMayRegister(IMethodSymbol factory, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var reference in factory.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case IdentifierNameSyntax { Identifier.ValueText: "SetConnectionStatusChangesHandler" }:
                    case InvocationExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } }:
                        return true;
                }
            }
        }

        return false;
    }
}
