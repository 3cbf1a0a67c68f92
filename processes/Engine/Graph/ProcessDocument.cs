using System.Collections.Immutable;
using System.Text.Json;
using OpenEoBridge.Processes.Contract;

namespace OpenEoBridge.Processes.Graph;

/// <summary>
/// A process with a graph: the body of <c>/validation</c>, <c>process</c> of <c>/result</c> and jobs, a stored
/// user-defined process, or a callback argument. Metadata keys (<c>id</c>, <c>parameters</c>, <c>returns</c>, ...)
/// are kept as JSON in their original order around <c>process_graph</c>.
/// </summary>
public sealed record ProcessDocument(ProcessGraph Graph)
{
    /// <summary>All keys except <c>process_graph</c>, in order.</summary>
    public ImmutableArray<KeyValuePair<string, JsonElement>> Metadata { get; init; } = [];

    /// <summary>Position of <c>process_graph</c> among the keys (for writing back unchanged).</summary>
    public int GraphKeyIndex { get; init; }

    public string? Id => FindMetadata("id") is { ValueKind: JsonValueKind.String } id ? id.GetString() : null;

    public JsonElement? FindMetadata(string key)
    {
        foreach (var entry in Metadata)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The declared parameters (for defaults of <c>from_parameter</c> and calls of user-defined processes).</summary>
    public ImmutableArray<ProcessParameterDefinition> Parameters =>
        FindMetadata("parameters") is { ValueKind: JsonValueKind.Array } parameters
            ? [.. parameters.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String).Select(ProcessParameterDefinition.FromJson)]
            : [];
}
