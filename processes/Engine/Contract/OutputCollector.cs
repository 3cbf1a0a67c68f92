using System.Collections.Concurrent;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Contract;

/// <summary>Collects the outputs of a run (each <c>save_result</c> adds one), so a graph can produce several results.</summary>
public sealed class OutputCollector
{
    private readonly ConcurrentQueue<ProcessOutput> _outputs = new();

    public void Add(ProcessOutput output) => _outputs.Enqueue(output);

    public IReadOnlyList<ProcessOutput> Outputs => [.. _outputs];
}

/// <summary>One output: the value to write, the requested format and its options, and the node that produced it.</summary>
public sealed record ProcessOutput(Value Data, string Format, ObjectValue Options, string NodeId);
