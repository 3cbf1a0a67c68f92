using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation.Fusion;

/// <summary>
/// Recognises a reducer callback the cube engine can stream: exactly one node reads the data array, that node is a
/// reducer kernel (<see cref="IReducerKernel"/>) given the array directly and at most a literal <c>ignore_nodata</c>,
/// and everything after it fuses element-wise with the reduced value as input.
/// </summary>
internal static class ReducerRecognizer
{
    public static bool TryRecognize(CompiledGraph graph, Scope scope, string dataParameter,
        [NotNullWhen(true)] out ReducerCallbackKernel? kernel, [NotNullWhen(false)] out string? reason)
    {
        kernel = null;
        var readers = Enumerable.Range(0, graph.Nodes.Length)
            .Where(i => graph.Nodes[i].Arguments.Any(a => a.Value is ParameterBinding p && p.Name == dataParameter))
            .ToList();
        if (readers.Count != 1)
        {
            reason = readers.Count == 0
                ? $"no node reads '{dataParameter}' directly"
                : $"several nodes read '{dataParameter}' ({string.Join(", ", readers.Select(i => $"'{graph.Nodes[i].Id}'"))})";
            return false;
        }

        var index = readers[0];
        var node = graph.Nodes[index];
        if (node.Process is not IReducerKernel reducer)
        {
            reason = $"node '{node.Id}' ({node.Process.Id}) reads '{dataParameter}' but is not a reducer kernel";
            return false;
        }

        bool? ignoreNoData = node.Process.Definition.FindParameter("ignore_nodata") is { } declared
            ? declared.Default is BooleanValue d ? d.Value : null
            : true;
        foreach (var (name, argument) in node.Arguments)
        {
            if (name == reducer.DataParameter && argument is ParameterBinding p && p.Name == dataParameter)
            {
                continue;
            }

            if (name == "ignore_nodata" && argument is LiteralBinding { Value: BooleanValue flag })
            {
                ignoreNoData = flag.Value;
                continue;
            }

            reason = $"node '{node.Id}' ({node.Process.Id}) takes '{name}' in a form the reducer kernel cannot stream (only '{reducer.DataParameter}' = the data and a literal 'ignore_nodata')";
            return false;
        }

        if (node.Arguments.All(a => a.Key != reducer.DataParameter) || ignoreNoData is not { } ignore)
        {
            reason = $"node '{node.Id}' ({node.Process.Id}) does not reduce '{dataParameter}' with a known 'ignore_nodata'";
            return false;
        }

        if (graph.Nodes.Length == 1)
        {
            kernel = new ReducerCallbackKernel(reducer, ignore, null);
            reason = null;
            return true;
        }

        if (!SpanFuser.TryFuse(graph, scope, [node.Id], [], new Dictionary<int, int> { [index] = 0 }, dataParameter, out var then, out reason))
        {
            reason = $"the work after the reducer is not element-wise: {reason}";
            return false;
        }

        kernel = new ReducerCallbackKernel(reducer, ignore, then);
        return true;
    }
}
