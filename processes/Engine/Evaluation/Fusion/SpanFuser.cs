using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Kernels;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Evaluation.Fusion;

/// <summary>
/// Fuses a compiled callback into a <see cref="FusedSpanKernel"/>: every node must be element-wise (a number
/// kernel, a comparison kernel, an <see cref="IOptionNumberKernel"/> with constant options or an
/// <see cref="IMaskedKernel"/>) with literal, node or parameter arguments only.
/// Types are checked statically (numbers, booleans, no-data) so the fused result equals the per-element one;
/// anything the typed columns cannot express refuses fusion with a reason, and the callback runs per element.
/// </summary>
internal sealed class SpanFuser
{
    private readonly CompiledGraph _graph;
    private readonly Scope _scope;
    private readonly IReadOnlyList<string> _spanParameters;
    private readonly IReadOnlyDictionary<int, int> _substitutedNodes;
    private readonly string? _forbiddenParameter;
    private readonly List<FusionSlot> _slots = [];
    private readonly List<FusedStep> _steps = [];
    private readonly int[] _nodeSlots;

    private SpanFuser(CompiledGraph graph, Scope scope, int inputCount, IReadOnlyList<string> spanParameters,
        IReadOnlyDictionary<int, int> substitutedNodes, string? forbiddenParameter)
    {
        _graph = graph;
        _scope = scope;
        _spanParameters = spanParameters;
        _substitutedNodes = substitutedNodes;
        _forbiddenParameter = forbiddenParameter;
        _nodeSlots = new int[graph.Nodes.Length];
        for (var i = 0; i < inputCount; i++)
        {
            _slots.Add(new InputSlot(i));
        }
    }

    /// <summary>
    /// Fuses <paramref name="graph"/>. <paramref name="inputNames"/> label the input spans; <paramref name="spanParameters"/>
    /// (a subset, by position) are the parameters bound to them; <paramref name="substitutedNodes"/> maps nodes whose
    /// result is an input span instead (a reducer before element-wise work); <paramref name="forbiddenParameter"/> may
    /// not be read elsewhere. Other parameters resolve once through <paramref name="scope"/>.
    /// </summary>
    public static bool TryFuse(CompiledGraph graph, Scope scope, ImmutableArray<string> inputNames, IReadOnlyList<string> spanParameters,
        IReadOnlyDictionary<int, int> substitutedNodes, string? forbiddenParameter,
        [NotNullWhen(true)] out FusedSpanKernel? kernel, [NotNullWhen(false)] out string? reason)
    {
        kernel = null;
        var fuser = new SpanFuser(graph, scope, inputNames.Length, spanParameters, substitutedNodes, forbiddenParameter);
        if (TopologicalOrder(graph, out var orderProblem) is not { } order)
        {
            reason = orderProblem ?? "the callback is not element-wise";
            return false;
        }

        foreach (var index in order)
        {
            if (!fuser.TryAddNode(index, out reason))
            {
                return false;
            }
        }

        kernel = new FusedSpanKernel(inputNames, [.. fuser._slots], [.. fuser._steps], fuser._nodeSlots[graph.ResultIndex]);
        reason = null;
        return true;
    }

    private bool TryAddNode(int index, [NotNullWhen(false)] out string? reason)
    {
        if (_substitutedNodes.TryGetValue(index, out var input))
        {
            _nodeSlots[index] = input;
            reason = null;
            return true;
        }

        var node = _graph.Nodes[index];
        var where = $"node '{node.Id}' ({node.Process.Id})";
        switch (node.Process)
        {
            case IMaskedKernel masked:
                return TryAddMasked(index, node, masked, where, out reason);
            case IOptionNumberKernel option:
                return TryAddOptionKernel(index, node, option, where, out reason);
            case IUnaryNumberKernel unary:
                if (!TryNumberInputs(node, [unary.InputParameter], where, out var u, out reason))
                {
                    return false;
                }

                return Add(index, new ComputedSlot(KernelValueType.Number), slot => new UnaryNumberStep(unary, u[0], slot), out reason);
            case IBinaryNumberKernel binary:
                if (!TryNumberInputs(node, [binary.InputParameters.X, binary.InputParameters.Y], where, out var b, out reason))
                {
                    return false;
                }

                return Add(index, new ComputedSlot(KernelValueType.Number), slot => new BinaryNumberStep(binary, b[0], b[1], slot), out reason);
            case INumberComparisonKernel comparison:
                if (!TryNumberInputs(node, [comparison.InputParameters.X, comparison.InputParameters.Y], where, out var c, out reason))
                {
                    return false;
                }

                return Add(index, new ComputedSlot(KernelValueType.Boolean), slot => new ComparisonStep(comparison, c[0], c[1], slot), out reason);
            default:
                reason = $"{where} has no element-wise kernel";
                return false;
        }
    }

