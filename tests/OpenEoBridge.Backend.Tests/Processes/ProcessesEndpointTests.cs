using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;
using OpenEoBridge.Processes.Library;

namespace OpenEoBridge.Backend.Tests.Processes;

/// <summary><c>GET /processes</c>: lists exactly the processes that evaluate, pages with <c>next</c> links, caches with ETags.</summary>
public sealed class ProcessesEndpointTests(ProcessesApplicationFactory factory) : IClassFixture<ProcessesApplicationFactory>
{
    private const string Path = "/openeo/1.2/processes";

    [Fact]
    public async Task Lists_exactly_the_processes_that_evaluate()
    {
        var document = await GetJsonAsync(Path);
        var ids = document["processes"]!.AsArray().Select(p => (string)p!["id"]!).ToArray();
        Assert.Equal(ProcessCatalogue.Predefined.Ids.ToArray(), ids);
        Assert.Empty(document["links"]!.AsArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?limit=5")]
    [InlineData("?limit=5&offset=5")]
    public async Task Responses_validate_against_openapi(string query)
    {
        var response = await factory.CreateClient().GetAsync(Path + query);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = ProcessesOpenApi.Instance.Validate("/processes", "get", (int)response.StatusCode, body);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_strict_openapi_rejects_every_plain_parameter_schema()
    {
        // Documents why ProcessesOpenApi relaxes process_json_schema: the unmodified document rejects even the
        // simplest process, so validating against it would prove nothing about our output.
        var e = JsonDocument.Parse("""
            {"processes": [{"id": "e", "description": "Euler's number.", "parameters": [],
              "returns": {"description": "e", "schema": {"type": "number"}}}], "links": []}
            """).RootElement;
        Assert.NotEmpty(OpenApiSpec.Instance.Validate("/processes", "get", 200, e));
        Assert.Empty(ProcessesOpenApi.Instance.Validate("/processes", "get", 200, e));
    }

    [Fact]
    public async Task Serves_the_definitions_from_openeo_spec_unchanged()
    {
        var document = await GetJsonAsync(Path);
        var served = document["processes"]!.AsArray().Single(p => (string?)p!["id"] == "array_modify")!;
        var stored = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(OpenEoBridge.TestSupport.SharedPaths.RepositoryRoot, "openeo-spec", "array_modify.json")));
        Assert.True(JsonNode.DeepEquals(stored, served));
    }

    [Fact]
    public async Task Limit_pages_through_every_process_by_next_links()
    {
        var client = factory.CreateClient();
        var seen = new List<string>();
        string? next = Path + "?limit=7";
        var pages = 0;
        while (next is not null)
        {
            var page = JsonNode.Parse(await client.GetStringAsync(next))!;
            var processes = page["processes"]!.AsArray();
            Assert.InRange(processes.Count, 1, 7);
            seen.AddRange(processes.Select(p => (string)p!["id"]!));
            next = page["links"]!.AsArray().FirstOrDefault(l => (string?)l!["rel"] == "next")?["href"]?.GetValue<string>();
            Assert.True(++pages < 100, "pagination does not end");
        }

        Assert.Equal(ProcessCatalogue.Predefined.Ids.ToArray(), seen.ToArray());
        Assert.Equal((seen.Count + 6) / 7, pages);
    }

    [Fact]
    public async Task A_matching_etag_gives_304_and_a_different_one_the_body()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync(Path);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, Path);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, Path);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", isWeak: true));
        var fresh = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        var page = await client.GetAsync(Path + "?limit=3");
        Assert.NotEqual(etag, page.Headers.ETag);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Compresses_when_the_client_accepts_it(string encoding)
    {
        var client = factory.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var response = await client.SendAsync(request);
        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        var compressed = await response.Content.ReadAsByteArrayAsync();

        var plain = await factory.CreateClient().GetByteArrayAsync(Path);
        Assert.True(compressed.Length * 4 < plain.Length, $"{encoding}: {compressed.Length} bytes for {plain.Length}");
        Stream decoder = encoding == "br"
            ? new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(plain, decoded.ToArray());
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=-1")]
    [InlineData("?limit=abc")]
    [InlineData("?offset=x")]
    public async Task Invalid_paging_values_are_a_clear_error(string query)
    {
        var response = await factory.CreateClient().GetAsync(Path + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("QueryParameterInvalid", (string?)error["code"]);
    }

    [Fact]
    public async Task An_empty_limit_means_everything()
    {
        var document = await GetJsonAsync(Path + "?limit=");
        Assert.Equal(ProcessCatalogue.Predefined.Ids.Count(), document["processes"]!.AsArray().Count);
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}

/// <summary>The back-end with a throw-away data directory.</summary>
public sealed class ProcessesApplicationFactory : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("oeb-processes-tests").FullName;

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
        builder.UseSetting("OpenEo:DataDirectory", _dataDirectory);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}
