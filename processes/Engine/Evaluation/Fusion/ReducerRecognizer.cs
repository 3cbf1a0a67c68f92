using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation.Fusion;

/// <summary>
/// Recognises a reducer callback the cube engine can stream: exactly one node reads the data array, that node is a
/// reducer kernel (<see cref="IReducerKernel"/>, or an <see cref="IReducerKernelFactory"/> such as <c>count</c>) given the
/// array directly and otherwise only literals (for reducers: a boolean <c>ignore_nodata</c>),
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
        if (!TryKernel(node, dataParameter, out var reducer, out var ignore, out reason))
        {
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

    /// <summary>The reducer kernel of the node reading the data: a reducer process, or a factory given literal arguments.</summary>
    private static bool TryKernel(CompiledNode node, string dataParameter, [NotNullWhen(true)] out IReducerKernel? kernel, out bool ignoreNoData,
        [NotNullWhen(false)] out string? reason)
    {
        kernel = null;
        ignoreNoData = true;
        var where = $"node '{node.Id}' ({node.Process.Id})";
        var dataName = node.Process switch
        {
            IReducerKernel r => r.DataParameter,
            IReducerKernelFactory f => f.DataParameter,
            _ => null,
        };
        if (dataName is null)
        {
            reason = $"{where} reads '{dataParameter}' but is not a reducer kernel";
            return false;
        }

        if (!node.Arguments.Any(a => a.Key == dataName && a.Value is ParameterBinding p && p.Name == dataParameter))
        {
            reason = $"{where} does not reduce '{dataParameter}' as its '{dataName}'";
            return false;
        }

        var literals = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var (name, argument) in node.Arguments.Where(a => a.Key != dataName))
        {
            if (argument is not LiteralBinding literal)
            {
                reason = $"{where} takes '{name}' in a form the reducer kernel cannot stream (only '{dataName}' = the data and literals)";
                return false;
            }

            literals[name] = literal.Value;
        }

        if (node.Process is IReducerKernelFactory factory)
        {
            kernel = factory.CreateKernel(literals, out var why);
            reason = kernel is null ? $"{where}: {why}" : null;
            return kernel is not null;
        }

        kernel = (IReducerKernel)node.Process;
        foreach (var (name, value) in literals)
        {
            if (name != "ignore_nodata" || value is not BooleanValue flag)
            {
                reason = $"{where} takes '{name}' = {value}, which the reducer kernel cannot stream (only a boolean 'ignore_nodata')";
                kernel = null;
                return false;
            }

            ignoreNoData = flag.Value;
        }

        if (!literals.ContainsKey("ignore_nodata") && node.Process.Definition.FindParameter("ignore_nodata") is { } declared)
        {
            if (declared.Default is not BooleanValue d)
            {
                reason = $"{where} has no boolean default for 'ignore_nodata'";
                kernel = null;
                return false;
            }

            ignoreNoData = d.Value;
        }

        reason = null;
        return true;
    }
}