    private bool TryAddMasked(int index, CompiledNode node, IMaskedKernel kernel, string where, [NotNullWhen(false)] out string? reason)
    {
        if (!TryInputs(node, kernel.MaskedInputs, where, out var inputs, out reason))
        {
            return false;
        }

        Span<KernelValueType> types = stackalloc KernelValueType[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            types[i] = _slots[inputs[i]].Type;
        }

        if (kernel.ResultType(types, out var why) is not { } type)
        {
            reason = $"{where}: {why}";
            return false;
        }

        return Add(index, new ComputedSlot(type), slot => new MaskedStep(kernel, inputs, slot), out reason);
    }

    private bool TryNumberInputs(CompiledNode node, string[] names, string where, [NotNullWhen(true)] out int[]? inputs, [NotNullWhen(false)] out string? reason)
    {
        if (!TryInputs(node, names, where, out inputs, out reason))
        {
            return false;
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            if (_slots[inputs[i]].Type == KernelValueType.Boolean)
            {
                // The dynamic path rejects a boolean where a number is expected (or compares it as unequal).
                reason = $"{where} receives a boolean for '{names[i]}'";
                inputs = null;
                return false;
            }
        }

        return true;
    }

    /// <summary>Slots for the named parameters; refuses arguments the kernel does not read element-wise (e.g. <c>eq</c>'s <c>delta</c>).</summary>
    private bool TryInputs(CompiledNode node, IReadOnlyList<string> names, string where, [NotNullWhen(true)] out int[]? inputs, [NotNullWhen(false)] out string? reason)
    {
        inputs = null;
        foreach (var (name, _) in node.Arguments)
        {
            if (!names.Contains(name))
            {
                reason = $"{where} is given '{name}', which its kernel does not take element-wise";
                return false;
            }
        }

        var result = new int[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            if (!TrySlot(node, names[i], where, out result[i], out reason))
            {
                return false;
            }
        }

        inputs = result;
        reason = null;
        return true;
    }

    /// <summary>The slot for one parameter: its argument, or its declared default when omitted.</summary>
    private bool TrySlot(CompiledNode node, string name, string where, out int slot, [NotNullWhen(false)] out string? reason)
    {
        var argument = node.Arguments.FirstOrDefault(a => a.Key == name).Value;
        int? found;
        string? why;
        if (argument is null)
        {
            found = ConstantSlot(node.Process.Definition.FindParameter(name)?.Default ?? Value.NoData);
            why = "its default is not a number or boolean";
        }
        else
        {
            found = SlotOf(argument, out why);
        }

        slot = found ?? -1;
        reason = found is null ? $"{where}, argument '{name}': {why}" : null;
        return found is not null;
    }

    /// <summary>A process with per-call options (<c>round</c>'s p, <c>clip</c>'s bounds): options bind once, x is a span.</summary>
    private bool TryAddOptionKernel(int index, CompiledNode node, IOptionNumberKernel kernel, string where, [NotNullWhen(false)] out string? reason)
    {
        var options = new Dictionary<string, Value>(StringComparer.Ordinal);
        foreach (var parameter in node.Process.Definition.Parameters)
        {
            if (parameter.Name != kernel.InputParameter && parameter.Default is { } declared)
            {
                options[parameter.Name] = declared;
            }
        }

        foreach (var (name, argument) in node.Arguments)
        {
            if (name == kernel.InputParameter)
            {
                continue;
            }

            if (ConstantOf(argument, out var why) is not { } value)
            {
                reason = $"{where}, option '{name}': {why}";
                return false;
            }

            options[name] = value;
        }

        if (kernel.Bind(options, out var bindProblem) is not { } bound)
        {
            reason = $"{where}: {bindProblem}";
            return false;
        }

        if (!TrySlot(node, kernel.InputParameter, where, out var x, out reason))
        {
            return false;
        }

        if (_slots[x].Type == KernelValueType.Boolean)
        {
            reason = $"{where} receives a boolean for '{kernel.InputParameter}'";
            return false;
        }

        return Add(index, new ComputedSlot(KernelValueType.Number), slot => new UnaryNumberStep(bound, x, slot), out reason);
    }

