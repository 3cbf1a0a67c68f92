using System.Text.Json;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Contract;

/// <summary>A parameter of a process definition: name, optionality, default and JSON schema (one schema or a list of alternatives).</summary>
public sealed class ProcessParameterDefinition
{
    public ProcessParameterDefinition(string name, bool optional, Value? defaultValue, JsonElement schema)
    {
        Name = name;
        Optional = optional;
        Default = defaultValue;
        Schema = schema;
    }

    public string Name { get; }

    public bool Optional { get; }

    /// <summary>The declared default; null when the definition declares none.</summary>
    public Value? Default { get; }

    public JsonElement Schema { get; }

    public static ProcessParameterDefinition FromJson(JsonElement element)
    {
        var name = element.GetProperty("name").GetString() ?? throw new FormatException("A parameter without a name.");
        var optional = element.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True;
        Value? defaultValue = element.TryGetProperty("default", out var d) ? ValueJson.FromJson(d) : null;
        var schema = element.TryGetProperty("schema", out var s) ? s.Clone() : default;
        return new ProcessParameterDefinition(name, optional, defaultValue, schema);
    }
}
