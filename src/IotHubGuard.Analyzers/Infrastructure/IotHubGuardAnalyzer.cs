using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace IotHubGuard.Analyzers;

/// <summary>
/// Base of every IotHubGuard analyzer. <see cref="Initialize"/> is sealed so no rule can forget the
/// boilerplate: concurrent execution, no generated code, and the compilation-start gate that
/// registers nothing when neither the device SDK nor MQTTnet is referenced.
/// </summary>
public abstract class IotHubGuardAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<DiagnosticDescriptor> _supported;

    private protected IotHubGuardAnalyzer(params DiagnosticDescriptor[] descriptors)
        => _supported = ImmutableArray.Create(descriptors);

    /// <inheritdoc />
    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _supported;

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = KnownSymbols.Create(start.Compilation);
            if (symbols.IsRelevant && IsApplicable(symbols))
            {
                OnCompilationStart(start, symbols);
            }
        });
    }

    /// <summary>Whether this rule has anything to look at in a compilation with these symbols.</summary>
    private protected abstract bool IsApplicable(KnownSymbols symbols);

    /// <summary>Register the rule's actions; called once per relevant compilation.</summary>
    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, KnownSymbols symbols);
}
