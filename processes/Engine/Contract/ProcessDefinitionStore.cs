using System.Collections.Concurrent;
using System.Text.Json;

namespace OpenEoBridge.Processes.Contract;

/// <summary>
/// The predefined process definitions embedded from <c>openeo-spec/*.json</c> (resource name
/// <c>openeo-spec/&lt;id&gt;.json</c>): the single source of process metadata.
/// </summary>
public static class ProcessDefinitionStore
{
    private const string Prefix = "openeo-spec/";
    private static readonly ConcurrentDictionary<string, ProcessDefinition?> Cache = new(StringComparer.Ordinal);

    /// <summary>The ids of all embedded definitions.</summary>
    public static IReadOnlyList<string> EmbeddedIds { get; } = typeof(ProcessDefinitionStore).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static ProcessDefinition? TryGet(string id) => Cache.GetOrAdd(id, Load);

    public static ProcessDefinition Get(string id) =>
        TryGet(id) ?? throw new InvalidOperationException($"No process definition openeo-spec/{id}.json is embedded; every offered process needs one.");

    private static ProcessDefinition? Load(string id)
    {
        using var stream = typeof(ProcessDefinitionStore).Assembly.GetManifestResourceStream(Prefix + id + ".json");
        if (stream is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(stream);
        var definition = ProcessDefinition.FromJson(document.RootElement);
        if (definition.Id != id)
        {
            throw new InvalidOperationException($"openeo-spec/{id}.json declares the id '{definition.Id}'.");
        }

        return definition;
    }
}
