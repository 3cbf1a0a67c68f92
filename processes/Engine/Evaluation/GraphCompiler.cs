using System.Collections.Immutable;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Graph;
using OpenEoBridge.Processes.Resolution;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation;

/// <summary>
/// Compiles a process document into a <see cref="CompiledGraph"/>: resolves every process (child graphs too),
/// binds arguments and refuses graphs that cannot run (the first structural problem, unknown process, unknown or
/// missing parameter). Validation reports all such problems at once; this is the guard for direct evaluation.
/// </summary>
internal sealed class GraphCompiler(ProcessResolver resolver, string? userId, int userProcessDepth, Func<UserDefinedProcess, ProcessCall, int, ValueTask<Value>> runUserProcess)
{
    public async ValueTask<CompiledGraph> CompileAsync(ProcessDocument document, string where, CancellationToken cancellationToken)
    {
        var graph = document.Graph;
        var problems = GraphStructure.Problems(graph, where);
        if (problems.Count > 0)
        {
            throw OpenEoErrors.ProcessGraphInvalid(problems[0]);
        }

        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Nodes.Length; i++)
        {
            indexById[graph.Nodes[i].Id] = i;
        }

        var nodes = ImmutableArray.CreateBuilder<CompiledNode>(graph.Nodes.Length);
        var consumed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var process = await resolver.ResolveAsync(node.ProcessId, node.Namespace, userId, cancellationToken).ConfigureAwait(false);
            if (process is UserDefinedProcess udp)
            {
                udp.Runner = (p, call) => runUserProcess(p, call, userProcessDepth + 1);
            }

            CheckParameters(node, process);
            var arguments = ImmutableArray.CreateBuilder<KeyValuePair<string, CompiledArgument>>(node.Arguments.Length);
            foreach (var (name, argument) in node.Arguments)
            {
                var segment = new NodePathSegment(node.Id, node.ProcessId, node.Namespace, name);
                arguments.Add(new(name, await BindAsync(argument, indexById, segment, cancellationToken).ConfigureAwait(false)));
            }

            consumed.UnionWith(GraphStructure.Dependencies(node));
            nodes.Add(new CompiledNode(node.Id, process, node.Namespace, arguments.MoveToImmutable()));
        }

        var resultIndex = graph.Nodes.IndexOf(graph.Nodes.Single(n => n.IsResult));
        var endNodes = Enumerable.Range(0, graph.Nodes.Length).Where(i => !consumed.Contains(graph.Nodes[i].Id)).ToImmutableArray();
        var defaults = document.Parameters.Where(p => p.Default is not null).ToDictionary(p => p.Name, p => p.Default!, StringComparer.Ordinal);
        var referenced = GraphStructure.ParameterReferences(graph).ToHashSet(StringComparer.Ordinal);
        return new CompiledGraph(nodes.MoveToImmutable(), resultIndex, endNodes, defaults, referenced);
    }

    private static void CheckParameters(ProcessNode node, Process process)
    {
        foreach (var (name, _) in node.Arguments)
        {
            if (process.Definition.FindParameter(name) is null)
            {
                throw OpenEoErrors.ProcessParameterUnsupported(process.Id, name).AttachPath([new NodePathSegment(node.Id, node.ProcessId, node.Namespace, name)]);
            }
        }

        foreach (var parameter in process.Definition.Parameters)
        {
            if (!parameter.Optional && node.FindArgument(parameter.Name) is null)
            {
                throw OpenEoErrors.ProcessParameterRequired(process.Id, parameter.Name).AttachPath([new NodePathSegment(node.Id, node.ProcessId, node.Namespace, parameter.Name)]);
            }
        }
    }

    private async ValueTask<CompiledArgument> BindAsync(Argument argument, Dictionary<string, int> indexById, NodePathSegment segment, CancellationToken cancellationToken)
    {
        switch (argument)
        {
            case LiteralArgument literal:
                return new LiteralBinding(literal.Value);
            case FromNodeArgument fromNode:
                return new NodeBinding(indexById[fromNode.NodeId]);
            case FromParameterArgument fromParameter:
                return new ParameterBinding(fromParameter.Name);
            case ArrayArgument array:
                var items = ImmutableArray.CreateBuilder<CompiledArgument>(array.Items.Length);
                foreach (var item in array.Items)
                {
                    items.Add(await BindAsync(item, indexById, segment, cancellationToken).ConfigureAwait(false));
                }

                return new ArrayBinding(items.MoveToImmutable());
            case ObjectArgument obj:
                var properties = ImmutableArray.CreateBuilder<KeyValuePair<string, CompiledArgument>>(obj.Properties.Length);
                foreach (var (key, value) in obj.Properties)
                {
                    properties.Add(new(key, await BindAsync(value, indexById, segment, cancellationToken).ConfigureAwait(false)));
                }

                return new ObjectBinding(properties.MoveToImmutable());
            case ProcessGraphArgument child:
                var compiled = await CompileAsync(child.Process, $"the child process graph of '{segment.NodeId}'.{segment.Parameter}", cancellationToken).ConfigureAwait(false);
                return new CallbackBinding(compiled, segment);
            default:
                throw new InvalidOperationException($"Unknown argument type {argument.GetType().Name}.");
        }
    }
}
