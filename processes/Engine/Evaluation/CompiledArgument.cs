using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>An argument bound at compile time: evaluating it only looks up results, parameters or builds containers.</summary>
internal abstract class CompiledArgument
{
    public abstract ValueTask<Value> EvaluateAsync(GraphRun run);
}

internal sealed class LiteralBinding(Value value) : CompiledArgument
{
    public Value Value { get; } = value;

    public override ValueTask<Value> EvaluateAsync(GraphRun run) => ValueTask.FromResult(Value);
}

internal sealed class NodeBinding(int nodeIndex) : CompiledArgument
{
    public int NodeIndex { get; } = nodeIndex;

    public override ValueTask<Value> EvaluateAsync(GraphRun run) => new(run.GetNodeResultAsync(NodeIndex));
}

internal sealed class ParameterBinding(string name) : CompiledArgument
{
    public string Name { get; } = name;

    public override ValueTask<Value> EvaluateAsync(GraphRun run) => ValueTask.FromResult(run.Scope.Resolve(Name));
}

internal sealed class ArrayBinding(ImmutableArray<CompiledArgument> items) : CompiledArgument
{
    public override async ValueTask<Value> EvaluateAsync(GraphRun run)
    {
        var values = ImmutableArray.CreateBuilder<Value>(items.Length);
        foreach (var item in items)
        {
            values.Add(await item.EvaluateAsync(run).ConfigureAwait(false));
        }

        return new ArrayValue(values.MoveToImmutable());
    }
}

internal sealed class ObjectBinding(ImmutableArray<KeyValuePair<string, CompiledArgument>> properties) : CompiledArgument
{
    public override async ValueTask<Value> EvaluateAsync(GraphRun run)
    {
        var values = ImmutableArray.CreateBuilder<KeyValuePair<string, Value>>(properties.Length);
        foreach (var property in properties)
        {
            values.Add(new(property.Key, await property.Value.EvaluateAsync(run).ConfigureAwait(false)));
        }

        return new ObjectValue(values.MoveToImmutable());
    }
}

/// <summary>A child graph compiled with its parent; evaluating it binds the current scope into a callback.</summary>
internal sealed class CallbackBinding(CompiledGraph child, NodePathSegment parentSegment) : CompiledArgument
{
    public override ValueTask<Value> EvaluateAsync(GraphRun run) =>
        ValueTask.FromResult<Value>(new CallbackValue(new CompiledCallback(child, run.Scope, run.Context, run.OuterPath.Insert(0, parentSegment))));
}
