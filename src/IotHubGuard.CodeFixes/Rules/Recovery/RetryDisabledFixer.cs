using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT501: put the SDK's default retry policy back. <c>new NoRetry()</c> becomes
/// <c>new ExponentialBackoff(int.MaxValue, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100))</c>
/// (a variable declared as <c>NoRetry</c> becomes <c>IRetryPolicy</c>); the obsolete
/// <c>client.RetryPolicy = RetryPolicyType.No_Retry;</c> becomes <c>client.SetRetryPolicy(new ExponentialBackoff(…));</c>.
/// In <c>Microsoft.Azure.Iot.Device</c>, the never-retrying <c>ConnectionRetryPolicy</c> becomes that SDK's default,
/// <c>new ExponentialBackoffRetryPolicy(uint.MaxValue, TimeSpan.FromSeconds(60))</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetryDisabledFixer))]
[Shared]
public sealed class RetryDisabledFixer : CodeFixProvider
{
    private const string Title = "Use the SDK's default retry policy (ExponentialBackoff, retry forever)";

    private const string DefaultPolicy =
        "new global::Microsoft.Azure.Devices.Client.ExponentialBackoff(int.MaxValue, global::System.TimeSpan.FromMilliseconds(100), "
        + "global::System.TimeSpan.FromSeconds(10), global::System.TimeSpan.FromMilliseconds(100))";

    // ConnectionClientOptions' own default (Models/ConnectionClientOptions.cs in Azure/azure-iot-sdk).
    private const string IotDeviceDefaultPolicy =
        "new global::Microsoft.Azure.Iot.Device.Retry.ExponentialBackoffRetryPolicy(uint.MaxValue, global::System.TimeSpan.FromSeconds(60))";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.RetryDisabled);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(RetryDisabledAnalyzer.FormKey, out var form)
                && form is RetryDisabledAnalyzer.NoRetryCreation or RetryDisabledAnalyzer.ObsoleteProperty or RetryDisabledAnalyzer.ConnectionRetryPolicyAssignment
                && CanFix(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), form))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, diagnostic, form, ct), EquivalenceKeys.UseDefaultRetryPolicy),
                    diagnostic);
            }
        }
    }

    private static bool CanFix(SyntaxNode node, string form)
        => form is RetryDisabledAnalyzer.NoRetryCreation or RetryDisabledAnalyzer.ConnectionRetryPolicyAssignment
            ? node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not null
            : ObsoleteAssignment(node) is not null;

    /// <summary>The obsolete assignment, when its value is discarded (a statement, or the body of a void member).</summary>
    private static AssignmentExpressionSyntax? ObsoleteAssignment(SyntaxNode node)
        => node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is { Left: MemberAccessExpressionSyntax } assignment
            && (assignment.Parent is ExpressionStatementSyntax || IsVoidExpressionBody(assignment.Parent))
            ? assignment
            : null;

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, string form, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var newRoot = form switch
        {
            RetryDisabledAnalyzer.NoRetryCreation => await ReplaceCreationAsync(document, root, node, cancellationToken).ConfigureAwait(false),
            RetryDisabledAnalyzer.ConnectionRetryPolicyAssignment => ReplaceIotDeviceCreation(root, node),
            _ => ReplaceObsoleteAssignment(root, node),
        };
        return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
    }

    private static async Task<SyntaxNode?> ReplaceCreationAsync(Document document, SyntaxNode root, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is not { } creation)
        {
            return null;
        }

        var replacement = DefaultPolicyExpression().WithTriviaFrom(creation);

        // NoRetry policy = new NoRetry();  ->  IRetryPolicy policy = new ExponentialBackoff(…);
        if (creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1 } declaration } }
            && !declaration.Type.IsVar)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var declared = model?.GetTypeInfo(declaration.Type, cancellationToken).Type;
            var noRetry = model is null ? null : KnownSymbols.Create(model.Compilation).NoRetry;
            if (declared.InheritsFromOrEquals(noRetry))
            {
                var policyType = SyntaxFactory.ParseTypeName("global::Microsoft.Azure.Devices.Client.IRetryPolicy")
                    .WithTriviaFrom(declaration.Type)
                    .WithAdditionalAnnotations(Simplifier.Annotation);
                var newDeclaration = declaration.ReplaceNode(creation, replacement).WithType(policyType);
                return root.ReplaceNode(declaration, newDeclaration);
            }
        }

        return root.ReplaceNode(creation, replacement);
    }

    /// <summary>The property is typed <c>IRetryPolicy</c>, so only the creation changes.</summary>
    private static SyntaxNode? ReplaceIotDeviceCreation(SyntaxNode root, SyntaxNode node)
        => node.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>() is { } creation
            ? root.ReplaceNode(creation, PolicyExpression(IotDeviceDefaultPolicy).WithTriviaFrom(creation))
            : null;

    /// <summary><c>client.RetryPolicy = RetryPolicyType.No_Retry;</c> -> <c>client.SetRetryPolicy(new ExponentialBackoff(…));</c></summary>
    private static SyntaxNode? ReplaceObsoleteAssignment(SyntaxNode root, SyntaxNode node)
    {
        if (ObsoleteAssignment(node) is not { Left: MemberAccessExpressionSyntax target } assignment)
        {
            return null; // the assignment's value is used: no statement to replace.
        }

        var call = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                target.Expression.WithoutTrivia(),
                SyntaxFactory.IdentifierName("SetRetryPolicy")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Argument(DefaultPolicyExpression()))));
        return root.ReplaceNode(assignment, call.WithTriviaFrom(assignment));
    }

    /// <summary><c>void Configure(DeviceClient c) => c.RetryPolicy = …;</c>: the value of the body is discarded.</summary>
    private static bool IsVoidExpressionBody(SyntaxNode? node)
        => node is ArrowExpressionClauseSyntax arrow
        && (arrow.Parent is MethodDeclarationSyntax { ReturnType: PredefinedTypeSyntax method } && method.Keyword.IsKind(SyntaxKind.VoidKeyword)
            || arrow.Parent is LocalFunctionStatementSyntax { ReturnType: PredefinedTypeSyntax local } && local.Keyword.IsKind(SyntaxKind.VoidKeyword));

    /// <summary>
    /// The default policy with <c>global::</c>-qualified type names, each annotated for the simplifier, so it reads
    /// <c>new ExponentialBackoff(…, TimeSpan.FromMilliseconds(100), …)</c> where the namespaces are imported.
    /// </summary>
    private static ExpressionSyntax DefaultPolicyExpression() => PolicyExpression(DefaultPolicy);

    private static ExpressionSyntax PolicyExpression(string text)
    {
        var creation = (ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression(text);
        var typeNames = creation.DescendantNodes()
            .Where(n => n is MemberAccessExpressionSyntax { Expression: AliasQualifiedNameSyntax } || n == creation.Type)
            .ToArray();
        return creation.ReplaceNodes(typeNames, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
    }
}
