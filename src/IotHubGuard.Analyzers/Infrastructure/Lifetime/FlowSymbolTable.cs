using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>
/// The variables one control flow graph tracks (locals, parameters, fields and properties of <c>this</c> or static
/// whose type is a client) and how its flow captures map back to them. Built once per graph, before the transfer.
/// </summary>
internal sealed class FlowSymbolTable : IFlowValues, IFlowSymbols
{
    private readonly ReleaseModel _model;
    private readonly Dictionary<ISymbol, int> _index = new(SymbolEqualityComparer.Default);
    private readonly List<ISymbol> _symbols = new();
    private readonly List<ClientFamily> _families = new();
    private readonly Dictionary<CaptureId, ISymbol?> _captureSymbols = new();
    private readonly Dictionary<CaptureId, IOperation?> _captureValues = new();

    public FlowSymbolTable(ControlFlowGraph cfg, ISymbol function, ReleaseModel model)
    {
        _model = model;
        Function = function;
        ContainingType = function.ContainingType;
        foreach (var block in cfg.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                if (operation is IFlowCaptureOperation capture)
                {
                    RecordCapture(capture);
                }
            }
        }

        foreach (var block in cfg.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                Index(operation);
            }

            if (block.BranchValue is { } branchValue)
            {
                Index(branchValue);
            }
        }
    }

    public ISymbol Function { get; }

    public INamedTypeSymbol? ContainingType { get; }

    public int Count => _symbols.Count;

    public bool HasMembers { get; private set; }

    /// <summary>The lambdas met while indexing; each is analysed as a graph of its own.</summary>
    public List<IFlowAnonymousFunctionOperation> AnonymousFunctions { get; } = new();

    public ISymbol SymbolAt(int index) => _symbols[index];

    public ClientFamily FamilyAt(int index) => _families[index];

    public int IndexOf(ISymbol symbol) => _index.TryGetValue(symbol, out var index) ? index : -1;

    public int IndexOf(IOperation? operand) => ResolveSymbol(operand) is { } symbol ? IndexOf(symbol) : -1;

    /// <summary>A local declared by this function (not captured from an enclosing one): unassigned at entry.</summary>
    public bool IsOwnLocal(ISymbol symbol) => symbol is ILocalSymbol local && SymbolEqualityComparer.Default.Equals(local.ContainingSymbol, Function);

    public ISymbol? Resolve(IOperation? operation)
        => ResolveSymbol(operation) is { } symbol && _index.ContainsKey(symbol) ? symbol : null;

    public IOperation ValueOf(IOperation operation)
    {
        var current = operation;
        for (var i = 0; i < 8; i++)
        {
            current = OperationUnwrap.Conversions(current);
            if (current is IFlowCaptureReferenceOperation reference && _captureValues.TryGetValue(reference.Id, out var value) && value is not null)
            {
                current = value;
                continue;
            }

            break;
        }

        return current;
    }

    /// <summary>Locals, parameters, and fields/properties of <c>this</c> or static, whose type the model tracks.</summary>
    private ISymbol? ResolveSymbol(IOperation? operation)
    {
        if (operation is null)
        {
            return null;
        }

        switch (OperationUnwrap.Conversions(operation))
        {
            case IFlowCaptureReferenceOperation reference:
                return _captureSymbols.TryGetValue(reference.Id, out var captured) ? captured : null;
            case ILocalReferenceOperation { Local: var local }:
                return _model.IsTrackedType(local.Type) ? local : null;
            case IParameterReferenceOperation { Parameter: var parameter }:
                return _model.IsTrackedType(parameter.Type) ? parameter : null;
            case IFieldReferenceOperation { Field: var field } fieldReference when ReleaseModel.IsThisOrStatic(fieldReference.Instance):
                return _model.IsTrackedType(field.Type) ? field.OriginalDefinition : null;
            case IPropertyReferenceOperation { Property: var property, Arguments.IsEmpty: true } propertyReference when ReleaseModel.IsThisOrStatic(propertyReference.Instance):
                return _model.IsTrackedType(property.Type) ? property.OriginalDefinition : null;
            default:
                return null;
        }
    }

    private void RecordCapture(IFlowCaptureOperation capture)
    {
        var symbol = ResolveSymbol(capture.Value);
        if (_captureSymbols.TryGetValue(capture.Id, out var existing))
        {
            if (!SymbolEqualityComparer.Default.Equals(existing, symbol))
            {
                _captureSymbols[capture.Id] = null;
            }

            _captureValues[capture.Id] = null;
            return;
        }

        _captureSymbols[capture.Id] = symbol;
        _captureValues[capture.Id] = capture.Value;
    }

    private void Index(IOperation root)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation is IFlowAnonymousFunctionOperation anonymous)
            {
                AnonymousFunctions.Add(anonymous);
                continue;
            }

            if (ResolveSymbol(operation) is { } symbol && !_index.ContainsKey(symbol) && _symbols.Count < FactBits.Capacity)
            {
                _index.Add(symbol, _symbols.Count);
                _symbols.Add(symbol);
                _families.Add(_model.FamilyOf(TypeOf(symbol)));
                HasMembers |= symbol is IFieldSymbol or IPropertySymbol;
            }
        }
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol)
        => symbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
}
