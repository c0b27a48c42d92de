using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// AZIOT101: a fixed SAS token reaches a client — <c>new DeviceAuthenticationWithToken(…)</c>,
/// <c>new ModuleAuthenticationWithToken(…)</c>, <c>AuthenticationMethodFactory.CreateAuthenticationWithToken(…)</c>,
/// or a connection string whose known text has a <c>SharedAccessSignature=</c> part passed to
/// <c>DeviceClient</c>/<c>ModuleClient.CreateFromConnectionString</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FixedSasTokenAnalyzer : IotHubGuardAnalyzer
{
    /// <summary>Diagnostic property: which kind of site was reported (a <see cref="FixedSasTokenSite"/> name).</summary>
    internal const string SiteKey = "Site";

    /// <summary>Creates the analyzer.</summary>
    public FixedSasTokenAnalyzer()
        : base(Descriptors.FixedSasToken)
    {
    }

    private protected override bool IsApplicable(KnownSymbols symbols)
        => symbols.DeviceAuthenticationWithToken is not null
        || symbols.ModuleAuthenticationWithToken is not null
        || symbols.AuthenticationMethodFactory is not null
        || symbols.HasDeviceSdk;

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols)
    {
        context.RegisterOperationAction(c => AnalyzeCreation(c, symbols), OperationKind.ObjectCreation);
        context.RegisterOperationAction(c => AnalyzeInvocation(c, symbols), OperationKind.Invocation);
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var type = creation.Type;
        if (type is null
            || !(SymbolEqualityComparer.Default.Equals(type, symbols.DeviceAuthenticationWithToken)
                 || SymbolEqualityComparer.Default.Equals(type, symbols.ModuleAuthenticationWithToken)))
        {
            return;
        }

        Report(context, creation.Syntax.GetLocation(), FixedSasTokenSite.AuthenticationCreation, "new " + type.Name + "(…)");
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (!method.IsStatic)
        {
            return;
        }

        if (method.Name == "CreateAuthenticationWithToken"
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.AuthenticationMethodFactory))
        {
            Report(context, invocation.Syntax.GetLocation(), FixedSasTokenSite.FactoryCall, "AuthenticationMethodFactory.CreateAuthenticationWithToken(…)");
            return;
        }

        if (method.Name != "CreateFromConnectionString" || !symbols.IsDeviceOrModuleClient(method.ContainingType))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "connectionString"
                && argument.Parameter.Type.SpecialType == SpecialType.System_String
                && StringShape.TryGet(argument.Value, context.CancellationToken, out var shape)
                && ConnectionStringShape.HasFixedSignature(shape))
            {
                Report(
                    context,
                    invocation.Syntax.GetLocation(),
                    FixedSasTokenSite.ConnectionString,
                    "A connection string with SharedAccessSignature= passed to " + method.ContainingType.Name + ".CreateFromConnectionString");
                return;
            }
        }
    }

    private static void Report(OperationAnalysisContext context, Location location, FixedSasTokenSite site, string what)
        => context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.FixedSasToken,
            location,
            ImmutableDictionary<string, string?>.Empty.Add(SiteKey, site.ToString()),
            what));
}
