using OpenEoBridge.Processes.Graph;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>Structural facts about one graph level, shared by validation (which reports them all) and compilation.</summary>
public static class GraphStructure
{
    /// <summary>The <c>from_node</c> targets of a node's arguments (this level only; child graphs have their own).</summary>
    public static IEnumerable<string> Dependencies(ProcessNode node) => node.Arguments.SelectMany(a => References(a.Value));

    private static IEnumerable<string> References(Argument argument) => argument switch
    {
        FromNodeArgument f => [f.NodeId],
        ArrayArgument a => a.Items.SelectMany(References),
        ObjectArgument o => o.Properties.SelectMany(p => References(p.Value)),
        _ => [],
    };

    /// <summary>All <c>from_parameter</c> names used in a graph, including nested child graphs.</summary>
    public static IEnumerable<string> ParameterReferences(ProcessGraph graph) =>
        graph.Nodes.SelectMany(n => n.Arguments).SelectMany(a => ParameterReferences(a.Value));

    private static IEnumerable<string> ParameterReferences(Argument argument) => argument switch
    {
        FromParameterArgument p => [p.Name],
        ArrayArgument a => a.Items.SelectMany(ParameterReferences),
        ObjectArgument o => o.Properties.SelectMany(p => ParameterReferences(p.Value)),
        ProcessGraphArgument g => ParameterReferences(g.Process.Graph),
        _ => [],
    };

    /// <summary>Problems of this level's structure, each a ProcessGraphInvalid reason.</summary>
    public static List<string> Problems(ProcessGraph graph, string where)
    {
        var problems = new List<string>();
        if (graph.Nodes.IsEmpty)
        {
            problems.Add($"{where} has no nodes.");
            return problems;
        }

        foreach (var duplicate in graph.DuplicateIds)
        {
            problems.Add($"{where} has several nodes with the id '{duplicate}'.");
        }

        var results = graph.Nodes.Count(n => n.IsResult);
        if (results == 0)
        {
            problems.Add($"{where} has no result node (a node with \"result\": true).");
        }
        else if (results > 1)
        {
            problems.Add($"{where} has {results} result nodes ({string.Join(", ", graph.Nodes.Where(n => n.IsResult).Select(n => $"'{n.Id}'"))}); exactly one is allowed.");
        }

        var ids = graph.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            foreach (var dependency in Dependencies(node).Distinct(StringComparer.Ordinal))
            {
                if (!ids.Contains(dependency))
                {
                    problems.Add($"node '{node.Id}' in {where} refers to the node '{dependency}' (from_node), which does not exist at this level.");
                }
            }
        }

        if (FindCycle(graph) is { } cycle)
        {
            problems.Add($"{where} has a cycle: {string.Join(" -> ", cycle)}.");
        }

        return problems;
    }

    /// <summary>One cycle as a list of node ids (first repeated at the end), or null.</summary>
    public static List<string>? FindCycle(ProcessGraph graph)
    {
        var byId = new Dictionary<string, ProcessNode>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            byId.TryAdd(node.Id, node);
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = on stack, 2 = done
        foreach (var start in byId.Keys)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            // Iterative DFS: graphs may be long chains, recursion would risk the stack.
            var stack = new Stack<(string Id, IEnumerator<string> Next)>();
            stack.Push((start, Dependencies(byId[start]).GetEnumerator()));
            state[start] = 1;
            while (stack.Count > 0)
            {
                var (id, next) = stack.Peek();
                if (next.MoveNext())
                {
                    var dependency = next.Current;
                    if (!byId.TryGetValue(dependency, out var target))
                    {
                        continue;
                    }

                    if (state.TryGetValue(dependency, out var s))
                    {
                        if (s == 1)
                        {
                            var cycle = stack.Select(f => f.Id).Reverse().SkipWhile(n => n != dependency).ToList();
                            cycle.Add(dependency);
                            return cycle;
                        }

                        continue;
                    }

                    state[dependency] = 1;
                    stack.Push((dependency, Dependencies(target).GetEnumerator()));
                }
                else
                {
                    state[id] = 2;
                    stack.Pop();
                }
            }
        }

        return null;
    }
}
