using System.Text.Json.Nodes;
using OpenEoBridge.Storage;

namespace OpenEoBridge.Zarr.Metadata;

/// <summary>What a store path holds: an array (with its metadata) or a group (attributes plus any consolidated snapshot).</summary>
public sealed record NodeMetadata(string Path, int ZarrFormat, ArrayMetadata? Array, JsonObject Attributes, MetadataSnapshot? Consolidated)
{
    public bool IsArray => Array is not null;
}

/// <summary>
/// Consolidated metadata: full store keys (<c>a/b/.zarray</c>, <c>a/b/zarr.json</c>) mapped to their documents.
/// Used instead of store reads, falling back to the store for keys it does not hold.
/// </summary>
public sealed class MetadataSnapshot(IReadOnlyDictionary<string, JsonObject> documents, int zarrFormat)
{
    /// <summary>Format of the snapshot (2 = <c>.zmetadata</c>, 3 = inline <c>consolidated_metadata</c>).</summary>
    public int ZarrFormat { get; } = zarrFormat;

    public IReadOnlyDictionary<string, JsonObject> Documents { get; } = documents;

    public bool TryGet(string key, out JsonObject document)
    {
        if (Documents.TryGetValue(key, out var d))
        {
            document = (JsonObject)d.DeepClone();
            return true;
        }

        document = null!;
        return false;
    }

    /// <summary>Paths of the nodes the snapshot knows below (and excluding) <paramref name="groupPath"/>.</summary>
    public IEnumerable<string> NodePaths(string groupPath) => Documents.Keys
        .Select(k => k[..Math.Max(0, k.LastIndexOf('/'))])
        .Where(p => p != groupPath && (groupPath.Length == 0 || p.StartsWith(groupPath + "/", StringComparison.Ordinal)))
        .Distinct();
}

/// <summary>Reads node metadata of both formats, refusing drafts and Icechunk repositories with clear messages.</summary>
public static class NodeMetadataReader
{
    private const string GdalDraftFormat = "https://purl.org/zarr/spec/protocol/core/3.0";

    public static async Task<NodeMetadata> ReadAsync(IStore store, string path, MetadataSnapshot? snapshot, ZarrLimits limits, CancellationToken cancellationToken)
    {
        path = NormalizePath(path);

        // A v2 snapshot describes every node below it: no need to probe for v3 metadata (or absent .zattrs).
        var v2Snapshot = snapshot?.ZarrFormat == 2 ? snapshot : null;
        var v3 = v2Snapshot is not null ? null : await ReadJsonAsync(store, StoreKey.Join(path, "zarr.json"), path, snapshot, limits, cancellationToken).ConfigureAwait(false);
        if (v3 is not null)
        {
            return ParseV3(v3, path, limits);
        }

        var zarrayKey = StoreKey.Join(path, ".zarray");
        var zarray = await ReadJsonAsync(store, zarrayKey, path, snapshot, limits, cancellationToken).ConfigureAwait(false);
        if (zarray is not null)
        {
            var zattrsKey = StoreKey.Join(path, ".zattrs");
            var zattrs = v2Snapshot is not null && v2Snapshot.Documents.ContainsKey(zarrayKey)
                ? (v2Snapshot.TryGet(zattrsKey, out var cached) ? cached : null)
                : await ReadJsonAsync(store, zattrsKey, path, snapshot, limits, cancellationToken).ConfigureAwait(false);
            return new NodeMetadata(path, 2, ArrayMetadata.ParseV2(zarray, zattrs, path, limits), zattrs ?? [], null);
        }

        var consolidated = snapshot;
        var zmetadata = v2Snapshot is not null ? null : await ReadJsonAsync(store, StoreKey.Join(path, ".zmetadata"), path, null, limits, cancellationToken).ConfigureAwait(false);
        if (zmetadata is not null)
        {
            consolidated = ParseZmetadata(zmetadata, path);
        }

        var zgroup = await ReadJsonAsync(store, StoreKey.Join(path, ".zgroup"), path, consolidated, limits, cancellationToken).ConfigureAwait(false);
        if (zgroup is not null)
        {
            if (zgroup["zarr_format"]?.GetValue<int>() != 2)
            {
                throw new ZarrMetadataException(path, ".zgroup zarr_format must be 2");
            }

            var attrs = await ReadJsonAsync(store, StoreKey.Join(path, ".zattrs"), path, consolidated, limits, cancellationToken).ConfigureAwait(false);
            return new NodeMetadata(path, 2, null, attrs ?? [], consolidated);
        }

        await RefuseKnownNonZarrAsync(store, path, cancellationToken).ConfigureAwait(false);
        throw new ZarrMetadataException(path, $"no Zarr metadata (zarr.json, .zarray or .zgroup) in {store.Location}");
    }

