using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.Backend.Catalog;
using OpenEoBridge.Backend.Errors;
using OpenEoBridge.Backend.Hosting;

namespace OpenEoBridge.Backend.Api.Collections;

/// <summary>
/// openEO tag "EO Data Discovery": <c>GET /collections</c> (paged with <c>limit</c> and our own <c>offset</c>,
/// linked by <c>next</c>/<c>prev</c>/<c>first</c>), <c>GET /collections/{collection_id}</c> and its queryables.
/// </summary>
public sealed class CollectionsEndpoints : IOpenEoEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/collections", ListAsync);
        api.MapGet("/collections/{collection_id}", DescribeAsync);
        api.MapGet("/collections/{collection_id}/queryables", QueryablesAsync);
    }

    private static async Task ListAsync(HttpContext context, PublicUrls urls, CollectionRegistry registry)
    {
        var limit = QueryCount.Read(context.Request, "limit", minimum: 1);
        var offset = QueryCount.Read(context.Request, "offset", minimum: 0) ?? 0;
        var all = await registry.ListAsync(context.RequestAborted).ConfigureAwait(false);
        var links = new CollectionLinks(urls.ApiRoot(context.Request));
        var start = Math.Min(offset, all.Count);
        var end = limit is { } size ? (int)Math.Min((long)start + size, all.Count) : all.Count;
        var pageLinks = new JsonArray();
        if (limit is { } pageSize)
        {
            if (end < all.Count)
            {
                pageLinks.Add(PageLink("next", links, end, pageSize));
            }

            if (start > 0)
            {
                pageLinks.Add(PageLink("prev", links, Math.Max(0, start - pageSize), pageSize));
                pageLinks.Add(PageLink("first", links, 0, pageSize));
            }
        }

        var body = new JsonObject
        {
            ["collections"] = new JsonArray(all.Skip(start).Take(end - start).Select(c => (JsonNode)CollectionDocument.Build(c, links, full: false)).ToArray()),
            ["links"] = pageLinks,
        };
        await WriteAsync(context, body, "application/json").ConfigureAwait(false);
    }

    private static async Task DescribeAsync(HttpContext context, string collection_id, PublicUrls urls, CollectionRegistry registry)
    {
        var collection = await FindAsync(registry, collection_id, context.RequestAborted).ConfigureAwait(false);
        var body = CollectionDocument.Build(collection, new CollectionLinks(urls.ApiRoot(context.Request)), full: true);
        await WriteAsync(context, body, "application/json").ConfigureAwait(false);
    }

    private static async Task QueryablesAsync(HttpContext context, string collection_id, PublicUrls urls, CollectionRegistry registry)
    {
        var collection = await FindAsync(registry, collection_id, context.RequestAborted).ConfigureAwait(false);
        var body = QueryablesDocument.Build(collection, new CollectionLinks(urls.ApiRoot(context.Request)));
        await WriteAsync(context, body, "application/schema+json").ConfigureAwait(false);
    }

    private static async Task<LoadedCollection> FindAsync(CollectionRegistry registry, string id, CancellationToken cancellationToken) =>
        await registry.FindAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new OpenEoException("CollectionNotFound", $"Collection '{id}' does not exist (GET /collections lists the available ones).");

    private static JsonObject PageLink(string rel, CollectionLinks links, int offset, int limit) => new()
    {
        ["rel"] = rel,
        ["href"] = string.Create(CultureInfo.InvariantCulture, $"{links.Collections}?limit={limit}&offset={offset}"),
        ["type"] = "application/json",
    };

    private static Task WriteAsync(HttpContext context, JsonNode body, string contentType)
    {
        context.Response.ContentType = contentType;
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body), context.RequestAborted).AsTask();
    }
}
