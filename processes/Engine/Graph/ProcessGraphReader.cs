using System.Collections.Immutable;
using System.Text.Json;
using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Graph;

/// <summary>
/// Parses process documents from JSON into the immutable model. Fails with <c>ProcessGraphInvalid</c> for JSON that
/// does not have the shape of a process graph and with <c>ProcessGraphComplexity</c> beyond <see cref="ComplexityLimits"/>.
/// </summary>
public sealed class ProcessGraphReader(ComplexityLimits? limits = null)
{
    private readonly ComplexityLimits _limits = limits ?? ComplexityLimits.Default;
    private int _nodes;
    private int _literalElements;

    public static JsonDocumentOptions JsonOptions => new() { MaxDepth = ComplexityLimits.JsonMaxDepth };

    /// <summary>Parses text; with <paramref name="nonFinite"/> = bare tokens, NaN/Infinity literals are accepted.</summary>
    public static ProcessDocument ParseDocument(string json, NonFiniteNumbers nonFinite = NonFiniteNumbers.Reject, ComplexityLimits? limits = null)
    {
        if (nonFinite == NonFiniteNumbers.AsBareTokens)
        {
            json = NonFiniteJson.Rewrite(json);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw OpenEoErrors.ProcessGraphInvalid($"the request is not valid JSON ({e.Message})");
        }

        using (document)
        {
            return new ProcessGraphReader(limits).ReadDocument(document.RootElement);
        }
    }

    /// <summary>Reads a process (an object with <c>process_graph</c> and optional metadata).</summary>
    public ProcessDocument ReadDocument(JsonElement element) => ReadDocument(element, depth: 0, "process");

    private ProcessDocument ReadDocument(JsonElement element, int depth, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw OpenEoErrors.ProcessGraphInvalid($"{where} must be an object.");
        }

        if (depth > _limits.MaxGraphDepth)
        {
            throw OpenEoErrors.ProcessGraphComplexity($"child process graphs are nested deeper than {_limits.MaxGraphDepth} levels.");
        }

