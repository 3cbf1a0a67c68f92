using System.Text.Json.Nodes;
using OpenEoBridge.Storage;
using OpenEoBridge.Zarr.IO;
using OpenEoBridge.Zarr.Metadata;

namespace OpenEoBridge.Zarr.Hierarchy;

/// <summary>
/// A Zarr v2 or v3 group. Children are found in consolidated metadata when the store has it (no listing, no
/// per-child reads), otherwise by listing the store.
/// </summary>
public sealed class ZarrGroup
{
    private ZarrGroup(IStore store, NodeMetadata node, ZarrContext context)
    {
        Store = store;
        Node = node;
        Context = context;
    }

    public IStore Store { get; }

    public string Path => Node.Path;

    public int ZarrFormat => Node.ZarrFormat;

    public JsonObject Attributes => Node.Attributes;

    /// <summary>The consolidated snapshot in effect (own or inherited from the group it was opened through).</summary>
    public MetadataSnapshot? Consolidated => Node.Consolidated;

    public ZarrContext Context { get; }

    private NodeMetadata Node { get; }

    /// <summary>Opens the group at <paramref name="path"/> (root by default).</summary>
    public static async Task<ZarrGroup> OpenAsync(IStore store, string path = "", ZarrContext? context = null, CancellationToken cancellationToken = default)
    {
        context ??= ZarrContext.Shared;
        var node = await NodeMetadataReader.ReadAsync(store, path, null, context.Limits, cancellationToken).ConfigureAwait(false);
        return node.IsArray ? throw new ZarrMetadataException(node.Path, "is an array, not a group") : new ZarrGroup(store, node, context);
    }

