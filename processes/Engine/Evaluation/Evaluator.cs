using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>
/// Runs process documents: compiles (resolving processes, including the user's own), runs every end node once,
/// honours cancellation and the deadline (→ <c>RequestTimeout</c>), and returns the result node's value plus
/// all collected outputs.
/// </summary>
public sealed class Evaluator(ProcessResolver resolver, ComplexityLimits? limits = null)
{
    private readonly ComplexityLimits _limits = limits ?? ComplexityLimits.Default;

    public ProcessResolver Resolver { get; } = resolver;

    public async Task<EvaluationResult> EvaluateAsync(ProcessDocument document, ProcessingContext context, IReadOnlyDictionary<string, Value>? parameters = null)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        if (context.Deadline is { } deadline)
        {
            var remaining = deadline - context.Time.GetUtcNow();
            linked.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }

        var runContext = context.WithCancellation(linked.Token);
        try
        {
            var compiler = CreateCompiler(runContext, userProcessDepth: 0);
            var graph = await compiler.CompileAsync(document, "the process graph", linked.Token).ConfigureAwait(false);
            var completed = 0;
            var total = graph.Nodes.Length;
            Action? finished = context.Progress is { } progress
                ? () => progress.Report(new NodeProgress([], Interlocked.Increment(ref completed), total))
                : null;
            var scope = new Scope(parameters ?? new Dictionary<string, Value>(), graph.ParameterDefaults, null);
            var result = await graph.RunAsync(scope, runContext, [], finished).ConfigureAwait(false);
            return new EvaluationResult(result, context.Outputs.Outputs);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw OpenEoErrors.RequestTimeout($"processing did not finish before its deadline ({context.Deadline:O}).");
        }
    }

    private GraphCompiler CreateCompiler(ProcessingContext context, int userProcessDepth) =>
        new(Resolver, context.UserId, userProcessDepth, (udp, call, depth) => RunUserProcessAsync(udp, call, depth));

    private async ValueTask<Value> RunUserProcessAsync(UserDefinedProcess process, ProcessCall call, int depth)
    {
        if (depth > _limits.MaxUserProcessDepth)
        {
            throw OpenEoErrors.ProcessGraphComplexity($"user-defined processes call each other deeper than {_limits.MaxUserProcessDepth} levels.");
        }

        var compiler = CreateCompiler(call.Context, depth);
        var graph = await compiler.CompileAsync(process.Document, $"the user-defined process '{process.Id}'", call.CancellationToken).ConfigureAwait(false);
        var values = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var parameter in process.Definition.Parameters)
        {
            if (call.IsProvided(parameter.Name))
            {
                values[parameter.Name] = await call.GetAsync(parameter.Name).ConfigureAwait(false);
            }
        }

        // A user-defined process is its own scope: it sees its parameters, not its caller's.
        return await graph.RunAsync(new Scope(values, graph.ParameterDefaults, null), call.Context, call.Path).ConfigureAwait(false);
    }
}
