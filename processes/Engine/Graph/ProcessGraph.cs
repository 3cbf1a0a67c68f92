using System.Collections.Immutable;

namespace OpenEoBridge.Processes.Graph;

/// <summary>
/// One level of a process graph: its nodes in document order. Structural problems (missing result node, dangling
/// <c>from_node</c>, cycles) are reported by validation, so a graph can be held and forwarded even when invalid.
/// </summary>
public sealed record ProcessGraph(ImmutableArray<ProcessNode> Nodes)
{
    public ProcessNode? FindNode(string id)
    {
        foreach (var node in Nodes)
        {
            if (node.Id == id)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Node ids that appear more than once (JSON objects with duplicate keys).</summary>
    public IEnumerable<string> DuplicateIds => Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}