    /// <summary>The value of an argument that is the same for every element (a literal or a non-span parameter).</summary>
    private Value? ConstantOf(CompiledArgument argument, out string? reason)
    {
        reason = null;
        switch (argument)
        {
            case LiteralBinding literal:
                return literal.Value;
            case ParameterBinding parameter when parameter.Name != _forbiddenParameter && IndexOf(_spanParameters, parameter.Name) < 0:
                try
                {
                    return _scope.Resolve(parameter.Name);
                }
                catch (OpenEoException e)
                {
                    reason = e.Message;
                    return null;
                }

            default:
                reason = "it varies per element, but options must be the same for every element";
                return null;
        }
    }

    private int? SlotOf(CompiledArgument argument, out string? reason)
    {
        reason = null;
        switch (argument)
        {
            case LiteralBinding literal:
                var constant = ConstantSlot(literal.Value);
                reason = constant is null ? $"a literal {literal.Value.TypeName} is not element-wise" : null;
                return constant;
            case NodeBinding node:
                return _nodeSlots[node.NodeIndex];
            case ParameterBinding parameter when parameter.Name == _forbiddenParameter:
                reason = $"the parameter '{parameter.Name}' is read outside the reducer";
                return null;
            case ParameterBinding parameter when IndexOf(_spanParameters, parameter.Name) is var position and >= 0:
                return position;
            case ParameterBinding parameter:
                Value value;
                try
                {
                    value = _scope.Resolve(parameter.Name);
                }
                catch (OpenEoException e)
                {
                    reason = e.Message;
                    return null;
                }

                var resolved = ConstantSlot(value);
                reason = resolved is null ? $"the parameter '{parameter.Name}' is a {value.TypeName}, not a number or boolean" : null;
                return resolved;
            default:
                reason = "arrays, objects and child process graphs are not element-wise";
                return null;
        }
    }

    private int? ConstantSlot(Value value)
    {
        FusionSlot? slot = value switch
        {
            NumberValue n => new ConstantSlot(KernelValueType.Number, n.Value, false),
            BooleanValue b => new ConstantSlot(KernelValueType.Boolean, 0, b.Value),
            NoDataValue => new ConstantSlot(KernelValueType.NoData, 0, false),
            _ => null,
        };
        if (slot is null)
        {
            return null;
        }

        _slots.Add(slot);
        return _slots.Count - 1;
    }

    private bool Add(int nodeIndex, FusionSlot slot, Func<int, FusedStep> step, out string? reason)
    {
        _slots.Add(slot);
        _nodeSlots[nodeIndex] = _slots.Count - 1;
        _steps.Add(step(_slots.Count - 1));
        reason = null;
        return true;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Nodes in dependency order (Kahn); only literal, node and parameter arguments are element-wise.</summary>
    private static List<int>? TopologicalOrder(CompiledGraph graph, out string? reason)
    {
        var count = graph.Nodes.Length;
        var pending = new int[count];
        var consumers = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            consumers[i] = [];
        }

        for (var i = 0; i < count; i++)
        {
            foreach (var (name, argument) in graph.Nodes[i].Arguments)
            {
                switch (argument)
                {
                    case NodeBinding dependency:
                        pending[i]++;
                        consumers[dependency.NodeIndex].Add(i);
                        break;
                    case LiteralBinding or ParameterBinding:
                        break;
                    default:
                        reason = $"node '{graph.Nodes[i].Id}' ({graph.Nodes[i].Process.Id}), argument '{name}': arrays, objects and child process graphs are not element-wise";
                        return null;
                }
            }
        }

        var ready = new Queue<int>(Enumerable.Range(0, count).Where(i => pending[i] == 0));
        var order = new List<int>(count);
        while (ready.TryDequeue(out var next))
        {
            order.Add(next);
            foreach (var consumer in consumers[next])
            {
                if (--pending[consumer] == 0)
                {
                    ready.Enqueue(consumer);
                }
            }
        }

        reason = null;
        return order;
    }
}
