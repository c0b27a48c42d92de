using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT502: registers a connection status handler right after the client is stored, and adds the handler: a method
/// that logs status and reason through an <c>ILogger</c> in scope (else <c>Console.Error</c>), with one comment that
/// names the terminal statuses. The handler is a method of the type when it can reach the logger (or uses
/// <c>Console.Error</c>), a local function when the logger is a local or parameter, and a top-level local function in a
/// top-level program. Several clients in one type share one handler; Fix All works document by document for that reason.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoConnectionStatusHandlerFixer))]
[Shared]
public sealed class NoConnectionStatusHandlerFixer : CodeFixProvider
{
    private const string Title = "Register a connection status handler that logs status and reason";
    private const string HandlerName = "OnConnectionStatusChanged";
    private const string Sdk = "global::Microsoft.Azure.Devices.Client.";
    private const string LoggingNamespace = "Microsoft.Extensions.Logging";

    // Two short lines: generated code keeps to the line lengths people review.
    private static readonly string[] s_terminalComment =
    {
        "// Disconnected (retries exhausted, credentials rejected, device disabled) and Disabled (closed)",
        "// are terminal: create a new client to reconnect.",
    };

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.NoConnectionStatusHandler);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => BestFixAllProvider.Instance;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindCreate(root, diagnostic.Location.SourceSpan) is { } create
                && Fix(root, model, create, context.CancellationToken) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        ct => ApplyAsync(context.Document, new[] { diagnostic.Location.SourceSpan }, ct),
                        EquivalenceKeys.AddConnectionStatusHandler),
                    diagnostic);
            }
        }
    }

    /// <summary>Fixes every span, one at a time on the updated document, so that later fixes reuse the handler an earlier one added.</summary>
    private static async Task<Document> ApplyAsync(Document document, IEnumerable<TextSpan> spans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (FindCreate(root, span) is { } create && !marks.ContainsKey(create))
            {
                marks[create] = new SyntaxAnnotation("IotHubGuard.AZIOT502");
            }
        }

        if (marks.Count == 0)
        {
            return document;
        }

        var order = marks.OrderBy(m => m.Key.SpanStart).Select(m => m.Value).ToArray();
        document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
        foreach (var mark in order)
        {
            root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || root.GetAnnotatedNodes(mark).OfType<InvocationExpressionSyntax>().FirstOrDefault() is not { } create)
            {
                continue;
            }

            if (Fix(root, model, create, cancellationToken) is { } fixedRoot)
            {
                document = document.WithSyntaxRoot(fixedRoot);
            }
        }

        return document;
    }

    private static InvocationExpressionSyntax? FindCreate(SyntaxNode root, TextSpan span)
        => root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();

    /// <summary>The fixed root, or null when this shape has no safe fix.</summary>
    private static SyntaxNode? Fix(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax create, CancellationToken cancellationToken)
    {
        if (!TryFindStorage(create, out var receiver, out var anchor, out var insertFirst)
            || ContainerOf(anchor, insertFirst) is not { } container)
        {
            return null;
        }

        var context = HandlerContext.Create(model, anchor, container, cancellationToken);
        if (context is null)
        {
            return null;
        }

        var newLine = SyntaxFactory.EndOfLine(NewLineOf(root));
        var registration = SyntaxFactory.ParseStatement($"{receiver}.SetConnectionStatusChangesHandler({context.Name});")
            .WithTrailingTrivia(newLine)
            .WithAdditionalAnnotations(Formatter.Annotation);

        var tracked = root.TrackNodes(new[] { anchor, container }.Concat(context.Member is null ? Array.Empty<SyntaxNode>() : new[] { context.Member }));
        tracked = InsertRegistration(tracked, tracked.GetCurrentNode(anchor)!, insertFirst, registration);
        if (!context.Reuses)
        {
            tracked = InsertHandler(tracked, context, tracked.GetCurrentNode(container)!, context.Member is null ? null : tracked.GetCurrentNode(context.Member), newLine);
        }

        return context.NeedsLoggingUsing && tracked is CompilationUnitSyntax unit ? AddLoggingUsing(unit, newLine) : tracked;
    }

    /// <summary>
    /// The variable that receives the client and the statement to register the handler after: a local declaration
    /// (also <c>using</c>/<c>await using</c>), the block of a <c>using (var client = …)</c> statement, or an assignment statement.
    /// </summary>
    private static bool TryFindStorage(InvocationExpressionSyntax create, out ExpressionSyntax receiver, out SyntaxNode anchor, out bool insertFirst)
    {
        receiver = null!;
        anchor = null!;
        insertFirst = false;

        ExpressionSyntax current = create;
        while (true)
        {
            if (current.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax)
            {
                current = (ExpressionSyntax)current.Parent;
            }
            else if (current.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } memberAccess
                && memberAccess.Expression == current
                && memberAccess.Parent is InvocationExpressionSyntax configureAwait)
            {
                current = configureAwait;
            }
            else
            {
                break;
            }
        }

        switch (current.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is LocalDeclarationStatementSyntax statement:
                receiver = SyntaxFactory.IdentifierName(declarator.Identifier.ValueText);
                anchor = statement;
                return true;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when declarator.Parent?.Parent is UsingStatementSyntax { Statement: BlockSyntax body }:
                receiver = SyntaxFactory.IdentifierName(declarator.Identifier.ValueText);
                anchor = body;
                insertFirst = true;
                return true;
            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement } assignment
                when assignment.Right == current && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                receiver = assignment.Left.WithoutTrivia();
                anchor = statement;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The block (or compilation unit, for top-level statements) the registration goes into.</summary>
    private static SyntaxNode? ContainerOf(SyntaxNode anchor, bool insertFirst)
        => insertFirst ? anchor
        : anchor.Parent is BlockSyntax block ? block
        : anchor.Parent is GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } ? unit
        : null;

    private static SyntaxNode InsertRegistration(SyntaxNode root, SyntaxNode anchor, bool insertFirst, StatementSyntax registration)
    {
        if (insertFirst)
        {
            var body = (BlockSyntax)anchor;
            return root.ReplaceNode(body, body.WithStatements(body.Statements.Insert(0, registration)));
        }

        return anchor.Parent is GlobalStatementSyntax global
            ? root.InsertNodesAfter(global, new[] { SyntaxFactory.GlobalStatement(registration) })
            : root.InsertNodesAfter(anchor, new[] { registration });
    }

    /// <summary>The file's own line break, so inserted lines match the rest of the file.</summary>
    private static string NewLineOf(SyntaxNode root)
        => root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } newLine ? newLine : "\n";

    private static SyntaxNode InsertHandler(SyntaxNode root, HandlerContext context, SyntaxNode container, SyntaxNode? member, SyntaxTrivia newLine)
    {
        if (context.Host == HandlerHost.TypeMember && member is not null)
        {
            var method = AnnotateTypeNames(SyntaxFactory.ParseMemberDeclaration(context.HandlerText(asLocalFunction: false))!)
                .WithLeadingTrivia(newLine)
                .WithAdditionalAnnotations(Formatter.Annotation);
            return root.InsertNodesAfter(member, new[] { method });
        }

        // A blank line before the local function; non-elastic, so the formatter keeps it.
        var lineBreak = SyntaxFactory.EndOfLine(newLine.ToString());
        var localFunction = AnnotateTypeNames(SyntaxFactory.ParseStatement(context.HandlerText(asLocalFunction: true)))
            .WithLeadingTrivia(lineBreak)
            .WithTrailingTrivia(lineBreak)
            .WithAdditionalAnnotations(Formatter.Annotation);
        switch (container)
        {
            case BlockSyntax block:
                return root.ReplaceNode(block, block.AddStatements(localFunction));
            case CompilationUnitSyntax unit when unit.Members.OfType<GlobalStatementSyntax>().LastOrDefault() is { } last:
                // After the program's last statement; a file that does not end with a line break still does not.
                var lastEndsLine = last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                localFunction = lastEndsLine
                    ? localFunction
                    : localFunction.WithLeadingTrivia(lineBreak, lineBreak).WithTrailingTrivia(SyntaxFactory.TriviaList());
                return root.InsertNodesAfter(last, new[] { SyntaxFactory.GlobalStatement(localFunction) });
            default:
                return root;
        }
    }

    /// <summary>The handler is written with <c>global::</c> names (parameter types, <c>System.Console</c>); each is reduced where its namespace is imported.</summary>
    private static T AnnotateTypeNames<T>(T node)
        where T : SyntaxNode
    {
        var names = node.DescendantNodes()
            .Where(n => n is MemberAccessExpressionSyntax { Expression: AliasQualifiedNameSyntax } || n is TypeSyntax { Parent: ParameterSyntax })
            .ToArray();
        return node.ReplaceNodes(names, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
    }

    /// <summary>Adds <c>using Microsoft.Extensions.Logging;</c> among the file's usings (System first, then ordinal).</summary>
    private static CompilationUnitSyntax AddLoggingUsing(CompilationUnitSyntax unit, SyntaxTrivia newLine)
    {
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(LoggingNamespace))
            .WithTrailingTrivia(newLine)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var usings = unit.Usings;
        var index = 0;
        while (index < usings.Count && SortsBefore(usings[index], LoggingNamespace))
        {
            index++;
        }

        if (index == 0 && usings.Count > 0)
        {
            // Keep a file header on the first line of the file.
            directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia(SyntaxFactory.TriviaList()));
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    private static bool SortsBefore(UsingDirectiveSyntax existing, string name)
    {
        if (!existing.GlobalKeyword.IsKind(SyntaxKind.None))
        {
            return true; // global usings must come first (CS8915).
        }

        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None))
        {
            return false; // namespace usings go before static and alias usings.
        }

        var text = existing.Name?.ToString() ?? string.Empty;
        var existingIsSystem = text == "System" || text.StartsWith("System.", StringComparison.Ordinal);
        return existingIsSystem || string.CompareOrdinal(text, name) < 0;
    }

    private enum HandlerHost
    {
        TypeMember,
        LocalFunction,
    }

    /// <summary>Where the handler goes, what it logs through, and its name.</summary>
    private sealed class HandlerContext
    {
        private HandlerContext(HandlerHost host, SyntaxNode? member, string name, bool reuses, bool isStatic, string? logger, bool needsLoggingUsing)
        {
            Host = host;
            Member = member;
            Name = name;
            Reuses = reuses;
            IsStatic = isStatic;
            Logger = logger;
            NeedsLoggingUsing = needsLoggingUsing;
        }

        /// <summary><c>ConnectionStatus</c> where the SDK namespace is imported at the handler, else its full name.</summary>
        public string StatusType { get; private set; } = "global::Microsoft.Azure.Devices.Client.ConnectionStatus";

        public HandlerHost Host { get; }

        /// <summary>The type member the handler method is inserted after (type-member host only).</summary>
        public SyntaxNode? Member { get; }

        public string Name { get; }

        /// <summary>An existing handler with that name and signature is reused: nothing to add.</summary>
        public bool Reuses { get; }

        public bool IsStatic { get; }

        /// <summary>The logger expression, or null for <c>Console.Error</c>.</summary>
        public string? Logger { get; }

        public bool NeedsLoggingUsing { get; }

        public static HandlerContext? Create(SemanticModel model, SyntaxNode anchor, SyntaxNode container, CancellationToken cancellationToken)
        {
            var position = anchor.SpanStart;
            var topLevel = container is CompilationUnitSyntax;
            MemberDeclarationSyntax? member = null;
            INamedTypeSymbol? type = null;
            if (!topLevel)
            {
                member = anchor.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m.Parent is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax);
                type = member is null ? null : model.GetDeclaredSymbol(member.Parent!, cancellationToken) as INamedTypeSymbol;
                if (type is null)
                {
                    return null;
                }
            }

            var staticContext = IsStaticContext(model.GetEnclosingSymbol(position, cancellationToken));
            var visible = model.LookupSymbols(position);
            var loggerType = model.Compilation.GetTypeByMetadataName(LoggingNamespace + ".ILogger");
            var candidates = loggerType is null
                ? new List<ISymbol>()
                : visible.Where(s => IsLogger(TypeOf(s), loggerType) && IsReadable(s)).ToList();

            // A logger a new method of the type can reach: a field or property (static ones from a static context), or a
            // primary-constructor parameter (instance context only). Fields first: a primary-constructor parameter that
            // also initialises a field must not be captured (CS9124).
            var memberLogger = topLevel ? null : candidates
                .Where(s => s is IFieldSymbol or IPropertySymbol ? (!staticContext || s.IsStatic) && IsMemberOf(s, type!)
                    : !staticContext && IsPrimaryConstructorParameter(s, cancellationToken))
                .OrderBy(s => s is IParameterSymbol ? 1 : 0)
                .ThenBy(Preference)
                .FirstOrDefault();

            // A local or parameter declared before the client: only a local function next to the registration reaches it.
            var localLogger = memberLogger is not null ? null : candidates
                .Where(s => s is ILocalSymbol || s is IParameterSymbol p && !IsPrimaryConstructorParameter(p, cancellationToken))
                .Where(s => s.DeclaringSyntaxReferences.Length == 1 && s.DeclaringSyntaxReferences[0].Span.End <= position)
                .OrderBy(Preference)
                .FirstOrDefault();

            var logger = memberLogger ?? localLogger;
            var host = topLevel || localLogger is not null ? HandlerHost.LocalFunction : HandlerHost.TypeMember;
            var isStatic = host == HandlerHost.TypeMember && (memberLogger is null || memberLogger.IsStatic);
            // The handler calls LoggerExtensions.Log(LogLevel, …): where it is not in scope, the fix imports its namespace.
            var needsUsing = logger is not null
                && !model.LookupSymbols(position, TypeOf(logger), "Log", includeReducedExtensionMethods: true)
                    .OfType<IMethodSymbol>()
                    .Any(m => m.IsExtensionMethod && m.Parameters.FirstOrDefault()?.Type.Name == "LogLevel" && m.ContainingType.Name == "LoggerExtensions");
            var loggerExtensions = model.Compilation.GetTypeByMetadataName(LoggingNamespace + ".LoggerExtensions");
            var hasLevelLog = loggerExtensions?.GetMembers("Log").OfType<IMethodSymbol>()
                .Any(m => m.Parameters.Length >= 2 && m.Parameters[1].Type.Name == "LogLevel") == true;
            if (logger is not null && !hasLevelLog)
            {
                logger = null; // no Log(LogLevel, …) to call: fall back to Console.Error.
                needsUsing = false;
                isStatic = host == HandlerHost.TypeMember;
            }

            // The enum the Warning/Information choice compares with, by its short name where the SDK namespace is imported.
            var statusType = model.LookupNamespacesAndTypes(position, name: "ConnectionStatus")
                .Any(t => t.ToDisplayString() == "Microsoft.Azure.Devices.Client.ConnectionStatus")
                ? "ConnectionStatus"
                : "global::Microsoft.Azure.Devices.Client.ConnectionStatus";

            // Reuse a handler an earlier fix added (same name and signature), else pick a free name.
            for (var attempt = 1; attempt < 100; attempt++)
            {
                var name = attempt == 1 ? HandlerName : HandlerName + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var taken = visible.Where(s => s.Name == name).ToList();
                if (host == HandlerHost.TypeMember)
                {
                    taken.AddRange(type!.GetMembers(name));
                }

                if (taken.Count == 0)
                {
                    return WithStatusType(new HandlerContext(host, member, name, reuses: false, isStatic, Describe(logger), needsUsing), statusType);
                }

                if (taken.All(s => IsReusableHandler(s, host, staticContext)))
                {
                    return WithStatusType(new HandlerContext(host, member, name, reuses: true, isStatic, Describe(logger), needsLoggingUsing: false), statusType);
                }
            }

            return null;
        }

        private static HandlerContext WithStatusType(HandlerContext context, string statusType)
        {
            context.StatusType = statusType;
            return context;
        }

        /// <summary>
        /// The handler. With a logger, Disconnected (terminal: the client gave up) is logged at Warning, the rest at
        /// Information; <c>LogLevel</c> is in scope because the fix imports <c>Microsoft.Extensions.Logging</c> for <c>Log</c>.
        /// </summary>
        public string HandlerText(bool asLocalFunction)
        {
            var modifiers = asLocalFunction ? string.Empty : IsStatic ? "private static " : "private ";
            var log = Logger is null
                ? "global::System.Console.Error.WriteLine($\"IoT Hub connection status changed to {status} ({reason})\");"
                : Logger + ".Log(\n"
                    + "        status == " + StatusType + ".Disconnected ? LogLevel.Warning : LogLevel.Information,\n"
                    + "        \"IoT Hub connection status changed to {Status} ({Reason})\",\n"
                    + "        status,\n"
                    + "        reason);";
            return modifiers + "void " + Name + "(" + Sdk + "ConnectionStatus status, " + Sdk + "ConnectionStatusChangeReason reason)\n"
                + "{\n"
                + string.Concat(s_terminalComment.Select(line => "    " + line + "\n"))
                + "    " + log + "\n"
                + "}\n";
        }

        private static string? Describe(ISymbol? logger) => logger?.Name;

        private static bool IsStaticContext(ISymbol? symbol)
        {
            for (var current = symbol; current is not null; current = current.ContainingSymbol)
            {
                if (current is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction })
                {
                    if (current.IsStatic)
                    {
                        return true; // a static lambda or local function cannot reach instance members.
                    }

                    continue;
                }

                return current.IsStatic;
            }

            return false;
        }

        private static ITypeSymbol? TypeOf(ISymbol symbol) => symbol switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        };

        private static bool IsLogger(ITypeSymbol? type, INamedTypeSymbol loggerType)
            => type is not null
            && (SymbolEqualityComparer.Default.Equals(type, loggerType) || type.AllInterfaces.Contains(loggerType, SymbolEqualityComparer.Default));

        private static bool IsReadable(ISymbol symbol)
            => symbol is not IPropertySymbol property || property.GetMethod is not null;

        private static bool IsMemberOf(ISymbol symbol, INamedTypeSymbol type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(symbol.ContainingType, current))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPrimaryConstructorParameter(ISymbol symbol, CancellationToken cancellationToken)
            => symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor }
            && constructor.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax);

        /// <summary>Prefer something called "logger"; then by name, for a stable choice.</summary>
        private static string Preference(ISymbol symbol)
            => (symbol.Name.IndexOf("logger", StringComparison.OrdinalIgnoreCase) >= 0 ? "0" : "1") + symbol.Name;

        private static bool IsReusableHandler(ISymbol symbol, HandlerHost host, bool staticContext)
            => symbol is IMethodSymbol { ReturnsVoid: true, Parameters.Length: 2 } method
            && method.Parameters[0].Type.Name == "ConnectionStatus"
            && method.Parameters[1].Type.Name == "ConnectionStatusChangeReason"
            && (host == HandlerHost.LocalFunction
                ? method.MethodKind == MethodKind.LocalFunction
                : method.MethodKind == MethodKind.Ordinary && (!staticContext || method.IsStatic));
    }
}
