using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>A node with its process resolved and its arguments bound.</summary>
internal sealed class CompiledNode(string id, Process process, string? ns, ImmutableArray<KeyValuePair<string, CompiledArgument>> arguments)
{
    public string Id { get; } = id;

    public Process Process { get; } = process;

    public string? Namespace { get; } = ns;

    public ImmutableArray<KeyValuePair<string, CompiledArgument>> Arguments { get; } = arguments;

    public NodePathSegment Segment { get; } = new(id, process.Id, ns);
}
