using System.Text.Json.Nodes;
using OpenEoBridge.Backend.Catalog;

namespace OpenEoBridge.Backend.Api.Collections;

/// <summary>
/// <c>/collections/{id}/queryables</c>: a collection is one Zarr cube without items or item properties, so there is
/// nothing to filter on beyond the cube's dimensions; the schema says so (no properties, nothing else allowed).
/// </summary>
public static class QueryablesDocument
{
    public static JsonObject Build(LoadedCollection collection, CollectionLinks links)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(links);
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2019-09/schema",
            ["$id"] = links.Queryables(collection.Source.Id),
            ["type"] = "object",
            ["title"] = collection.Source.Title ?? collection.Source.Id,
            ["properties"] = new JsonObject(),
            ["additionalProperties"] = false,
        };
    }
}
