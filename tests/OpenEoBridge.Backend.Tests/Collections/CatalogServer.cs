using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenEoBridge.Backend.Catalog;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>A test server whose catalogue serves the given sources (demo data off unless asked for).</summary>
internal sealed class CatalogServer : IDisposable
{
    public const string Api = "/openeo/1.2";

    private readonly TempDirectory _data = new();

    public CatalogServer(IEnumerable<(string Location, string? Id)> sources, IDictionary<string, string?>? settings = null, TimeProvider? time = null, bool demo = false)
    {
        var all = new Dictionary<string, string?> { ["OpenEo:Catalog:Demo"] = demo ? "true" : "false" };
        var index = 0;
        foreach (var (location, id) in sources)
        {
            all[$"OpenEo:Catalog:Sources:{index}:Location"] = location;
            if (id is not null)
            {
                all[$"OpenEo:Catalog:Sources:{index}:Id"] = id;
            }

            index++;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Factory = new OpenEoAppFactory(_data.Path, all, time is null ? null : services => services.AddSingleton(time));
        Client = Factory.CreateClient();
    }

    public OpenEoAppFactory Factory { get; }

    public HttpClient Client { get; }

    public string DataDirectory => _data.Path;

    public CollectionRegistry Registry => Factory.Services.GetRequiredService<CollectionRegistry>();

    /// <summary>GET below the API root; the body must match openapi.yaml for <paramref name="specPath"/>.</summary>
    public async Task<JsonElement> GetValidAsync(string path, string specPath)
    {
        var response = await Client.GetAsync(Api + path);
        if (!response.IsSuccessStatusCode)
        {
            var failures = await Registry.FailuresAsync(default);
            Assert.Fail($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}; sources left out: {string.Join("; ", failures.Select(f => $"{f.Key}: {f.Value}"))}");
        }

        return await JsonAssert.ValidResponseAsync(response, specPath);
    }

    public Task<JsonElement> CollectionAsync(string id) => GetValidAsync("/collections/" + id, "/collections/{collection_id}");

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        _data.Dispose();
    }
}
