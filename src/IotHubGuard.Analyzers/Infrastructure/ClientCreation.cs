using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>How a client came to be, where the lifetime rules and AZIOT502 ask it.</summary>
internal enum ClientOrigin
{
    /// <summary>Not a client creation the rules know.</summary>
    None,

    /// <summary><c>DeviceClient.Create*</c> / <c>ModuleClient.Create*</c> (awaited or not), or a factory of the compilation that returns one.</summary>
    DeviceSdk,

    /// <summary>An MQTTnet <c>CreateMqttClient()</c>, or a factory of the compilation that returns one.</summary>
    Mqtt,
}

/// <summary>
/// The one place that says what creates a client (<c>Create*</c>, <c>CreateMqttClient</c>, factories of the
/// compilation) and whether it keeps a connection: an HTTP client (<c>TransportType.Http1</c>, or transport settings
/// that are only <c>Http1TransportSettings</c>) opens none, so AZIOT201/202/203/205/206 and AZIOT502 leave it alone.
/// One instance per compilation; it caches what it learns about factory methods.
/// </summary>
internal sealed class ClientCreation
{
    private const int MaxDepth = 3;

    private readonly KnownSymbols _symbols;
    private readonly ConcurrentDictionary<IMethodSymbol, (ClientOrigin Origin, bool IsHttp1)> _factories = new(SymbolEqualityComparer.Default);

    public ClientCreation(KnownSymbols symbols) => _symbols = symbols;

    /// <summary>The value a creation produces, seen through <c>await</c>, conversions and parentheses.</summary>
    public static IOperation Unwrap(IOperation value)
    {
        for (var i = 0; i < 8; i++)
        {
            switch (value)
            {
                case IAwaitOperation awaited:
                    value = awaited.Operation;
                    continue;
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                    value = instance;
                    continue;
            }

            break;
        }

        return value;
    }

    /// <summary>
    /// Whether <paramref name="invocation"/> creates a new client: an SDK <c>Create*</c> factory, MQTTnet's
    /// <c>CreateMqttClient()</c>, or a method of the compilation whose every <c>return</c> gives a newly created client.
    /// </summary>
    public ClientOrigin OriginOf(IInvocationOperation invocation, CancellationToken cancellationToken)
        => Describe(invocation, 0, cancellationToken).Origin;

    /// <summary>Whether the client <paramref name="value"/> creates is an HTTP client (no connection to keep or close).</summary>
    public bool IsHttp1(IOperation value, CancellationToken cancellationToken)
        => Unwrap(value) is IInvocationOperation invocation && Describe(invocation, 0, cancellationToken).IsHttp1;

