using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// Closes and disposes a client field or property from its type's <c>DisposeAsync</c>: inserted at the top of an
/// existing <c>async</c> DisposeAsync, or a new <c>public async ValueTask DisposeAsync()</c> with <c>IAsyncDisposable</c>
/// added to the type. No fix for static members, structs, static classes, a non-async DisposeAsync, or a base class
/// that already implements IAsyncDisposable (that needs an override the fix cannot write safely).
/// </summary>
internal static class DisposeAsyncMember
{
    public static async Task<Func<CancellationToken, Task<Document>>?> TryCreateAsync(
        Document document,
        SyntaxNode nodeInType,
        string memberName,
        bool alsoDisposeFromDispose,
        CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var typeDeclaration = nodeInType.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (model is null
            || typeDeclaration is not (ClassDeclarationSyntax or RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: not (int)SyntaxKind.StructKeyword })
            || model.GetDeclaredSymbol(typeDeclaration, cancellationToken) is not INamedTypeSymbol { IsStatic: false, TypeKind: TypeKind.Class } type)
        {
            return null;
        }

        var member = type.GetMembers(memberName).FirstOrDefault(m => m is IFieldSymbol or IPropertySymbol);
        var asyncDisposable = model.Compilation.GetTypeByMetadataName("System.IAsyncDisposable");
        var valueTask = model.Compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        if (member is null || member.IsStatic || asyncDisposable is null || valueTask is null)
        {
            return null;
        }

