using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// Where a reported duration is a constant of the project, the fix changes the constant's value where it is declared
/// (possibly in another file) and leaves the use alone: <c>TimeSpan.FromSeconds(Settings.KeepAlive)</c> keeps reading
/// <c>Settings.KeepAlive</c>, and <c>const int KeepAlive = 1800;</c> becomes <c>const int KeepAlive = 300;</c>.
/// </summary>
internal static class ConstantFix
{
    /// <summary>The changed solution, or null when the value is not a plain constant the fix can rewrite.</summary>
    public static async Task<Solution?> TryChangeConstantAsync(Document document, TextSpan span, int seconds, ValueForm form, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || form == ValueForm.NoKeepAliveCall)
        {
            return null;
        }

        var value = root.FindNode(span, getInnermostNodeForTie: true);
        if (value is ArgumentSyntax argument)
        {
            value = argument.Expression;
        }

        // KeepAliveInSeconds = Constant, or TimeSpan.FromSeconds/FromMinutes/FromHours(Constant) with a whole number of that unit.
        var (reference, unit) = (form, value) switch
        {
            (ValueForm.Seconds, ExpressionSyntax expression) => (expression, 1),
            (ValueForm.TimeSpan, InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var factory }, ArgumentList.Arguments: { Count: 1 } arguments })
                => (arguments[0].Expression, factory switch { "FromSeconds" => 1, "FromMinutes" => 60, "FromHours" => 3600, _ => 0 }),
            _ => ((ExpressionSyntax?)null, 0),
        };
        if (reference is not (IdentifierNameSyntax or MemberAccessExpressionSyntax) || unit == 0 || seconds % unit != 0
            || model.GetSymbolInfo(reference, cancellationToken).Symbol is not { } symbol
            || symbol is not (IFieldSymbol { IsConst: true, Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double }
                or ILocalSymbol { IsConst: true, Type.SpecialType: SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double })
            || symbol.DeclaringSyntaxReferences.Length != 1
            || await symbol.DeclaringSyntaxReferences[0].GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator)
        {
            return null;
        }

        var solution = document.Project.Solution;
        var declaringDocument = solution.GetDocument(declarator.SyntaxTree);
        var declaringRoot = declaringDocument is null ? null : await declaringDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (declaringDocument is null || declaringRoot is null)
        {
            return null;
        }

        var newValue = DurationSyntax.Number(seconds / unit).WithTriviaFrom(initial);
        return solution.WithDocumentSyntaxRoot(declaringDocument.Id, declaringRoot.ReplaceNode(initial, newValue));
    }
}
