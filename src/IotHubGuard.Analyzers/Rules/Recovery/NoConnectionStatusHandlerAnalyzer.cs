using Microsoft.CodeAnalysis;
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
        => context.RegisterOperationAction(c => Analyze(c, symbols), OperationKind.Invocation);

    private static void Analyze(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.IsStatic
            || !method.Name.StartsWith("Create", System.StringComparison.Ordinal)
            || !IsClientFactory(method, symbols)
            || invocation.SemanticModel is not { } model
            || ClientStatusHandlerScope.FindStorage(invocation) is not { } storage
            || !ClientStatusHandlerScope.IsUsedWithoutHandler(storage, model, symbols, context.CancellationToken))
        {
            return;
        }

        var clientType = symbols.IsDeviceOrModuleClient(method.ContainingType) ? method.ContainingType.Name : "client";
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.NoConnectionStatusHandler,
            invocation.Syntax.GetLocation(),
            $"{clientType} '{storage.Name}'"));
    }

    /// <summary><c>DeviceClient.Create*</c> / <c>ModuleClient.Create*</c>, returning the client or a task of it.</summary>
    private static bool IsClientFactory(IMethodSymbol method, KnownSymbols symbols)
    {
        if (!symbols.IsDeviceOrModuleClient(method.ContainingType))
        {
            return false;
        }

        var returned = method.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } task && task.Name == "Task"
            ? task.TypeArguments[0]
            : method.ReturnType;
        return symbols.IsDeviceOrModuleClient(returned);
    }
}
