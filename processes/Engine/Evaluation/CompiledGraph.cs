using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>
/// A graph level compiled once: processes resolved, arguments bound, the result node and the end nodes (nodes no
/// other node consumes) known. Running it creates a <see cref="GraphRun"/> that evaluates each node at most once.
/// </summary>
internal sealed class CompiledGraph(ImmutableArray<CompiledNode> nodes, int resultIndex, ImmutableArray<int> endNodes,
    IReadOnlyDictionary<string, Value> parameterDefaults, IReadOnlySet<string> referencedParameters)
{
    public ImmutableArray<CompiledNode> Nodes { get; } = nodes;

    public int ResultIndex { get; } = resultIndex;

    public ImmutableArray<int> EndNodes { get; } = endNodes;

    /// <summary>Defaults declared by the process document's <c>parameters</c>.</summary>
    public IReadOnlyDictionary<string, Value> ParameterDefaults { get; } = parameterDefaults;

    public IReadOnlySet<string> ReferencedParameters { get; } = referencedParameters;

    /// <summary>Runs every end node (not only the result's ancestors) and returns the result node's value.</summary>
    public async Task<Value> RunAsync(Scope scope, ProcessingContext context, ImmutableArray<NodePathSegment> outerPath, Action? nodeFinished = null)
    {
        var run = new GraphRun(this, scope, context, outerPath, nodeFinished);
        foreach (var end in EndNodes)
        {
            await run.GetNodeResultAsync(end).ConfigureAwait(false);
        }

        return await run.GetNodeResultAsync(ResultIndex).ConfigureAwait(false);
    }
}
