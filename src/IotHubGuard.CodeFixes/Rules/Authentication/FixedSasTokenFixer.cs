using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.CodeFixes;

/// <summary>
/// AZIOT101: replace a fixed SAS token with authentication that renews it.
/// <list type="bullet">
/// <item>Token signed from a key in the same method (<c>SharedAccessSignatureBuilder { Key = key }</c>, a helper with a
/// <c>key</c>/<c>deviceKey</c>… parameter): the SDK's key-based authentication, which mints and renews tokens itself.</item>
/// <item>Token produced by a call (<c>await tokens.GetSasAsync(id)</c>, <c>GetToken()</c>): a generated
/// <c>DeviceAuthenticationWithTokenRefresh</c> (or module) subclass whose <c>SafeCreateNewToken</c> makes the call again.</item>
/// <item>An interpolated <c>SharedAccessSignature={token}</c> connection string whose token is signed from a key in
/// reach: <c>SharedAccessKey={key}</c>.</item>
/// </list>
/// A literal token, or a token that comes from elsewhere, gets no fix: nothing in the code can renew it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FixedSasTokenFixer))]
[Shared]
public sealed class FixedSasTokenFixer : CodeFixProvider, IDocumentBatchFixer
{
    private static readonly Planner s_planner = new();

    /// <summary>The actions in the order they are offered: the key-based one, where a key is in reach, is the better fix.</summary>
    private static readonly string[] s_keys = { EquivalenceKeys.UseKeyBasedAuthentication, EquivalenceKeys.GenerateTokenRefresh };

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.FixedSasToken);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => BestFixAllProvider.Instance;

    Task<Document> IDocumentBatchFixer.FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? preferredKey, CancellationToken cancellationToken)
        => PlanBatch.FixAllAsync(s_planner, s_keys, document, diagnostics, preferredKey, cancellationToken);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var key in s_keys)
            {
                var plan = await s_planner.PlanAsync(context.Document, diagnostic, key, context.CancellationToken).ConfigureAwait(false);
                if (plan is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(plan.Title, ct => FixPlan.ApplyAsync(context.Document, new[] { plan }, ct), key),
                        diagnostic);
                }
            }
        }
    }

    private sealed class Planner : IFixPlanner
    {
        public async Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, string? equivalenceKey, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(FixedSasTokenAnalyzer.SiteKey, out var siteText)
                || !System.Enum.TryParse<FixedSasTokenSite>(siteText, out var site))
            {
                return null;
            }

            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argumentNode)
            {
                node = argumentNode.Expression;
            }

            if (site == FixedSasTokenSite.ConnectionString)
            {
                return equivalenceKey == EquivalenceKeys.UseKeyBasedAuthentication && model.GetOperation(node, cancellationToken) is IInvocationOperation create
                    ? PlanConnectionStringKey(model, create, cancellationToken)
                    : null;
            }

            var (arguments, target) = model.GetOperation(node, cancellationToken) switch
            {
                IObjectCreationOperation creation when node is BaseObjectCreationExpressionSyntax => (creation.Arguments, (IOperation)creation),
                IInvocationOperation invocation when node is InvocationExpressionSyntax => (invocation.Arguments, invocation),
                _ => (default, null),
            };
            if (target is null)
            {
                return null;
            }

            var deviceId = Argument(arguments, "deviceId");
            var moduleId = Argument(arguments, "moduleId");
            var token = Argument(arguments, "token");
            if (deviceId is null || token is null)
            {
                return null;
            }

            var symbols = KnownSymbols.Create(model.Compilation);
            var source = TokenSource.Trace(token.Value, symbols, cancellationToken);
            var call = new Site(document, model, symbols, target, deviceId, moduleId, token, site == FixedSasTokenSite.FactoryCall);
            return equivalenceKey switch
            {
                EquivalenceKeys.UseKeyBasedAuthentication => PlanKeyBased(call, source, cancellationToken),
                EquivalenceKeys.GenerateTokenRefresh => PlanTokenRefresh(call, source, cancellationToken),
                _ => null,
            };
        }

        private static FixPlan? PlanKeyBased(Site site, TokenSource source, CancellationToken cancellationToken)
        {
            var isModule = site.ModuleId is not null;
            var isPolicy = source.KeyName is not null;
            var position = site.Target.Syntax.SpanStart;
            if (source.Key is null
                || (isModule && isPolicy)
                || !GeneratedSyntax.CanReevaluateAt(source.Key, site.Model, position, cancellationToken)
                || (isPolicy && !GeneratedSyntax.CanReevaluateAt(source.KeyName, site.Model, position, cancellationToken))
                || GeneratedSyntax.ExpressionOf(source.Key) is not { } key
                || (!site.IsFactory && !site.KeepsCompilingWithAnotherType(cancellationToken)))
            {
                return null;
            }

            var keyName = isPolicy ? GeneratedSyntax.ExpressionOf(source.KeyName!) : null;
            var values = new List<ExpressionSyntax> { (ExpressionSyntax)site.DeviceId.Value.Syntax };
            if (isModule)
            {
                values.Add((ExpressionSyntax)site.ModuleId!.Value.Syntax);
            }

            if (keyName is not null)
            {
                values.Add(keyName);
            }

            values.Add(key);

            var generator = SyntaxGenerator.GetGenerator(site.Document);
            var targetSyntax = (ExpressionSyntax)site.Target.Syntax;
            string title;
            SyntaxNode replacement;
            if (site.IsFactory && targetSyntax is InvocationExpressionSyntax invocation)
            {
                var method = isPolicy ? "CreateAuthenticationWithSharedAccessPolicyKey" : "CreateAuthenticationWithRegistrySymmetricKey";
                var renamed = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => (ExpressionSyntax)access.WithName(SyntaxFactory.IdentifierName(method).WithTriviaFrom(access.Name)),
                    IdentifierNameSyntax name => SyntaxFactory.IdentifierName(method).WithTriviaFrom(name),
                    _ => null,
                };
                if (renamed is null)
                {
                    return null;
                }

                replacement = invocation.WithExpression(renamed).WithArgumentList(WithValues(invocation.ArgumentList, values));
                title = $"Use AuthenticationMethodFactory.{method} with '{key}' (the SDK renews the token)";
            }
            else if (targetSyntax is BaseObjectCreationExpressionSyntax { ArgumentList: { } argumentList } creation)
            {
                var type = isPolicy ? site.Symbols.DeviceAuthenticationWithSharedAccessPolicyKey
                    : isModule ? site.Symbols.ModuleAuthenticationWithRegistrySymmetricKey
                    : site.Symbols.DeviceAuthenticationWithRegistrySymmetricKey;
                if (type is null)
                {
                    return null;
                }

                replacement = SyntaxFactory.ObjectCreationExpression(GeneratedSyntax.TypeSyntaxFor(generator, type))
                    .WithArgumentList(WithValues(argumentList, values))
                    .WithTriviaFrom(creation);
                title = $"Use {type.Name} with '{key}' (the SDK renews the token)";
            }
            else
            {
                return null;
            }

            return new FixPlan(title, targetSyntax, _ => replacement);
        }

        /// <summary>
        /// <c>$"…;SharedAccessSignature={token}"</c> where the token is signed from a key in reach becomes
        /// <c>$"…;SharedAccessKey={key}"</c> (with <c>SharedAccessKeyName=</c> for a policy key): the SDK then signs and renews.
        /// Only interpolated strings, passed directly or through a local assigned once in the same method.
        /// </summary>
        private static FixPlan? PlanConnectionStringKey(SemanticModel model, IInvocationOperation create, CancellationToken cancellationToken)
        {
            var argument = create.Arguments.FirstOrDefault(a => a.Parameter?.Name == "connectionString");
            var value = argument is null ? null : ValueFolding.Unwrap(argument.Value);
            if (value is ILocalReferenceOperation)
            {
                value = SingleAssignment.GetSingleValue(value, cancellationToken) is { } single ? ValueFolding.Unwrap(single) : null;
            }

            if (value is not IInterpolatedStringOperation interpolated || interpolated.Syntax is not InterpolatedStringExpressionSyntax syntax)
            {
                return null;
            }

            var symbols = KnownSymbols.Create(model.Compilation);
            var contents = syntax.Contents;
            for (var i = 0; i + 1 < contents.Count; i++)
            {
                if (contents[i] is not InterpolatedStringTextSyntax text
                    || contents[i + 1] is not InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole
                    || (i + 2 < contents.Count && !(contents[i + 2] is InterpolatedStringTextSyntax next && next.TextToken.ValueText.StartsWith(";", System.StringComparison.Ordinal)))
                    || !EndsWithSignatureKey(text.TextToken.ValueText, isFirst: i == 0))
                {
                    continue;
                }

                var source = TokenSource.Trace(model.GetOperation(hole.Expression, cancellationToken), symbols, cancellationToken);
                var position = hole.SpanStart;
                if (source.Key is null
                    || !GeneratedSyntax.CanReevaluateAt(source.Key, model, position, cancellationToken)
                    || (source.KeyName is not null && !GeneratedSyntax.CanReevaluateAt(source.KeyName, model, position, cancellationToken))
                    || GeneratedSyntax.ExpressionOf(source.Key) is not { } key)
                {
                    return null;
                }

                var keyName = source.KeyName is null ? null : GeneratedSyntax.ExpressionOf(source.KeyName);
                if (keyName is not null && HasKnownKey(interpolated, "SharedAccessKeyName", cancellationToken))
                {
                    return null; // would duplicate a key: the SDK rejects duplicate keys.
                }

                var cut = ConnectionStringShape.SharedAccessSignatureKey.Length + 1;
                var prefix = text.TextToken.Text.Substring(0, text.TextToken.Text.Length - cut);
                var prefixValue = text.TextToken.ValueText.Substring(0, text.TextToken.ValueText.Length - cut);
                var parts = new List<InterpolatedStringContentSyntax>();
                if (keyName is LiteralExpressionSyntax { Token.ValueText: var literal } && IsPlainKeyName(literal))
                {
                    // A policy name like "device" reads better inline than as {"device"}.
                    var inline = "SharedAccessKeyName=" + literal + ";SharedAccessKey=";
                    parts.Add(Text(prefix + inline, prefixValue + inline));
                }
                else if (keyName is not null)
                {
                    parts.Add(Text(prefix + "SharedAccessKeyName=", prefixValue + "SharedAccessKeyName="));
                    parts.Add(SyntaxFactory.Interpolation(keyName));
                    parts.Add(Text(";SharedAccessKey=", ";SharedAccessKey="));
                }
                else
                {
                    parts.Add(Text(prefix + "SharedAccessKey=", prefixValue + "SharedAccessKey="));
                }

                parts.Add(hole.WithExpression(key));
                var replacement = syntax.WithContents(SyntaxFactory.List(contents.Take(i).Concat(parts).Concat(contents.Skip(i + 2))));
                return new FixPlan($"Use SharedAccessKey={{{key}}} in the connection string (the SDK renews the token)", syntax, _ => replacement);
            }

            return null;

            static InterpolatedStringTextSyntax Text(string text, string valueText)
                => SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, text, valueText, default));
        }

        /// <summary>The SDK's key-name characters (<c>[A-Za-z0-9_\-@.]</c>): safe as text in any string form.</summary>
        private static bool IsPlainKeyName(string name)
            => name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) && c < 128 || c is '_' or '-' or '@' or '.');

        private static bool HasKnownKey(IOperation connectionString, string key, CancellationToken cancellationToken)
            => StringShape.TryGet(connectionString, cancellationToken, out var shape)
            && ConnectionStringShape.KnownKeys(shape.Text).Any(k => string.Equals(k.Key, key, System.StringComparison.OrdinalIgnoreCase));

        /// <summary>Text that ends with the key <c>SharedAccessSignature=</c> (any case) after a <c>;</c> or at the start of the string.</summary>
        private static bool EndsWithSignatureKey(string text, bool isFirst)
        {
            var key = ConnectionStringShape.SharedAccessSignatureKey + "=";
            if (!text.EndsWith(key, System.StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var start = text.Length - key.Length;
            return start > 0 ? text[start - 1] == ';' : isFirst;
        }

        private static FixPlan? PlanTokenRefresh(Site site, TokenSource source, CancellationToken cancellationToken)
        {
            var isModule = site.ModuleId is not null;
            var baseType = isModule ? site.Symbols.ModuleAuthenticationWithTokenRefresh : site.Symbols.DeviceAuthenticationWithTokenRefresh;
            var targetSyntax = site.Target.Syntax;
            var container = GeneratedClass.ContainerFor(targetSyntax);
            if (source.Call is not { } call
                || baseType is null
                || site.Symbols.TaskOfT is null
                || site.Symbols.Task is null
                || container is null
                || !site.KeepsCompilingWithAnotherType(cancellationToken))
            {
                return null;
            }

            // The identity the auth object already holds is read from it (DeviceId/ModuleId), not captured again.
            var inherited = new Dictionary<ISymbol, ExpressionSyntax>(SymbolEqualityComparer.Default);
            AddInherited(inherited, site.DeviceId, "DeviceId");
            if (site.ModuleId is not null)
            {
                AddInherited(inherited, site.ModuleId, "ModuleId");
            }

            var generator = SyntaxGenerator.GetGenerator(site.Document);
            var lifted = CallLifter.TryLift(
                call,
                site.Model,
                generator,
                targetSyntax.Span,
                inherited,
                new HashSet<string> { "deviceId", "moduleId", "iotHub", "suggestedTimeToLive" },
                cancellationToken);
            if (lifted is null)
            {
                return null;
            }

            var eol = FixPlan.EndOfLine(targetSyntax);
            var access = GeneratedClass.AccessibilityFor(container);
            var stringTask = site.Symbols.TaskOfT.Construct(site.Model.Compilation.GetSpecialType(SpecialType.System_String));
            var body = source.CallKind switch
            {
                TokenCallKind.Task => lifted.Expression,
                TokenCallKind.ValueTask => SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, lifted.Expression, SyntaxFactory.IdentifierName("AsTask"))),
                _ => SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        GeneratedSyntax.TypeSyntaxFor(generator, site.Symbols.Task),
                        SyntaxFactory.IdentifierName("FromResult")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lifted.Expression)))),
            };

            var generated = new GeneratedClass(
                container,
                GeneratedClassNames.For(call, site.Model.GetEnclosingSymbol(call.Syntax.SpanStart, cancellationToken)?.ContainingType, "TokenRefresh"),
                name => BuildRefreshClass(name, access, isModule, lifted, eol, new Dictionary<string, SyntaxNode>
                {
                    ["__Base__"] = GeneratedSyntax.TypeSyntaxFor(generator, baseType),
                    ["__Task__"] = GeneratedSyntax.TypeSyntaxFor(generator, stringTask),
                    ["__Body__"] = body,
                },
                generator));

            var identity = new List<ExpressionSyntax> { (ExpressionSyntax)site.DeviceId.Value.Syntax };
            if (site.ModuleId is not null)
            {
                identity.Add((ExpressionSyntax)site.ModuleId.Value.Syntax);
            }

            return new FixPlan(
                $"Renew the token: generate a {baseType.Name} that calls {lifted.MethodName} again",
                targetSyntax,
                name => SyntaxFactory.ObjectCreationExpression(SyntaxFactory.IdentifierName(name!))
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(
                        identity.Select(v => SyntaxFactory.Argument(v.WithoutTrivia()))
                            .Concat(lifted.Captures.Select(c => SyntaxFactory.Argument(c.Argument))))))
                    .WithTriviaFrom(targetSyntax),
                generated);
        }

        private static MemberDeclarationSyntax BuildRefreshClass(
            string name, string access, bool isModule, LiftedCall lifted, string eol, Dictionary<string, SyntaxNode> placeholders, SyntaxGenerator generator)
        {
            var text = new StringBuilder();
            text.Append("/// <summary>The device SDK calls this before each SAS token expires, so the connection never outlives its token (IotHubGuard AZIOT101).</summary>").Append(eol);
            text.Append(access).Append(" sealed class ").Append(name).Append(" : __Base__").Append(eol).Append('{').Append(eol);
            for (var i = 0; i < lifted.Captures.Length; i++)
            {
                text.Append("    private readonly __T").Append(i).Append("__ ").Append(lifted.Captures[i].FieldName).Append(';').Append(eol);
                placeholders["__T" + i + "__"] = GeneratedSyntax.TypeSyntaxFor(generator, lifted.Captures[i].Type);
            }

            if (lifted.Captures.Length > 0)
            {
                text.Append(eol);
            }

            text.Append("    public ").Append(name).Append("(string deviceId").Append(isModule ? ", string moduleId" : string.Empty);
            for (var i = 0; i < lifted.Captures.Length; i++)
            {
                text.Append(", __T").Append(i).Append("__ ").Append(lifted.Captures[i].Name);
            }

            text.Append(')').Append(eol);
            text.Append("        : base(deviceId").Append(isModule ? ", moduleId" : string.Empty).Append(')').Append(eol);
            text.Append("    {").Append(eol);
            foreach (var capture in lifted.Captures)
            {
                text.Append("        ").Append(capture.FieldName).Append(" = ").Append(capture.Name).Append(';').Append(eol);
            }

            text.Append("    }").Append(eol).Append(eol);
            text.Append("    protected override __Task__ SafeCreateNewToken(string iotHub, int suggestedTimeToLive)").Append(eol);
            text.Append("    {").Append(eol);
            text.Append("        return __Body__;").Append(eol);
            text.Append("    }").Append(eol);
            text.Append('}').Append(eol);
            return GeneratedSyntax.ParseMember(text.ToString(), placeholders);
        }

        private static void AddInherited(Dictionary<ISymbol, ExpressionSyntax> inherited, IArgumentOperation argument, string property)
        {
            var value = ValueFolding.Unwrap(argument.Value);
            ISymbol? symbol = value switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (symbol is not null)
            {
                inherited[symbol] = SyntaxFactory.IdentifierName(property);
            }
        }

        /// <summary>The argument list with its arguments' values replaced in order (names dropped), extra values appended.</summary>
        private static ArgumentListSyntax WithValues(ArgumentListSyntax list, IReadOnlyList<ExpressionSyntax> values)
        {
            var arguments = list.Arguments;
            var result = new List<ArgumentSyntax>();
            for (var i = 0; i < values.Count; i++)
            {
                if (i < arguments.Count)
                {
                    var original = arguments[i];
                    result.Add(original.WithNameColon(null).WithExpression(values[i].WithTriviaFrom(original.Expression)).WithLeadingTrivia(original.GetLeadingTrivia()));
                }
                else
                {
                    result.Add(SyntaxFactory.Argument(values[i].WithoutTrivia()));
                }
            }

            if (result.Count == arguments.Count)
            {
                var separators = arguments.GetSeparators();
                return list.WithArguments(SyntaxFactory.SeparatedList(result, separators));
            }

            return list.WithArguments(SyntaxFactory.SeparatedList(result));
        }

        private static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string parameter)
            => arguments.FirstOrDefault(a => a.Parameter?.Name == parameter);
    }

    /// <summary>The reported <c>new …WithToken(…)</c> or factory call and what the fix needs to know about it.</summary>
    private sealed class Site
    {
        public Site(Document document, SemanticModel model, KnownSymbols symbols, IOperation target, IArgumentOperation deviceId, IArgumentOperation? moduleId, IArgumentOperation token, bool isFactory)
        {
            Document = document;
            Model = model;
            Symbols = symbols;
            Target = target;
            DeviceId = deviceId;
            ModuleId = moduleId;
            Token = token;
            IsFactory = isFactory;
        }

        public Document Document { get; }

        public SemanticModel Model { get; }

        public KnownSymbols Symbols { get; }

        public IOperation Target { get; }

        public IArgumentOperation DeviceId { get; }

        public IArgumentOperation? ModuleId { get; }

        public IArgumentOperation Token { get; }

        public bool IsFactory { get; }

        /// <summary>
        /// The replacement has another static type than the original (a key-based class, the generated class). That is
        /// fine where the value is used as an <c>IAuthenticationMethod</c> (an argument of <c>DeviceClient.Create</c>, an
        /// <c>IAuthenticationMethod</c> variable) and for a <c>var</c> local that is only used that way (or read for
        /// <c>DeviceId</c>/<c>ModuleId</c>) and never reassigned; not where the code needs the <c>…WithToken</c> type.
        /// </summary>
        public bool KeepsCompilingWithAnotherType(CancellationToken cancellationToken)
        {
            var parent = Target.Parent;
            if (parent is IConversionOperation { IsImplicit: true } conversion)
            {
                return IsAuthenticationMethodOrObject(conversion.Type);
            }

            if (parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } declarator })
            {
                if (declarator.Syntax is not VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } })
                {
                    return IsAuthenticationMethodOrObject(local.Type);
                }

                // A factory result is already an IAuthenticationMethod: only a reassignment can break.
                return OnlyUsedAsAuthenticationMethod(local, writesOnly: IsAuthenticationMethodOrObject(Target.Type), cancellationToken);
            }

            return IsAuthenticationMethodOrObject(Target.Type) && parent is IArgumentOperation or IReturnOperation;
        }

        private bool OnlyUsedAsAuthenticationMethod(ILocalSymbol local, bool writesOnly, CancellationToken cancellationToken)
        {
            var root = Target;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            foreach (var reference in root.Descendants().OfType<ILocalReferenceOperation>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    continue;
                }

                var isWritten = reference.Parent is IAssignmentOperation write && write.Target == reference
                    || reference.Parent is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out };
                if (isWritten)
                {
                    return false;
                }

                var ok = writesOnly || reference.Parent switch
                {
                    IConversionOperation { IsImplicit: true } conversion => IsAuthenticationMethodOrObject(conversion.Type),
                    IPropertyReferenceOperation { Property.Name: "DeviceId" or "ModuleId" } property
                        => property.Parent is not ISimpleAssignmentOperation assignment || assignment.Target != property,
                    IArgumentOperation { Parameter: { RefKind: RefKind.None } parameter } => IsAuthenticationMethodOrObject(parameter.Type),
                    _ => false,
                };
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsAuthenticationMethodOrObject(ITypeSymbol? type)
            => type is not null
            && (type.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(type, Symbols.IAuthenticationMethod));
    }
}
