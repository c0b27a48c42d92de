using System;
using System.Linq;
using System.Threading;
using IotHubGuard.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.CodeFixes;

/// <summary>What a token-producing call returns.</summary>
internal enum TokenCallKind
{
    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>Task&lt;string&gt;</c> (awaited, <c>.Result</c>, or <c>ConfigureAwait</c>'d at the use).</summary>
    Task,

    /// <summary><c>ValueTask&lt;string&gt;</c>.</summary>
    ValueTask,
}

/// <summary>
/// Where a SAS token came from, traced back through single-assignment locals, <c>await</c>, <c>ConfigureAwait</c>
/// and <c>.Result</c> within the method: the call that produced it (which a renewal can re-invoke) and, when the
/// token was built from a key, that key (so the SDK's key-based authentication can take over).
/// </summary>
internal sealed class TokenSource
{
    private const int MaxDepth = 8;

    private TokenSource(IInvocationOperation? call, TokenCallKind callKind, IOperation? key, IOperation? keyName)
    {
        Call = call;
        CallKind = callKind;
        Key = key;
        KeyName = keyName;
    }

    /// <summary>The call that produced the token, or null (a literal, a parameter, configuration…).</summary>
    public IInvocationOperation? Call { get; }

    public TokenCallKind CallKind { get; }

    /// <summary>The key the token was signed with, when the code shows it.</summary>
    public IOperation? Key { get; }

    /// <summary>The shared access policy name the token was signed for (a policy key, <c>skn</c>), when not null.</summary>
    public IOperation? KeyName { get; }

    public static TokenSource Trace(IOperation? token, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var unknown = new TokenSource(null, TokenCallKind.String, null, null);
        var awaited = false;
        var current = Strip(token);
        for (var depth = 0; depth < MaxDepth && current is not null; depth++)
        {
            switch (current)
            {
                case ILocalReferenceOperation:
                    current = Strip(SingleAssignment.GetSingleValue(current, cancellationToken));
                    continue;
                case IAwaitOperation awaitOperation:
                    awaited = true;
                    current = Strip(awaitOperation.Operation);
                    if (current is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } configured }
                        && TaskKind(configured.Type, symbols) is not null)
                    {
                        current = Strip(configured);
                    }

                    continue;
                case IPropertyReferenceOperation { Property.Name: "Result", Instance: { } task } when TaskKind(task.Type, symbols) == TokenCallKind.Task:
                    awaited = true;
                    current = Strip(task);
                    continue;
                case IInvocationOperation invocation:
                    return FromCall(invocation, awaited, symbols, cancellationToken) ?? unknown;
                default:
                    return unknown;
            }
        }

        return unknown;
    }

    /// <summary>A parameter that takes a device/module/policy key: <c>key</c>, <c>deviceKey</c>, <c>sharedAccessKey</c>, <c>primaryKey</c>…</summary>
    public static bool IsKeyParameterName(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower == "key"
            || new[] { "devicekey", "modulekey", "accesskey", "symmetrickey", "primarykey", "secondarykey", "signingkey", "saskey" }.Any(lower.EndsWith);
    }

    /// <summary>A parameter that takes a shared access policy name: <c>keyName</c>, <c>policyName</c>, <c>sharedAccessKeyName</c>…</summary>
    public static bool IsKeyNameParameterName(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower is "skn" or "policy" || lower.EndsWith("keyname", StringComparison.Ordinal) || lower.EndsWith("policyname", StringComparison.Ordinal);
    }

    private static TokenSource? FromCall(IInvocationOperation invocation, bool awaited, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var kind = awaited ? TaskKind(invocation.Type, symbols) : IsString(invocation.Type) ? TokenCallKind.String : (TokenCallKind?)null;
        if (kind is null)
        {
            return null;
        }

        // new SharedAccessSignatureBuilder { Key = key, … }.ToSignature(): the key is in the initializer (or set once on the local).
        if (invocation.TargetMethod.Name == "ToSignature"
            && invocation.Instance is { } instance
            && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, symbols.SharedAccessSignatureBuilder))
        {
            var (key, keyName) = BuilderKey(instance, symbols, cancellationToken);
            return new TokenSource(invocation, kind.Value, key, keyName);
        }

        IOperation? callKey = null;
        IOperation? callKeyName = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter || parameter.Type.SpecialType != SpecialType.System_String)
            {
                continue;
            }

            if (IsKeyParameterName(parameter.Name))
            {
                callKey ??= argument.Value;
            }
            else if (IsKeyNameParameterName(parameter.Name) && !IsNull(argument.Value))
            {
                callKeyName ??= argument.Value;
            }
        }

        return new TokenSource(invocation, kind.Value, callKey, callKeyName);
    }

    private static (IOperation? Key, IOperation? KeyName) BuilderKey(IOperation instance, KnownSymbols symbols, CancellationToken cancellationToken)
    {
        var builder = Strip(instance);
        ILocalSymbol? local = null;
        if (builder is ILocalReferenceOperation reference)
        {
            local = reference.Local;
            builder = Strip(SingleAssignment.GetSingleValue(reference, cancellationToken));
        }

        // Only the SDK's own builder: a subclass may sign differently (TPM, HSM), and then no key is in reach.
        if (builder is not IObjectCreationOperation creation || !SymbolEqualityComparer.Default.Equals(creation.Type, symbols.SharedAccessSignatureBuilder))
        {
            return (null, null);
        }

        IOperation? key = null;
        IOperation? keyName = null;
        var assignments = creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>();
        if (local is not null)
        {
            // builder.Key = key; after the declaration, in the same method.
            IOperation top = creation;
            while (top.Parent is not null)
            {
                top = top.Parent;
            }

            assignments = assignments.Concat(top.Descendants().OfType<ISimpleAssignmentOperation>()
                .Where(a => a.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation owner } && SymbolEqualityComparer.Default.Equals(owner.Local, local)));
        }

        foreach (var assignment in assignments)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
            {
                continue;
            }

            if (property.Name == "Key")
            {
                if (key is not null)
                {
                    return (null, null); // set twice: no single key.
                }

                key = assignment.Value;
            }
            else if (property.Name == "KeyName" && !IsNull(assignment.Value))
            {
                keyName = assignment.Value;
            }
        }

        return (key, keyName);
    }

    private static TokenCallKind? TaskKind(ITypeSymbol? type, KnownSymbols symbols)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true } named || named.TypeArguments.Length != 1 || !IsString(named.TypeArguments[0]))
        {
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.TaskOfT))
        {
            return TokenCallKind.Task;
        }

        return SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, symbols.ValueTaskOfT) ? TokenCallKind.ValueTask : null;
    }

    private static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    private static bool IsNull(IOperation operation)
        => ValueFolding.Unwrap(operation) is IDefaultValueOperation || operation.ConstantValue is { HasValue: true, Value: null };

    private static IOperation? Strip(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation switch
            {
                IConversionOperation conversion => conversion.Operand,
                IParenthesizedOperation parenthesized => parenthesized.Operand,
                _ => operation,
            };
        }

        return operation;
    }
}
