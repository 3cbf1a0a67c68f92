using System.Collections.Immutable;
using System.Text.Json;

namespace OpenEoBridge.Processes.Contract;

/// <summary>
/// Process metadata in the official process schema, read from <c>openeo-spec/&lt;id&gt;.json</c> (embedded) for
/// predefined processes or from a user-defined process document. <see cref="Json"/> is the document as written,
/// for <c>GET /processes</c>.
/// </summary>
public sealed class ProcessDefinition
{
    private ProcessDefinition(string id, JsonElement json, ImmutableArray<ProcessParameterDefinition> parameters,
        ImmutableDictionary<string, ProcessExceptionDefinition> exceptions, JsonElement returnsSchema)
    {
        Id = id;
        Json = json;
        Parameters = parameters;
        Exceptions = exceptions;
        ReturnsSchema = returnsSchema;
    }

    public string Id { get; }

    public JsonElement Json { get; }

    public ImmutableArray<ProcessParameterDefinition> Parameters { get; }

    public ImmutableDictionary<string, ProcessExceptionDefinition> Exceptions { get; }

    public JsonElement ReturnsSchema { get; }

    public bool Experimental => Json.TryGetProperty("experimental", out var e) && e.ValueKind == JsonValueKind.True;

    public bool Deprecated => Json.TryGetProperty("deprecated", out var d) && d.ValueKind == JsonValueKind.True;

    public ProcessParameterDefinition? FindParameter(string name)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Name == name)
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>Parses a process document. <paramref name="idOverride"/> names processes whose document has no id (callbacks).</summary>
    public static ProcessDefinition FromJson(JsonElement json, string? idOverride = null)
    {
        var id = idOverride ?? (json.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : throw new FormatException("A process definition without an id."));
        var parameters = json.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Array
            ? [.. p.EnumerateArray().Select(ProcessParameterDefinition.FromJson)]
            : ImmutableArray<ProcessParameterDefinition>.Empty;
        var exceptions = ImmutableDictionary<string, ProcessExceptionDefinition>.Empty;
        if (json.TryGetProperty("exceptions", out var ex) && ex.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in ex.EnumerateObject())
            {
                var message = entry.Value.TryGetProperty("message", out var m) ? m.GetString() ?? entry.Name : entry.Name;
                var http = entry.Value.TryGetProperty("http", out var h) && h.TryGetInt32(out var status) ? status : 400;
                exceptions = exceptions.SetItem(entry.Name, new ProcessExceptionDefinition(entry.Name, message, http));
            }
        }

        var returnsSchema = json.TryGetProperty("returns", out var r) && r.TryGetProperty("schema", out var rs) ? rs.Clone() : default;
        return new ProcessDefinition(id, json.Clone(), parameters, exceptions, returnsSchema);
    }
}
