using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Validation;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>
/// One execution of a compiled graph level: memoises each node's task so every node runs at most once, evaluates
/// arguments eagerly or lazily as the process asks, and attaches the node path to errors.
/// </summary>
internal sealed class GraphRun
{
    private readonly CompiledGraph _graph;
    private readonly Lazy<Task<Value>>[] _results;
    private readonly Action? _nodeFinished;

    public GraphRun(CompiledGraph graph, Scope scope, ProcessingContext context, ImmutableArray<NodePathSegment> outerPath, Action? nodeFinished)
    {
        _graph = graph;
        Scope = scope;
        Context = context;
        OuterPath = outerPath;
        _nodeFinished = nodeFinished;
        _results = new Lazy<Task<Value>>[graph.Nodes.Length];
        for (var i = 0; i < _results.Length; i++)
        {
            var index = i;
            _results[i] = new Lazy<Task<Value>>(() => EvaluateNodeAsync(index));
        }
    }

    public Scope Scope { get; }

    public ProcessingContext Context { get; }

    /// <summary>The path of the node whose callback this run is (innermost first); empty at top level.</summary>
    public ImmutableArray<NodePathSegment> OuterPath { get; }

    public Task<Value> GetNodeResultAsync(int index) => _results[index].Value;

    private async Task<Value> EvaluateNodeAsync(int index)
    {
        // A long chain of nodes recurses through synchronous completions; continue on a fresh stack when it runs low.
        if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            await Task.Yield();
        }

        var node = _graph.Nodes[index];
        var path = OuterPath.Insert(0, node.Segment);
        Context.CancellationToken.ThrowIfCancellationRequested();
        try
        {
            var call = await BindAsync(node, path).ConfigureAwait(false);
            var result = await node.Process.InvokeAsync(call).ConfigureAwait(false);
            Context.Log.Write(ProcessLogLevel.Debug, $"Node '{node.Id}' ({node.Process.Id}) finished.", path);
            _nodeFinished?.Invoke();
            return result;
        }
        catch (OpenEoException e)
        {
            throw e.AttachPath(path);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw OpenEoErrors.Internal($"Process '{node.Process.Id}' in node '{node.Id}' failed unexpectedly: {e.Message}", e).AttachPath(path);
        }
    }

    private async ValueTask<ProcessCall> BindAsync(CompiledNode node, ImmutableArray<NodePathSegment> path)
    {
        if (node.Process.ArgumentEvaluation == ArgumentEvaluation.Lazy)
        {
            var pending = new Dictionary<string, Func<ValueTask<Value>>>(node.Arguments.Length, StringComparer.Ordinal);
            foreach (var (name, argument) in node.Arguments)
            {
                pending[name] = async () => CheckBound(node, path, name, await argument.EvaluateAsync(this).ConfigureAwait(false));
            }

            return new ProcessCall(node.Process, Context, path, new Dictionary<string, Value>(), pending);
        }

        var values = new Dictionary<string, Value>(node.Arguments.Length, StringComparer.Ordinal);
        foreach (var (name, argument) in node.Arguments)
        {
            values[name] = CheckBound(node, path, name, await argument.EvaluateAsync(this).ConfigureAwait(false));
        }

        return new ProcessCall(node.Process, Context, path, values);
    }

    /// <summary>
    /// Cubes are checked against the parameter schema when they are bound (their dimensions, e.g. a schema's
    /// <c>dimensions</c> keyword, exist only at run time); JSON-like values were checked by validation or are
    /// checked by the process's typed getters.
    /// </summary>
    private static Value CheckBound(CompiledNode node, ImmutableArray<NodePathSegment> path, string name, Value value)
    {
        if (value is ExternalValue && node.Process.Definition.FindParameter(name) is { } parameter
            && SchemaMatcher.Mismatch(parameter.Schema, value) is { } reason)
        {
            throw OpenEoErrors.ProcessParameterInvalid(node.Process.Id, name, reason).AttachPath(path.SetItem(0, path[0] with { Parameter = name }));
        }

        return value;
    }
}
