using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// A <c>BackgroundService</c> is stopped by its host through <c>StopAsync</c>, and the host may never dispose it in
/// time: the client is closed there. The fix adds a <c>StopAsync</c> override that first lets the base class stop
/// <c>ExecuteAsync</c> (so the loop no longer uses the client), then closes and disposes the client. An existing
/// <c>async</c> override gets the close at its end (so Fix All puts every client of the type in one override); any
/// other existing <c>StopAsync</c> gets no fix here.
/// </summary>
internal static class StopAsyncMember
{
    private const string BackgroundService = "Microsoft.Extensions.Hosting.BackgroundService";

    public static async Task<Func<CancellationToken, Task<Document>>?> TryCreateAsync(
        Document document, SyntaxNode nodeInType, string memberName, bool alsoDispose, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var typeDeclaration = nodeInType.FirstAncestorOrSelf<ClassDeclarationSyntax>();
        if (model is null
            || typeDeclaration is null
            || model.GetDeclaredSymbol(typeDeclaration, cancellationToken) is not INamedTypeSymbol { IsStatic: false } type
            || model.Compilation.GetTypeByMetadataName(BackgroundService) is not { } backgroundService
            || !DerivesFrom(type, backgroundService)
            || type.GetMembers(memberName).FirstOrDefault(m => m is IFieldSymbol or IPropertySymbol) is not { IsStatic: false } member)
        {
            return null;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var eol = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        var nullable = member is IFieldSymbol { IsReadOnly: true } or IPropertySymbol { SetMethod: null } ? string.Empty : "?";
        // AZIOT201: the type's Dispose() already disposes the client; StopAsync only closes it (no double dispose).
        var dispose = alsoDispose ? $"{member.Name}.Dispose();" : null;
        var close = nullable.Length == 0
            ? $"        await {member.Name}.CloseAsync(cancellationToken);{eol}" + (dispose is null ? string.Empty : $"        {dispose}{eol}")
            : $"        if ({member.Name} != null){eol}        {{{eol}            await {member.Name}.CloseAsync(cancellationToken);{eol}" + (dispose is null ? string.Empty : $"            {dispose}{eol}") + $"        }}{eol}";
        var existing = type.GetMembers("StopAsync").ToList();
        if (existing.Count > 0)
        {
            if (existing.Count != 1
                || existing[0] is not IMethodSymbol { IsOverride: true, Parameters.Length: 1 }
                || existing[0].DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault() is not { Body: { } body } declaration
                || declaration.SyntaxTree != typeDeclaration.SyntaxTree
                || !declaration.Modifiers.Any(SyntaxKind.AsyncKeyword))
            {
                return null;
            }

            var token = declaration.ParameterList.Parameters[0].Identifier.ValueText;
            var statements = SyntaxFactory.ParseStatement("{" + eol + close.Replace("cancellationToken", token) + "}").ChildNodes().OfType<StatementSyntax>()
                .Select(st => st.WithAdditionalAnnotations(Formatter.Annotation));
            return async ct =>
            {
                var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                return document.WithSyntaxRoot(root!.ReplaceNode(body, body.AddStatements(statements.ToArray())));
            };
        }

        var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            $"public override async global::System.Threading.Tasks.Task StopAsync(global::System.Threading.CancellationToken cancellationToken){eol}" +
            $"{{{eol}        await base.StopAsync(cancellationToken);{eol}{close}}}{eol}")!;
        method = method
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(eol))
            .WithAdditionalAnnotations(Formatter.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation);

        return async ct =>
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            return document.WithSyntaxRoot(root!.ReplaceNode(typeDeclaration, typeDeclaration.AddMembers(method)));
        };
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