    /// <summary>Creates a group and writes its metadata.</summary>
    public static async Task<ZarrGroup> CreateAsync(IStore store, string path = "", int zarrFormat = 3, JsonObject? attributes = null, ZarrContext? context = null, CancellationToken cancellationToken = default)
    {
        context ??= ZarrContext.Shared;
        path = NodeMetadataReader.NormalizePath(path);
        var attrs = (JsonObject?)attributes?.DeepClone() ?? [];
        if (zarrFormat == 3)
        {
            await store.SetAsync(StoreKey.Join(path, "zarr.json"), JsonHelpers.Serialize(GroupJson(attrs, null)), cancellationToken).ConfigureAwait(false);
        }
        else if (zarrFormat == 2)
        {
            await store.SetAsync(StoreKey.Join(path, ".zgroup"), JsonHelpers.Serialize(new JsonObject { ["zarr_format"] = 2 }), cancellationToken).ConfigureAwait(false);
            if (attrs.Count > 0)
            {
                await store.SetAsync(StoreKey.Join(path, ".zattrs"), JsonHelpers.Serialize(JsonHelpers.Sorted(attrs)!), cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            throw new ArgumentException($"Zarr format {zarrFormat} is not 2 or 3");
        }

        return new ZarrGroup(store, new NodeMetadata(path, zarrFormat, null, attrs, null), context);
    }

    /// <summary>Opens a child array by relative path (e.g. <c>precip</c> or <c>0/precip</c>).</summary>
    public async Task<ZarrArray> OpenArrayAsync(string name, CancellationToken cancellationToken = default)
    {
        var node = await ReadChildAsync(name, cancellationToken).ConfigureAwait(false);
        return ZarrArray.FromNode(Store, node, Context);
    }

    /// <summary>Opens a child group by relative path; it inherits this group's consolidated snapshot.</summary>
    public async Task<ZarrGroup> OpenGroupAsync(string name, CancellationToken cancellationToken = default)
    {
        var node = await ReadChildAsync(name, cancellationToken).ConfigureAwait(false);
        return node.IsArray
            ? throw new ZarrMetadataException(node.Path, "is an array, not a group")
            : new ZarrGroup(Store, node with { Consolidated = node.Consolidated ?? Consolidated }, Context);
    }

    /// <summary>Creates a child array; with <paramref name="writeMetadata"/> false, call <see cref="ZarrArray.CommitMetadataAsync"/> after writing data.</summary>
    public async Task<ZarrArray> CreateArrayAsync(string name, ArrayDefinition definition, bool writeMetadata = true, CancellationToken cancellationToken = default)
    {
        var definitionForFormat = definition with { ZarrFormat = ZarrFormat };
        var array = ZarrArray.Define(Store, ChildPath(name), definitionForFormat, Context);
        if (writeMetadata)
        {
            await array.CommitMetadataAsync(cancellationToken).ConfigureAwait(false);
        }

        return array;
    }

    public Task<ZarrGroup> CreateGroupAsync(string name, JsonObject? attributes = null, CancellationToken cancellationToken = default) =>
        CreateAsync(Store, ChildPath(name), ZarrFormat, attributes, Context, cancellationToken);

    /// <summary>
    /// Direct children (relative names) with whether each is an array: from consolidated metadata if present,
    /// otherwise by listing the store.
    /// </summary>
    public async Task<IReadOnlyList<(string Name, bool IsArray)>> ListChildrenAsync(CancellationToken cancellationToken = default)
    {
        var paths = new Dictionary<string, bool>(StringComparer.Ordinal);
        IEnumerable<string> keys;
        if (Consolidated is not null)
        {
            keys = Consolidated.Documents.Keys;
        }
        else
        {
            if (!Store.CanList)
            {
                throw new InvalidOperationException($"Store {Store.Location} cannot list and the group has no consolidated metadata");
            }

            var listed = new List<string>();
            await foreach (var key in Store.ListAsync(Path, cancellationToken).ConfigureAwait(false))
            {
                listed.Add(key);
            }

            keys = listed;
        }

        foreach (var key in keys)
        {
            var slash = key.LastIndexOf('/');
            var file = key[(slash + 1)..];
            if (file is not ("zarr.json" or ".zarray" or ".zgroup"))
            {
                continue;
            }

            var nodePath = slash < 0 ? "" : key[..slash];
            var relative = Path.Length == 0 ? nodePath : nodePath.StartsWith(Path + "/", StringComparison.Ordinal) ? nodePath[(Path.Length + 1)..] : null;
            if (string.IsNullOrEmpty(relative) || relative.Contains('/'))
            {
                continue;
            }

            var isArray = file == ".zarray" || (file == "zarr.json" && (Consolidated is not null && Consolidated.TryGet(key, out var doc)
                ? doc["node_type"]?.GetValue<string>() == "array"
                : (await NodeMetadataReader.ReadJsonAsync(Store, key, relative, null, Context.Limits, cancellationToken).ConfigureAwait(false))?["node_type"]?.GetValue<string>() == "array"));
            paths[relative] = isArray;
        }

        return [.. paths.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }

    /// <summary>
    /// Writes consolidated metadata for everything below this group: <c>.zmetadata</c> (v2) or the
    /// <c>consolidated_metadata</c> member of this group's <c>zarr.json</c> (v3). Call it last.
    /// </summary>
    public async Task ConsolidateMetadataAsync(CancellationToken cancellationToken = default)
    {
        var documents = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        await foreach (var key in Store.ListAsync(Path, cancellationToken).ConfigureAwait(false))
        {
            var file = key[(key.LastIndexOf('/') + 1)..];
            var relative = Path.Length == 0 ? key : key[(Path.Length + 1)..];
            if ((ZarrFormat == 2 && file is ".zarray" or ".zgroup" or ".zattrs") || (ZarrFormat == 3 && file == "zarr.json" && relative != "zarr.json"))
            {
                var doc = await NodeMetadataReader.ReadJsonAsync(Store, key, Path, null, Context.Limits, cancellationToken).ConfigureAwait(false);
                if (doc is not null)
                {
                    doc.Remove("consolidated_metadata");
                    documents[relative] = doc;
                }
            }
        }

        if (ZarrFormat == 2)
        {
            var metadata = new JsonObject();
            foreach (var (k, v) in documents)
            {
                metadata[k] = v;
            }

            var zmetadata = new JsonObject { ["metadata"] = metadata, ["zarr_consolidated_format"] = 1 };
            await Store.SetAsync(StoreKey.Join(Path, ".zmetadata"), JsonHelpers.Serialize(zmetadata), cancellationToken).ConfigureAwait(false);
            return;
        }

        var members = new JsonObject();
        foreach (var (k, v) in documents.OrderBy(p => p.Key.Count(c => c == '/')).ThenBy(p => p.Key.ToLowerInvariant(), StringComparer.Ordinal))
        {
            members[k[..^"/zarr.json".Length]] = v;
        }

        var group = GroupJson(Attributes, new JsonObject { ["kind"] = "inline", ["must_understand"] = false, ["metadata"] = members });
        await Store.SetAsync(StoreKey.Join(Path, "zarr.json"), JsonHelpers.Serialize(group), cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject GroupJson(JsonObject attributes, JsonObject? consolidated)
    {
        var json = new JsonObject { ["attributes"] = attributes.DeepClone(), ["zarr_format"] = 3 };
        if (consolidated is not null)
        {
            json["consolidated_metadata"] = consolidated;
        }

        json["node_type"] = "group";
        return json;
    }

    private string ChildPath(string name)
    {
        var relative = NodeMetadataReader.NormalizePath(name);
        return relative.Length == 0 ? throw new ArgumentException("Child name must not be empty") : StoreKey.Join(Path, relative);
    }

    private Task<NodeMetadata> ReadChildAsync(string name, CancellationToken cancellationToken) =>
        NodeMetadataReader.ReadAsync(Store, ChildPath(name), Consolidated, Context.Limits, cancellationToken);
}