    private static NodeMetadata ParseV3(JsonObject doc, string path, ZarrLimits limits)
    {
        var format = doc["zarr_format"];
        if (format is JsonValue fv && fv.TryGetValue<string>(out var formatText))
        {
            throw new ZarrUnsupportedException(formatText == GdalDraftFormat
                ? $"'{path}' is a pre-release Zarr v3 draft store (as written by GDAL 3.6 or zarr-python 2 experimental v3); only Zarr v2 and the final v3.0 are supported — rewrite it with GDAL ≥ 3.8 or zarr-python ≥ 3"
                : $"'{path}' declares unknown zarr_format '{formatText}'");
        }

        if (format?.GetValue<int>() != 3)
        {
            throw new ZarrMetadataException(path, $"zarr.json has zarr_format {format?.ToJsonString() ?? "missing"}, expected 3");
        }

        switch (doc["node_type"]?.GetValue<string>())
        {
            case "array":
                var array = ArrayMetadata.ParseV3(doc, path, limits);
                return new NodeMetadata(path, 3, array, array.Attributes, null);
            case "group":
                MetadataSnapshot? snapshot = null;
                if (doc["consolidated_metadata"] is JsonObject cm && cm["metadata"] is JsonObject members)
                {
                    var docs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
                    foreach (var (rel, child) in members)
                    {
                        if (child is JsonObject c)
                        {
                            docs[StoreKey.Join(StoreKey.Join(path, rel), "zarr.json")] = c;
                        }
                    }

                    snapshot = new MetadataSnapshot(docs, 3);
                }

                return new NodeMetadata(path, 3, null, doc["attributes"] as JsonObject ?? [], snapshot);
            default:
                throw new ZarrMetadataException(path, $"zarr.json node_type must be 'array' or 'group', got {doc["node_type"]?.ToJsonString() ?? "nothing"}");
        }
    }

    private static MetadataSnapshot ParseZmetadata(JsonObject zmetadata, string path)
    {
        if (zmetadata["metadata"] is not JsonObject metadata)
        {
            throw new ZarrMetadataException(path, ".zmetadata has no 'metadata' object");
        }

        var docs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            if (value is JsonObject o)
            {
                docs[StoreKey.Join(path, key)] = o;
            }
        }

        return new MetadataSnapshot(docs, 2);
    }

    private static async Task RefuseKnownNonZarrAsync(IStore store, string path, CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(StoreKey.Join(path, "repo"), cancellationToken).ConfigureAwait(false)
            || await store.ExistsAsync(StoreKey.Join(path, "refs/branch.main/ref.json"), cancellationToken).ConfigureAwait(false)
            || await store.ExistsAsync(StoreKey.Join(path, "config.yaml"), cancellationToken).ConfigureAwait(false) && await store.ExistsAsync(StoreKey.Join(path, "refs/branch.main/ref.json"), cancellationToken).ConfigureAwait(false))
        {
            throw new ZarrUnsupportedException($"'{store.Location}' is an Icechunk repository, not a plain Zarr store; open it through Icechunk (or export a Zarr copy) — Icechunk repositories are not supported");
        }

        if (await store.ExistsAsync(StoreKey.Join(path, "meta/root.group.json"), cancellationToken).ConfigureAwait(false))
        {
            throw new ZarrUnsupportedException($"'{store.Location}' is a pre-release Zarr v3 draft store (meta/root layout, as written by GDAL 3.6); only Zarr v2 and the final v3.0 are supported");
        }
    }

    /// <summary>Reads a metadata document from the snapshot or the store, with the size cap.</summary>
    public static async Task<JsonObject?> ReadJsonAsync(IStore store, string key, string path, MetadataSnapshot? snapshot, ZarrLimits limits, CancellationToken cancellationToken)
    {
        if (snapshot is not null && snapshot.TryGet(key, out var doc))
        {
            return doc;
        }

        var bytes = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        if (bytes.Length > limits.MaxMetadataBytes)
        {
            throw new ZarrMetadataException(path, $"'{key}' is {bytes.Length} bytes, above the metadata cap of {limits.MaxMetadataBytes}");
        }

        return JsonHelpers.ParseObject(bytes, path, key);
    }

    /// <summary>Strips slashes and validates a node path ('' = root).</summary>
    public static string NormalizePath(string path)
    {
        path = path.Trim('/');
        return path.Length == 0 ? path : StoreKey.Validate(path);
    }
}
