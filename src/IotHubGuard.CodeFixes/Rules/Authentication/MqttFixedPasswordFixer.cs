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
/// AZIOT103: replace a fixed MQTT password with an <c>IMqttClientCredentialsProvider</c>, which MQTTnet asks for the
/// password on every CONNECT.
/// <list type="bullet">
/// <item>The project references IotHubGuard.Runtime.Mqtt and the token is signed from a key in reach, with host and
/// device in the user name: <c>IotHubSasCredentialsProvider.FromConnectionString($"HostName=…;DeviceId=…;SharedAccessKey=…")</c>.</item>
/// <item>Otherwise, the token comes from a synchronous call: a generated provider class whose <c>GetPassword</c> makes
/// that call again, nested in the same type (or after the top-level statements).</item>
/// </list>
/// A literal password, an asynchronous token call or state the call cannot carry gets no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MqttFixedPasswordFixer))]
[Shared]
public sealed class MqttFixedPasswordFixer : CodeFixProvider, IDocumentBatchFixer
{
    private static readonly Planner s_planner = new();

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIds.MqttFixedPassword);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => BestFixAllProvider.Instance;

    Task<Document> IDocumentBatchFixer.FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? preferredKey, CancellationToken cancellationToken)
        => PlanBatch.FixAllAsync(s_planner, new[] { EquivalenceKeys.UseCredentialsProvider }, document, diagnostics, preferredKey, cancellationToken);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = await s_planner.PlanAsync(context.Document, diagnostic, EquivalenceKeys.UseCredentialsProvider, context.CancellationToken).ConfigureAwait(false);
            if (plan is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, ct => FixPlan.ApplyAsync(context.Document, new[] { plan }, ct), EquivalenceKeys.UseCredentialsProvider),
                    diagnostic);
            }
        }
    }

    private sealed class Planner : IFixPlanner
    {
        public async Task<FixPlan?> PlanAsync(Document document, Diagnostic diagnostic, string? equivalenceKey, CancellationToken cancellationToken)
        {
            // Enhanced-authentication data is not a password: a credentials provider does not replace it.
            if (equivalenceKey != EquivalenceKeys.UseCredentialsProvider
                || diagnostic.Properties.ContainsKey(MqttFixedPasswordAnalyzer.EnhancedAuthenticationKey))
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

            // WithCredentials(user, password): the argument list is replaced; new MqttClientCredentials(…): the whole creation.
            var (arguments, target) = model.GetOperation(node, cancellationToken) switch
            {
                IInvocationOperation { Syntax: InvocationExpressionSyntax call } invocation => (invocation.Arguments, (SyntaxNode)call.ArgumentList),
                IObjectCreationOperation { Syntax: BaseObjectCreationExpressionSyntax creation } created => (created.Arguments, creation),
                _ => (default, null),
            };
            var userName = arguments.IsDefault ? null : arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
            var password = arguments.IsDefault ? null : arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1);
            if (target is null || userName is null || password is null || userName.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return null;
            }

            var symbols = KnownSymbols.Create(model.Compilation);
            var (token, passwordCall) = TokenOf(password.Value, symbols, cancellationToken);
            var source = token is null ? null : TokenSource.Trace(token, symbols, cancellationToken);
            var generator = SyntaxGenerator.GetGenerator(document);

            var provider = PlanRuntimeProvider(model, generator, symbols, source, userName.Value, target.SpanStart, cancellationToken)
                ?? PlanGeneratedProvider(model, generator, symbols, source, passwordCall, userName.Value, target, cancellationToken);
            if (provider is null)
            {
                return null;
            }

            var (title, expression, generated) = provider.Value;
            return new FixPlan(
                title,
                target,
                name =>
                {
                    var value = expression(name);
                    return target is ArgumentListSyntax list
                        ? list.WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value)))
                        : value.WithTriviaFrom(target);
                },
                generated);
        }

        /// <summary>The runtime package's provider, minting tokens from the key, when the project references it.</summary>
        private static (string, System.Func<string?, ExpressionSyntax>, GeneratedClass?)? PlanRuntimeProvider(
            SemanticModel model, SyntaxGenerator generator, KnownSymbols symbols, TokenSource? source, IOperation userName, int position, CancellationToken cancellationToken)
        {
            var providerType = symbols.IotHubSasCredentialsProvider;
            if (providerType is null
                || source?.Key is null
                || !providerType.Implements(symbols.IMqttClientCredentialsProvider)
                || !providerType.GetMembers("FromConnectionString").OfType<IMethodSymbol>().Any(m =>
                    m is { IsStatic: true, DeclaredAccessibility: Accessibility.Public, Parameters.Length: > 0 }
                    && m.Parameters[0].Type.SpecialType == SpecialType.System_String
                    && m.Parameters.Skip(1).All(p => p.IsOptional)
                    && SymbolEqualityComparer.Default.Equals(m.ReturnType, providerType))
                || !GeneratedSyntax.CanReevaluateAt(source.Key, model, position, cancellationToken)
                || (source.KeyName is not null && !GeneratedSyntax.CanReevaluateAt(source.KeyName, model, position, cancellationToken))
                || !HubIdentity.TryParse(userName, model, position, cancellationToken, out var identity))
            {
                return null;
            }

            var connectionString = new StringBuilder("$\"HostName=").Append(identity.Host).Append(";DeviceId=").Append(identity.Device);
            if (identity.Module is not null)
            {
                connectionString.Append(";ModuleId=").Append(identity.Module);
            }

            if (source.KeyName is not null)
            {
                connectionString.Append(";SharedAccessKeyName=").Append(HubIdentity.Hole(source.KeyName));
            }

            connectionString.Append(";SharedAccessKey=").Append(HubIdentity.Hole(source.Key)).Append('"');
            var argument = SyntaxFactory.ParseExpression(connectionString.ToString());
            return (
                $"Use {providerType.Name}: a fresh SAS token from the key on every CONNECT",
                _ => SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        GeneratedSyntax.TypeSyntaxFor(generator, providerType),
                        SyntaxFactory.IdentifierName("FromConnectionString")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument)))),
                null);
        }

        /// <summary>A generated provider that makes the token call again in <c>GetPassword</c>.</summary>
        private static (string, System.Func<string?, ExpressionSyntax>, GeneratedClass?)? PlanGeneratedProvider(
            SemanticModel model,
            SyntaxGenerator generator,
            KnownSymbols symbols,
            TokenSource? source,
            IInvocationOperation? passwordCall,
            IOperation userName,
            SyntaxNode target,
            CancellationToken cancellationToken)
        {
            // A byte[] password straight from a call, or a string token from a synchronous call.
            var call = passwordCall ?? (source is { Call: { } tokenCall, CallKind: TokenCallKind.String } ? tokenCall : null);
            var container = GeneratedClass.ContainerFor(target);
            if (call is null
                || container is null
                || symbols.IMqttClientCredentialsProvider is not { } providerInterface
                || symbols.MqttClientOptions is not { } options
                || symbols.Encoding is not { } encoding
                || GeneratedSyntax.ExpressionOf(userName) is not { } userNameSyntax)
            {
                return null;
            }

            var lifted = CallLifter.TryLift(
                call,
                model,
                generator,
                target.Span,
                new Dictionary<ISymbol, ExpressionSyntax>(SymbolEqualityComparer.Default),
                new HashSet<string> { "userName", "clientOptions" },
                cancellationToken);
            if (lifted is null)
            {
                return null;
            }

            SyntaxNode body = passwordCall is not null
                ? lifted.Expression
                : SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, GeneratedSyntax.TypeSyntaxFor(generator, encoding), SyntaxFactory.IdentifierName("UTF8")),
                        SyntaxFactory.IdentifierName("GetBytes")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lifted.Expression))));
            var eol = FixPlan.EndOfLine(target);
            var access = GeneratedClass.AccessibilityFor(container);
            var hasRenewal = model.Compilation.GetTypeByMetadataName("IotHubGuard.Runtime.Mqtt.IotHubMqttTokenRenewal") is not null;
            var generated = new GeneratedClass(
                container,
                GeneratedClassNames.For(call, model.GetEnclosingSymbol(call.Syntax.SpanStart, cancellationToken)?.ContainingType, "CredentialsProvider"),
                name => BuildProviderClass(name, access, lifted, eol, hasRenewal, generator, new Dictionary<string, SyntaxNode>
                {
                    ["__Provider__"] = GeneratedSyntax.TypeSyntaxFor(generator, providerInterface),
                    ["__Options__"] = GeneratedSyntax.TypeSyntaxFor(generator, options),
                    ["__Body__"] = body,
                }));

            return (
                $"Generate an IMqttClientCredentialsProvider that calls {lifted.MethodName} on every CONNECT",
                name => SyntaxFactory.ObjectCreationExpression(SyntaxFactory.IdentifierName(name!))
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(
                        new[] { SyntaxFactory.Argument(userNameSyntax) }.Concat(lifted.Captures.Select(c => SyntaxFactory.Argument(c.Argument)))))),
                generated);
        }

        private static MemberDeclarationSyntax BuildProviderClass(
            string name, string access, LiftedCall lifted, string eol, bool hasRenewal, SyntaxGenerator generator, Dictionary<string, SyntaxNode> placeholders)
        {
            var text = new StringBuilder();
            // MQTT 3.1.1 has no AUTH packet: a provider only helps at the next CONNECT, so the user must know to reconnect.
            text.Append("/// <summary>").Append(eol)
                .Append("/// Gives IoT Hub a fresh SAS token on every CONNECT (IotHubGuard AZIOT103). MQTT 3.1.1 cannot re-authenticate").Append(eol)
                .Append(hasRenewal
                    ? "/// in place: reconnect before the token expires, e.g. with <see cref=\"IotHubGuard.Runtime.Mqtt.IotHubMqttTokenRenewal\"/>."
                    : "/// in place: reconnect before the token expires, or IoT Hub closes the connection.").Append(eol)
                .Append("/// </summary>").Append(eol);
            text.Append(access).Append(" sealed class ").Append(name).Append(" : __Provider__").Append(eol).Append('{').Append(eol);
            text.Append("    private readonly string _userName;").Append(eol);
            for (var i = 0; i < lifted.Captures.Length; i++)
            {
                text.Append("    private readonly __T").Append(i).Append("__ ").Append(lifted.Captures[i].FieldName).Append(';').Append(eol);
                placeholders["__T" + i + "__"] = GeneratedSyntax.TypeSyntaxFor(generator, lifted.Captures[i].Type);
            }

            text.Append(eol).Append("    public ").Append(name).Append("(string userName");
            for (var i = 0; i < lifted.Captures.Length; i++)
            {
                text.Append(", __T").Append(i).Append("__ ").Append(lifted.Captures[i].Name);
            }

            text.Append(')').Append(eol).Append("    {").Append(eol);
            text.Append("        _userName = userName;").Append(eol);
            foreach (var capture in lifted.Captures)
            {
                text.Append("        ").Append(capture.FieldName).Append(" = ").Append(capture.Name).Append(';').Append(eol);
            }

            text.Append("    }").Append(eol).Append(eol);
            text.Append("    public string GetUserName(__Options__ clientOptions)").Append(eol);
            text.Append("    {").Append(eol).Append("        return _userName;").Append(eol).Append("    }").Append(eol).Append(eol);
            text.Append("    public byte[] GetPassword(__Options__ clientOptions)").Append(eol);
            text.Append("    {").Append(eol).Append("        return __Body__;").Append(eol).Append("    }").Append(eol);
            text.Append('}').Append(eol);
            return GeneratedSyntax.ParseMember(text.ToString(), placeholders);
        }

        /// <summary>
        /// The string token behind a password: <c>sas</c>, <c>Encoding.UTF8.GetBytes(sas)</c>, through single-assignment
        /// locals. A <c>byte[]</c> that comes straight from another call is returned as the password call.
        /// </summary>
        private static (IOperation? Token, IInvocationOperation? PasswordCall) TokenOf(IOperation password, KnownSymbols symbols, CancellationToken cancellationToken)
        {
            var current = ValueFolding.Unwrap(password);
            for (var depth = 0; depth < 8; depth++)
            {
                if (current is ILocalReferenceOperation && SingleAssignment.GetSingleValue(current, cancellationToken) is { } value)
                {
                    current = ValueFolding.Unwrap(value);
                    continue;
                }

                if (current is IInvocationOperation { TargetMethod.Name: "GetBytes", Arguments.Length: 1 } getBytes
                    && getBytes.TargetMethod.ContainingType.InheritsFromOrEquals(symbols.Encoding)
                    && getBytes.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String)
                {
                    return (getBytes.Arguments[0].Value, null);
                }

                break;
            }

            if (current.Type?.SpecialType == SpecialType.System_String)
            {
                return (current, null);
            }

            return (null, current is IInvocationOperation { Type: IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } } bytes ? bytes : null);
        }
    }
}
