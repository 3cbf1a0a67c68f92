using System.Text.Json.Nodes;
using OpenEoBridge.Storage;

namespace OpenEoBridge.Geo.Demo;

/// <summary>
/// One synthetic demo store: its collection metadata, where it lives under the demo directory and how it is
/// written. Generation is deterministic (fixed seeds), so the same version always produces the same values.
/// </summary>
public abstract class DemoDataset
{
    /// <summary>Root-group attribute naming the generator and its version; a store without the current one is regenerated.</summary>
    public const string MarkerAttribute = "openeo_bridge:demo";

    public abstract string Id { get; }

    public abstract string Title { get; }

    /// <summary>Also written into the store's root attributes (<c>summary</c>).</summary>
    public abstract string Description { get; }

    /// <summary>SPDX identifier: the data are made up by this project and free of any rights.</summary>
    public virtual string License => "CC0-1.0";

    public abstract IReadOnlyList<string> Keywords { get; }

    /// <summary>Directory name of the store inside the demo directory (e.g. <c>chirps-demo.zarr</c>).</summary>
    public abstract string StoreName { get; }

    /// <summary>Bumped whenever the generator's output changes, so existing stores get regenerated.</summary>
    public abstract int GeneratorVersion { get; }

    /// <summary>The marker written into the root group's attributes, last of all metadata.</summary>
    public JsonObject Marker() => new() { ["id"] = Id, ["generator_version"] = GeneratorVersion };

    /// <summary>Writes the complete store (data, coordinates, attributes, consolidated metadata) into an empty store.</summary>
    public abstract Task WriteAsync(IStore store, CancellationToken cancellationToken);

    /// <summary>Whether the root attributes carry this generator's current marker.</summary>
    public bool HasCurrentMarker(JsonObject rootAttributes)
    {
        ArgumentNullException.ThrowIfNull(rootAttributes);
        return rootAttributes[MarkerAttribute] is JsonObject marker
            && marker["id"] is JsonValue id && id.TryGetValue<string>(out var idText) && idText == Id
            && marker["generator_version"] is JsonValue version && version.TryGetValue<int>(out var number) && number == GeneratorVersion;
    }
}