        var metadata = ImmutableArray.CreateBuilder<KeyValuePair<string, JsonElement>>();
        ProcessGraph? graph = null;
        var graphIndex = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "process_graph")
            {
                if (graph is not null)
                {
                    throw OpenEoErrors.ProcessGraphInvalid($"{where} has the key 'process_graph' twice.");
                }

                graphIndex = metadata.Count;
                graph = ReadGraph(property.Value, depth);
            }
            else
            {
                metadata.Add(new(property.Name, property.Value.Clone()));
            }
        }

        if (graph is null)
        {
            throw depth == 0 ? OpenEoErrors.ProcessGraphMissing() : OpenEoErrors.ProcessGraphInvalid($"{where} has no 'process_graph'.");
        }

        return new ProcessDocument(graph) { Metadata = metadata.ToImmutable(), GraphKeyIndex = graphIndex };
    }

    private ProcessGraph ReadGraph(JsonElement element, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw OpenEoErrors.ProcessGraphInvalid("'process_graph' must be an object of nodes.");
        }

        var nodes = ImmutableArray.CreateBuilder<ProcessNode>();
        foreach (var property in element.EnumerateObject())
        {
            if (++_nodes > _limits.MaxNodes)
            {
                throw OpenEoErrors.ProcessGraphComplexity($"the process graph has more than {_limits.MaxNodes} nodes.");
            }

            nodes.Add(ReadNode(property.Name, property.Value, depth));
        }

        return new ProcessGraph(nodes.ToImmutable());
    }

    private ProcessNode ReadNode(string id, JsonElement element, int depth)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw OpenEoErrors.ProcessGraphInvalid($"node '{id}' must be an object.");
        }

        string? processId = null;
        ImmutableArray<KeyValuePair<string, Argument>>? arguments = null;
        string? ns = null, description = null;
        bool nsSpecified = false, descriptionSpecified = false, result = false, resultSpecified = false;
        var unknown = ImmutableArray.CreateBuilder<KeyValuePair<string, JsonElement>>();
        var order = ImmutableArray.CreateBuilder<string>();
        foreach (var property in element.EnumerateObject())
        {
            order.Add(property.Name);
            var value = property.Value;
            switch (property.Name)
            {
                case "process_id":
                    processId = value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } pid
                        ? pid
                        : throw OpenEoErrors.ProcessGraphInvalid($"node '{id}' has a 'process_id' that is not a non-empty string.");
                    break;
                case "namespace":
                    nsSpecified = true;
                    ns = value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => value.GetString(),
                        _ => throw OpenEoErrors.ProcessGraphInvalid($"node '{id}' has a 'namespace' that is neither a string nor null."),
                    };
                    break;
                case "description":
                    descriptionSpecified = true;
                    description = value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.String => value.GetString(),
                        _ => throw OpenEoErrors.ProcessGraphInvalid($"node '{id}' has a 'description' that is neither a string nor null."),
                    };
                    break;
                case "result":
                    resultSpecified = true;
                    result = value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw OpenEoErrors.ProcessGraphInvalid($"node '{id}' has a 'result' that is not a boolean."),
                    };
                    break;
                case "arguments":
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        throw OpenEoErrors.ProcessGraphInvalid($"node '{id}' has 'arguments' that are not an object.");
                    }

                    arguments = [.. value.EnumerateObject().Select(a => new KeyValuePair<string, Argument>(a.Name, ReadArgument(a.Value, depth, valueDepth: 0)))];
                    break;
                default:
                    unknown.Add(new(property.Name, value.Clone()));
                    break;
            }
        }

        return new ProcessNode
        {
            Id = id,
            ProcessId = processId ?? throw OpenEoErrors.ProcessGraphInvalid($"node '{id}' has no 'process_id'."),
            Arguments = arguments ?? throw OpenEoErrors.ProcessGraphInvalid($"node '{id}' has no 'arguments'."),
            Namespace = ns,
            NamespaceSpecified = nsSpecified,
            Description = description,
            DescriptionSpecified = descriptionSpecified,
            IsResult = result,
            ResultSpecified = resultSpecified,
            UnknownKeys = unknown.ToImmutable(),
            KeyOrder = order.ToImmutable(),
        };
    }

    private Argument ReadArgument(JsonElement value, int depth, int valueDepth)
    {
        if (valueDepth > _limits.MaxValueDepth)
        {
            throw OpenEoErrors.ProcessGraphComplexity($"an argument nests arrays/objects deeper than {_limits.MaxValueDepth} levels.");
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (ValueJson.TryReadNonFiniteMarker(value, out var number))
                {
                    return new LiteralArgument(number);
                }

                if (value.TryGetProperty("from_node", out var fromNode))
                {
                    return fromNode.ValueKind == JsonValueKind.String
                        ? new FromNodeArgument(fromNode.GetString()!)
                        : throw OpenEoErrors.ProcessGraphInvalid("'from_node' must name a node.");
                }

                if (value.TryGetProperty("from_parameter", out var fromParameter))
                {
                    return fromParameter.ValueKind == JsonValueKind.String
                        ? new FromParameterArgument(fromParameter.GetString()!)
                        : throw OpenEoErrors.ProcessGraphInvalid("'from_parameter' must name a parameter.");
                }

                if (value.TryGetProperty("process_graph", out _))
                {
                    return new ProcessGraphArgument(ReadDocument(value, depth + 1, "a child process"));
                }

                CountElements(value.GetPropertyCount());
                var properties = value.EnumerateObject()
                    .Select(p => new KeyValuePair<string, Argument>(p.Name, ReadArgument(p.Value, depth, valueDepth + 1)))
                    .ToImmutableArray();
                return properties.All(p => p.Value is LiteralArgument)
                    ? new LiteralArgument(new ObjectValue([.. properties.Select(p => new KeyValuePair<string, Value>(p.Key, ((LiteralArgument)p.Value).Value))]))
                    : new ObjectArgument(properties);
            case JsonValueKind.Array:
                CountElements(value.GetArrayLength());
                var items = value.EnumerateArray().Select(v => ReadArgument(v, depth, valueDepth + 1)).ToImmutableArray();
                return items.All(i => i is LiteralArgument)
                    ? new LiteralArgument(new ArrayValue([.. items.Select(i => ((LiteralArgument)i).Value)]))
                    : new ArrayArgument(items);
            default:
                return new LiteralArgument(ValueJson.FromJson(value));
        }
    }

    private void CountElements(int count)
    {
        _literalElements += count;
        if (_literalElements > _limits.MaxLiteralElements)
        {
            throw OpenEoErrors.ProcessGraphComplexity($"the literals in the process graph have more than {_limits.MaxLiteralElements} elements in total.");
        }
    }
}
