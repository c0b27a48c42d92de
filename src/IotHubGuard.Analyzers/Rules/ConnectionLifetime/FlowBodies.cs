using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace IotHubGuard.Analyzers;

/// <summary>The method and constructor bodies of an operation block context, each once, with a block to ask the CFG for.</summary>
internal static class FlowBodies
{
    public static IEnumerable<(IOperation Block, IOperation Body)> Of(OperationBlockAnalysisContext context)
    {
        var seen = new HashSet<IOperation>();
        foreach (var block in context.OperationBlocks)
        {
            var root = block;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            if (root is IMethodBodyOperation or IConstructorBodyOperation && seen.Add(root))
            {
                yield return (block, root);
            }
        }
    }
}
