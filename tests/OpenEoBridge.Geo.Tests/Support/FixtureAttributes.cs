using System.Text.Json;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Geo.Tests.Support;

/// <summary>Reads the attribute JSON of the shared Zarr fixtures directly (.zmetadata for v2, zarr.json for v3).</summary>
internal static class FixtureAttributes
{
    /// <summary>v2 consolidated metadata: key (e.g. "precip/.zattrs") to JSON.</summary>
    public static IReadOnlyDictionary<string, JsonElement> V2Consolidated(string store)
    {
        var path = Path.Combine(SharedPaths.ZarrFixtures, "v2", store, ".zmetadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    public static IReadOnlyDictionary<string, JsonElement> V2Attributes(string store, string array)
    {
        var metadata = V2Consolidated(store);
        var key = array.Length == 0 ? ".zattrs" : array + "/.zattrs";
        return metadata.TryGetValue(key, out var attrs) ? ToDictionary(attrs) : new Dictionary<string, JsonElement>();
    }

    /// <summary>v3 node metadata (zarr.json) of the store root or of a child path.</summary>
    public static JsonElement V3Node(string store, string path = "")
    {
        var file = Path.Combine(SharedPaths.ZarrFixtures, "v3", store, path, "zarr.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.Clone();
    }

    public static IReadOnlyDictionary<string, JsonElement> V3Attributes(string store, string path = "") =>
        V3Node(store, path).TryGetProperty("attributes", out var attrs) ? ToDictionary(attrs) : new Dictionary<string, JsonElement>();

    public static JsonElement Expected(string version, string store)
    {
        var file = Path.Combine(SharedPaths.ZarrFixtures, version, store.Replace(".zarr", string.Empty, StringComparison.Ordinal) + ".expected.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.Clone();
    }

    public static IReadOnlyDictionary<string, JsonElement> ToDictionary(JsonElement obj) =>
        obj.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
}

/// <summary>Variable descriptions of fixture stores, built from their metadata JSON only.</summary>
internal static class FixtureVariables
{
    public static IReadOnlyList<OpenEoBridge.Geo.Conventions.VariableDescription> V2(string store)
    {
        var metadata = FixtureAttributes.V2Consolidated(store);
        return metadata.Keys.Where(k => k.EndsWith("/.zarray", StringComparison.Ordinal))
            .Select(k => k[..^"/.zarray".Length])
            .Select(name => OpenEoBridge.Geo.Conventions.VariableDescription.FromZarrV2(
                name, metadata[name + "/.zarray"], FixtureAttributes.V2Attributes(store, name)))
            .ToArray();
    }

    /// <summary>The arrays directly inside <paramref name="group"/> of a v3 fixture store.</summary>
    public static IReadOnlyList<OpenEoBridge.Geo.Conventions.VariableDescription> V3(string store, string group = "")
    {
        var root = Path.Combine(OpenEoBridge.TestSupport.SharedPaths.ZarrFixtures, "v3", store, group);
        return Directory.GetDirectories(root).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, "zarr.json")))
            .Select(d => (Name: Path.GetFileName(d), Node: FixtureAttributes.V3Node(store, Path.Combine(group, Path.GetFileName(d)))))
            .Where(n => n.Node.GetProperty("node_type").GetString() == "array")
            .Select(n => OpenEoBridge.Geo.Conventions.VariableDescription.FromZarrV3(n.Name, n.Node))
            .ToArray();
    }
}
