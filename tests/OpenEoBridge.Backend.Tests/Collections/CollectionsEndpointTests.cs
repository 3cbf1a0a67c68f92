using System.Net;
using System.Text.Json;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>
/// <c>/collections</c> over HTTP: stores that cannot be served are left out while the rest are served, unknown ids
/// answer 404 CollectionNotFound, pages are linked, local paths never reach clients, capabilities list the endpoints.
/// </summary>
public sealed class CollectionsEndpointTests : IDisposable
{
    private static readonly string Chirps = Path.Combine(SharedPaths.ZarrFixtures, "v2", "xr_chirps_like.zarr");
    private static readonly string Era5 = Path.Combine(SharedPaths.ZarrFixtures, "v2", "xr_era5_like.zarr");
    private static readonly string GeoZarr = Path.Combine(SharedPaths.ZarrFixtures, "v3", "xr_dataset_geozarr.zarr");

    private readonly string _broken = Directory.CreateTempSubdirectory("oeb-catalog-broken-").FullName;
    private readonly CatalogServer _server;

    public CollectionsEndpointTests()
    {
        File.WriteAllText(Path.Combine(_broken, "zarr.json"), "{ not json");
        _server = new CatalogServer(
        [
            (Chirps, "chirps"),
            (Path.Combine(_broken, "missing.zarr"), "missing"),
            (_broken, "broken"),
            (Era5, null),
            (Path.Combine(SharedPaths.ZarrFixtures, "v2", "xr_calendar_noleap.zarr"), "no-xy"),
            (GeoZarr, "geozarr"),
        ]);
    }

    [Fact]
    public async Task Stores_that_cannot_be_served_are_left_out_with_the_reason_and_the_others_are_served()
    {
        var body = await _server.GetValidAsync("/collections", "/collections");

        Assert.Equal(["chirps", "xr_era5_like", "geozarr"], body.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var failures = await _server.Registry.FailuresAsync(default);
        Assert.Equal(["broken", "missing", "no-xy"], failures.Keys.Order());
        Assert.Contains("no single x and y", failures["no-xy"]);
        Assert.All(failures.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("no-xy")]
    [InlineData("does-not-exist")]
    public async Task Unknown_or_unservable_ids_answer_404_CollectionNotFound(string id)
    {
        var response = await _server.Client.GetAsync($"{CatalogServer.Api}/collections/{id}");
        var error = await JsonAssert.ErrorAsync(response, 404, "CollectionNotFound", "/collections/{collection_id}");
        Assert.Contains(id, error.GetProperty("message").GetString());

        var queryables = await _server.Client.GetAsync($"{CatalogServer.Api}/collections/{id}/queryables");
        Assert.Equal(HttpStatusCode.NotFound, queryables.StatusCode);
    }

    [Fact]
    public async Task Limit_pages_through_every_collection_by_next_links()
    {
        var seen = new List<string>();
        var url = $"{CatalogServer.Api}/collections?limit=2";
        var pages = 0;
        while (url is not null)
        {
            var response = await _server.Client.GetAsync(url);
            var body = await JsonAssert.ValidResponseAsync(response, "/collections");
            var page = body.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray();
            Assert.InRange(page.Length, 1, 2);
            seen.AddRange(page);
            var links = body.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
            Assert.Equal(pages > 0, links.ContainsKey("prev"));
            url = links.TryGetValue("next", out var next) ? new Uri(next).PathAndQuery : null;
            pages++;
        }

        Assert.Equal(2, pages);
        Assert.Equal(["chirps", "xr_era5_like", "geozarr"], seen);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=x")]
    [InlineData("offset=-1")]
    public async Task Invalid_paging_parameters_are_client_errors(string query)
    {
        var response = await _server.Client.GetAsync($"{CatalogServer.Api}/collections?{query}");
        await JsonAssert.ErrorAsync(response, 400, "QueryParameterInvalid", "/collections");
    }

    [Fact]
    public async Task A_collection_is_a_stac_collection_with_links_and_no_local_path()
    {
        var collection = await _server.CollectionAsync("chirps");
        var text = collection.GetRawText();

        Assert.Equal("1.0.0", collection.GetProperty("stac_version").GetString());
        Assert.Equal("Collection", collection.GetProperty("type").GetString());
        Assert.Contains("https://stac-extensions.github.io/datacube/v2.2.0/schema.json", collection.GetProperty("stac_extensions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("CHIRPS-like test cube (synthetic)", collection.GetProperty("title").GetString());
        Assert.Equal("proprietary", collection.GetProperty("license").GetString());
        Assert.False(collection.TryGetProperty("assets", out _));
        Assert.DoesNotContain(SharedPaths.ZarrFixtures, text, StringComparison.Ordinal);
        Assert.DoesNotContain("file://", text, StringComparison.Ordinal);
        var links = collection.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
        Assert.Equal("http://localhost/openeo/1.2/collections/chirps", links["self"]);
        Assert.Equal("http://localhost/openeo/1.2/collections", links["root"]);
        Assert.Equal("http://localhost/openeo/1.2/collections", links["parent"]);
        Assert.False(links.ContainsKey("license"));

        var band = collection.GetProperty("summaries").GetProperty("bands")[0];
        Assert.Equal("precip", band.GetProperty("name").GetString());
        Assert.Equal("mm/day", band.GetProperty("unit").GetString());
        Assert.Equal(-9999, band.GetProperty("nodata").GetDouble());
        Assert.Equal("Climate Hazards group InfraRed Precipitation with Stations", collection.GetProperty("summaries").GetProperty("eo:bands")[0].GetProperty("description").GetString());
        Assert.Equal("P1D", collection.GetProperty("cube:dimensions").GetProperty("t").GetProperty("step").GetString());
    }

    [Fact]
    public async Task The_list_leaves_out_the_large_fields()
    {
        var body = await _server.GetValidAsync("/collections", "/collections");
        foreach (var collection in body.GetProperty("collections").EnumerateArray())
        {
            Assert.False(collection.TryGetProperty("cube:dimensions", out _));
            Assert.False(collection.TryGetProperty("summaries", out _));
            Assert.True(collection.TryGetProperty("extent", out _));
        }
    }

    [Fact]
    public async Task Queryables_are_an_empty_json_schema()
    {
        var response = await _server.Client.GetAsync($"{CatalogServer.Api}/collections/chirps/queryables");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.Empty(schema.GetProperty("properties").EnumerateObject());
        Assert.Equal("http://localhost/openeo/1.2/collections/chirps/queryables", schema.GetProperty("$id").GetString());
    }

    [Fact]
    public async Task Capabilities_list_the_collection_endpoints()
    {
        var capabilities = await _server.GetValidAsync("/", "/");
        var paths = capabilities.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToArray();
        Assert.Contains("/collections", paths);
        Assert.Contains("/collections/{collection_id}", paths);
        Assert.Contains("/collections/{collection_id}/queryables", paths);
    }

    public void Dispose()
    {
        _server.Dispose();
        Directory.Delete(_broken, recursive: true);
    }
}
