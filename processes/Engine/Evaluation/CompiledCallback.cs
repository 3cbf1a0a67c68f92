using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>A compiled child graph bound to the scope it was passed in; each invocation is a fresh run.</summary>
internal sealed class CompiledCallback(CompiledGraph graph, Scope outer, ProcessingContext context, ImmutableArray<NodePathSegment> path)
    : ProcessCallback
{
    public override IReadOnlySet<string> ReferencedParameters => graph.ReferencedParameters;

    public override ValueTask<Value> InvokeAsync(IReadOnlyDictionary<string, Value> parameters, CancellationToken cancellationToken)
    {
        var runContext = cancellationToken == context.CancellationToken || !cancellationToken.CanBeCanceled
            ? context
            : context.WithCancellation(cancellationToken);
        return new(graph.RunAsync(new Scope(parameters, graph.ParameterDefaults, outer), runContext, path));
    }
}