        var statements = CloseAndDispose(member, cancellationToken);
        var existing = type.GetMembers("DisposeAsync").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.IsEmpty && !m.IsStatic);
        if (existing is not null)
        {
            var declaration = existing.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<MethodDeclarationSyntax>()
                .FirstOrDefault(d => d.SyntaxTree == typeDeclaration.SyntaxTree);
            if (declaration?.Body is not { } body || !declaration.Modifiers.Any(SyntaxKind.AsyncKeyword))
            {
                return null;
            }

            return async ct =>
            {
                var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
                var annotated = statements.Select(s => s.WithAdditionalAnnotations(Formatter.Annotation));

                // First thing in DisposeAsync (before a return or other resources), after clients closed there already.
                var index = 0;
                while (index < body.Statements.Count && IsClientClose(body.Statements[index]))
                {
                    index++;
                }

                return document.WithSyntaxRoot(root!.ReplaceNode(body, body.WithStatements(body.Statements.InsertRange(index, annotated))));
            };
        }

        if (type.AllInterfaces.Contains(asyncDisposable, SymbolEqualityComparer.Default))
        {
            return null;
        }

        return async ct =>
        {
            var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
            var generator = SyntaxGenerator.GetGenerator(document);
            var text = await document.GetTextAsync(ct).ConfigureAwait(false);
            var newLine = text.ToString().Contains("\r\n") ? "\r\n" : "\n";

            // The type's own Dispose() releases its other resources (a timer): DisposeAsync closes the client, then calls
            // it, and it disposes the client too. Without one, DisposeAsync disposes the client itself.
            var updated = typeDeclaration;
            var body = statements;
            if (SyncDispose(typeDeclaration) is not null)
            {
                if (alsoDisposeFromDispose)
                {
                    updated = AddToDispose(updated, member, IsNeverNull(member, cancellationToken));
                }

                body = Close(member, cancellationToken).Append(ExpressionStatement(InvocationExpression(IdentifierName("Dispose")))).ToArray();
            }

            var method = MethodDeclaration((TypeSyntax)generator.TypeExpression(valueTask, addImport: true), "DisposeAsync")
                .WithModifiers(TokenList(Token(SyntaxKind.PublicKeyword), Token(SyntaxKind.AsyncKeyword)))
                .WithBody(Block(body))
                .WithLeadingTrivia(EndOfLine(newLine))
                .WithAdditionalAnnotations(Formatter.Annotation);

            updated = AddBaseType(updated, (TypeSyntax)generator.TypeExpression(asyncDisposable, addImport: true));
            updated = updated.AddMembers(method);
            return document.WithSyntaxRoot(root!.ReplaceNode(typeDeclaration, updated));
        };
    }

    /// <summary><c>if (_client != null) { await _client.CloseAsync(); _client.Dispose(); }</c> (no test when it cannot be null).</summary>
    private static StatementSyntax[] CloseAndDispose(ISymbol member, CancellationToken cancellationToken)
    {
        var receiver = IdentifierName(member.Name);
        var close = LifetimeSyntax.AwaitCall(receiver, "CloseAsync");
        var dispose = LifetimeSyntax.CallStatement(receiver, "Dispose");
        return IsNeverNull(member, cancellationToken)
            ? new[] { close, dispose }
            : new[] { LifetimeSyntax.If(LifetimeSyntax.NotNull(receiver), close, dispose) };
    }

    /// <summary><c>await _client.CloseAsync();</c>, null-checked where the member can be null.</summary>
    private static StatementSyntax[] Close(ISymbol member, CancellationToken cancellationToken)
    {
        var receiver = IdentifierName(member.Name);
        var close = LifetimeSyntax.AwaitCall(receiver, "CloseAsync");
        return IsNeverNull(member, cancellationToken) ? new[] { close } : new[] { LifetimeSyntax.If(LifetimeSyntax.NotNull(receiver), close) };
    }

    /// <summary>The type's own parameterless instance <c>Dispose()</c> in this declaration.</summary>
    private static MethodDeclarationSyntax? SyncDispose(TypeDeclarationSyntax type)
        => type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m =>
            m.Identifier.ValueText == "Dispose"
            && m.ParameterList.Parameters.Count == 0
            && m.TypeParameterList is null
            && !m.Modifiers.Any(SyntaxKind.StaticKeyword)
            && (m.Body is not null || m.ExpressionBody is not null));

    /// <summary><c>await x.CloseAsync();</c>, <c>x.Dispose();</c> or <c>if (x != null) { … }</c> of those: what this fix writes.</summary>
    private static bool IsClientClose(StatementSyntax statement)
        => statement switch
        {
            ExpressionStatementSyntax { Expression: AwaitExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CloseAsync" } } } } => true,
            ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Dispose" } } } => true,
            IfStatementSyntax { Else: null, Condition: BinaryExpressionSyntax { RawKind: (int)SyntaxKind.NotEqualsExpression }, Statement: BlockSyntax block } => block.Statements.All(IsClientClose),
            _ => false,
        };

    /// <summary>
    /// A readonly field or get-only property that is initialised, declared non-nullable (nullable context enabled), or
    /// assigned by every constructor: a null check on it would be noise.
    /// </summary>
    private static bool IsNeverNull(ISymbol member, CancellationToken cancellationToken)
    {
        var readOnly = member is IFieldSymbol { IsReadOnly: true } || member is IPropertySymbol { SetMethod: null };
        if (!readOnly)
        {
            return false;
        }

        var annotation = member is IFieldSymbol field ? field.NullableAnnotation : ((IPropertySymbol)member).NullableAnnotation;
        if (annotation == NullableAnnotation.NotAnnotated)
        {
            return true;
        }

        if (member.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) switch
        {
            VariableDeclaratorSyntax declarator => declarator.Initializer is not null,
            PropertyDeclarationSyntax property => property.Initializer is not null,
            _ => false,
        }))
        {
            return true;
        }

        var constructors = member.ContainingType.InstanceConstructors
            .SelectMany(c => c.DeclaringSyntaxReferences)
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<ConstructorDeclarationSyntax>()
            .ToList();
        return constructors.Count > 0 && constructors.All(c => c.Initializer is null && AssignsDirectly(c, member.Name));
    }

    /// <summary>The constructor assigns the member with a statement of its own body (not in a branch).</summary>
    private static bool AssignsDirectly(ConstructorDeclarationSyntax constructor, string name)
    {
        var expressions = constructor.ExpressionBody is { } arrow
            ? new[] { arrow.Expression }
            : constructor.Body?.Statements.OfType<ExpressionStatementSyntax>().Select(s => s.Expression) ?? Enumerable.Empty<ExpressionSyntax>();
        return expressions.Any(e => e is AssignmentExpressionSyntax { Right: not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } assignment
            && assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText == name,
                _ => false,
            });
    }

    /// <summary>The type's synchronous <c>Dispose()</c> also disposes the client (sync callers); an expression body becomes a block.</summary>
    private static TypeDeclarationSyntax AddToDispose(TypeDeclarationSyntax type, ISymbol member, bool neverNull)
    {
        var dispose = SyncDispose(type);
        if (dispose is null
            || (dispose.Body is { } existing && ReleaseModel.ReleasedNames(existing, System.Collections.Immutable.ImmutableHashSet.Create("Dispose")).Contains(member.Name)))
        {
            return type;
        }

        StatementSyntax statement = neverNull
            ? LifetimeSyntax.CallStatement(IdentifierName(member.Name), "Dispose")
            : ExpressionStatement(ConditionalAccessExpression(IdentifierName(member.Name), InvocationExpression(MemberBindingExpression(IdentifierName("Dispose")))));
        statement = statement.WithAdditionalAnnotations(Formatter.Annotation);
        if (dispose.Body is { } body)
        {
            return type.ReplaceNode(body, body.AddStatements(statement));
        }

        // void Dispose() => _timer.Dispose();  →  void Dispose() { _timer.Dispose(); _client.Dispose(); }
        // A trailing comment stays with the statement it described.
        var arrow = dispose.ExpressionBody!;
        var trailing = dispose.SemicolonToken.TrailingTrivia;
        var kept = ExpressionStatement(arrow.Expression.WithoutTrivia()).WithTrailingTrivia(trailing);
        var endOfLine = trailing.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var block = Block(kept, statement)
            .WithTrailingTrivia(endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? TriviaList(endOfLine) : TriviaList(ElasticCarriageReturnLineFeed))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var rewritten = dispose
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithParameterList(dispose.ParameterList.WithTrailingTrivia(dispose.ParameterList.GetTrailingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))))
            .WithBody(block)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return type.ReplaceNode(dispose, rewritten);
    }

    private static TypeDeclarationSyntax AddBaseType(TypeDeclarationSyntax type, TypeSyntax baseType)
    {
        if (type.BaseList is { } baseList)
        {
            var last = baseList.Types.Last();
            var types = baseList.Types.Replace(last, last.WithoutTrailingTrivia())
                .Add(SimpleBaseType(baseType).WithTrailingTrivia(last.GetTrailingTrivia()));
            return type.WithBaseList(baseList.WithTypes(types));
        }

        // class Telemetry⏎{ → class Telemetry : IAsyncDisposable⏎{ : the line break moves after the new base list.
        SyntaxToken before = type.Identifier;
        if (type.ParameterList is { } parameters)
        {
            before = parameters.CloseParenToken;
        }
        else if (type.TypeParameterList is { } typeParameters)
        {
            before = typeParameters.GreaterThanToken;
        }

        var trailing = before.TrailingTrivia;
        var updated = type.ReplaceToken(before, before.WithTrailingTrivia(TriviaList()));
        var newBaseList = BaseList(SingletonSeparatedList<BaseTypeSyntax>(SimpleBaseType(baseType)))
            .WithColonToken(Token(TriviaList(Space), SyntaxKind.ColonToken, TriviaList(Space)))
            .WithTrailingTrivia(trailing);
        return updated.WithBaseList(newBaseList);
    }
}
