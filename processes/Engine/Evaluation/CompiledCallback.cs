using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OpenEoBridge.Processes.Evaluation.Fusion;
using OpenEoBridge.Processes.Kernels;
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

    public override bool TryCompileSpanKernel(IReadOnlyList<string> spanParameters, IReadOnlyDictionary<string, Value>? constants,
        [NotNullWhen(true)] out SpanKernel? kernel, [NotNullWhen(false)] out string? reason)
    {
        var fused = SpanFuser.TryFuse(graph, ConstantScope(constants), [.. spanParameters], spanParameters, NoSubstitutions, null, out var k, out reason);
        kernel = k;
        return fused;
    }

    public override bool TryCompileReducer(string dataParameter, IReadOnlyDictionary<string, Value>? constants,
        [NotNullWhen(true)] out ReducerCallbackKernel? kernel, [NotNullWhen(false)] out string? reason) =>
        ReducerRecognizer.TryRecognize(graph, ConstantScope(constants), dataParameter, out kernel, out reason);

    /// <summary>The scope a per-element invocation would see for everything but the span parameters.</summary>
    private Scope ConstantScope(IReadOnlyDictionary<string, Value>? constants) =>
        new(constants ?? new Dictionary<string, Value>(), graph.ParameterDefaults, outer);

    private static readonly IReadOnlyDictionary<int, int> NoSubstitutions = new Dictionary<int, int>();
}