    /// <summary>A local initialised with an HTTP client (<c>using var client = DeviceClient.Create…(cs, TransportType.Http1)</c>).</summary>
    public bool IsHttp1Local(ILocalSymbol local, SemanticModel? model, CancellationToken cancellationToken)
        => model is not null
        && local.DeclaringSyntaxReferences.Length == 1
        && local.DeclaringSyntaxReferences[0].SyntaxTree == model.SyntaxTree
        && model.GetOperation(local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), cancellationToken) is IVariableDeclaratorOperation declarator
        && declarator.GetVariableInitializer()?.Value is { } value
        && IsHttp1(value, cancellationToken);

    private (ClientOrigin Origin, bool IsHttp1) Describe(IInvocationOperation invocation, int depth, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        if (IsSdkFactory(method))
        {
            return (ClientOrigin.DeviceSdk, IsHttp1Creation(invocation, cancellationToken));
        }

        if (method.Name == "CreateMqttClient" && _symbols.IsMqttClient(method.ReturnType))
        {
            return (ClientOrigin.Mqtt, false);
        }

        if (depth >= MaxDepth || method.DeclaringSyntaxReferences.IsEmpty || !ReturnsClient(method))
        {
            return (ClientOrigin.None, false);
        }

        return _factories.GetOrAdd(method.OriginalDefinition, m => DescribeFactory(m, invocation.SemanticModel, depth, cancellationToken));
    }

    private bool IsSdkFactory(IMethodSymbol method)
        => method.IsStatic
        && method.Name.StartsWith("Create", StringComparison.Ordinal)
        && _symbols.IsDeviceOrModuleClient(method.ContainingType)
        && _symbols.IsDeviceOrModuleClient(TaskResult(method.ReturnType));

    private bool ReturnsClient(IMethodSymbol method)
    {
        var type = TaskResult(method.ReturnType);
        return _symbols.IsDeviceOrModuleClient(type) || _symbols.IsMqttClient(type);
    }

    private ITypeSymbol? TaskResult(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
           && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _symbols.TaskOfT)
               || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _symbols.ValueTaskOfT))
            ? named.TypeArguments[0]
            : type;

    /// <summary>
    /// A factory of the compilation: every <c>return</c> (or the expression body) is a new client, directly or through a
    /// local assigned once. It is HTTP when every creation it returns is.
    /// </summary>
    private (ClientOrigin Origin, bool IsHttp1) DescribeFactory(IMethodSymbol method, SemanticModel? callerModel, int depth, CancellationToken cancellationToken)
    {
        if (callerModel is null || method.IsAbstract || method.IsVirtual || method.IsOverride || method.DeclaringSyntaxReferences.Length != 1)
        {
            return (ClientOrigin.None, false);
        }

        var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        var body = declaration switch
        {
            BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
            LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
            _ => null,
        };
        if (body is null)
        {
            return (ClientOrigin.None, false);
        }

        // A factory in another file is judged by its syntax: analyzers get no semantic model of other trees (RS1030).
        if (declaration.SyntaxTree != callerModel.SyntaxTree)
        {
            return SyntacticFactory.Describe(body, _symbols.IsMqttClient(TaskResult(method.ReturnType)) ? ClientOrigin.Mqtt : ClientOrigin.DeviceSdk);
        }

        if (callerModel.GetOperation(body, cancellationToken) is not { } operation)
        {
            return (ClientOrigin.None, false);
        }

        var origin = ClientOrigin.None;
        var allHttp1 = true;
        var returns = 0;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is not IReturnOperation { ReturnedValue: { } returned } || IsInNestedFunction(descendant, operation))
            {
                continue;
            }

            returns++;
            var value = Unwrap(returned);
            if (value is ILocalReferenceOperation && SingleAssignment.GetSingleValue(value, cancellationToken) is { } single)
            {
                value = Unwrap(single);
            }

            if (value is not IInvocationOperation creation)
            {
                return (ClientOrigin.None, false);
            }

            var described = Describe(creation, depth + 1, cancellationToken);
            if (described.Origin == ClientOrigin.None || (origin != ClientOrigin.None && origin != described.Origin))
            {
                return (ClientOrigin.None, false);
            }

            origin = described.Origin;
            allHttp1 &= described.IsHttp1;
        }

        return returns == 0 ? (ClientOrigin.None, false) : (origin, allHttp1);
    }

    private static bool IsInNestedFunction(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>TransportType</c> argument that is <c>Http1</c>, or transport settings that are all <c>Http1TransportSettings</c>.</summary>
    private bool IsHttp1Creation(IInvocationOperation creation, CancellationToken cancellationToken)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(parameter.Type, _symbols.TransportType))
            {
                return IsHttp1Constant(argument.Value, cancellationToken);
            }

            if (parameter.Type is IArrayTypeSymbol { ElementType: var element }
                && SymbolEqualityComparer.Default.Equals(element, _symbols.ITransportSettings))
            {
                return AreAllHttp1Settings(argument.Value, cancellationToken);
            }
        }

        return false;
    }

    private static bool IsHttp1Constant(IOperation value, CancellationToken cancellationToken)
    {
        value = ValueFolding.Unwrap(value);
        if (value is ILocalReferenceOperation && SingleAssignment.GetSingleValue(value, cancellationToken) is { } single)
        {
            value = ValueFolding.Unwrap(single);
        }

        return value is IFieldReferenceOperation { Field: { Name: "Http1", ContainingType.TypeKind: TypeKind.Enum } }
            || (value.Type?.TypeKind == TypeKind.Enum && value.ConstantValue is { HasValue: true, Value: 1 });
    }

    private bool AreAllHttp1Settings(IOperation value, CancellationToken cancellationToken)
    {
        value = ValueFolding.Unwrap(value);
        if (value is ILocalReferenceOperation && SingleAssignment.GetSingleValue(value, cancellationToken) is { } single)
        {
            value = ValueFolding.Unwrap(single);
        }

        if (value is not IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
        {
            return false;
        }

        foreach (var element in elements)
        {
            if (!SymbolEqualityComparer.Default.Equals(ValueFolding.Unwrap(element).Type, _symbols.Http1TransportSettings))
            {
                return false;
            }
        }

        return true;
    }
}
