using System.Net;
using System.Net.Sockets;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>
/// A store whose server accepts connections but never answers: the server starts without waiting for it, the
/// other collections are served, and the silent one is left out once the open timeout has passed.
/// </summary>
public sealed class SlowStoreTests : IDisposable
{
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);

    public SlowStoreTests() => _silent.Start();

    [Fact]
    public async Task A_store_that_never_answers_is_left_out_after_the_open_timeout()
    {
        var port = ((IPEndPoint)_silent.LocalEndpoint).Port;
        using var server = new CatalogServer(
            [
                ($"http://127.0.0.1:{port}/cube.zarr", "silent"),
                (Path.Combine(SharedPaths.ZarrFixtures, "v2", "xr_chirps_like.zarr"), "chirps"),
            ],
            new Dictionary<string, string?> { ["OpenEo:Catalog:OpenTimeout"] = "00:00:08" });

        // The server answers at once, and a collection does not wait for the others' stores. (The timeout is
        // generous so the first open of a healthy store, which loads PROJ on a busy machine, stays far below it.)
        var capabilities = await server.Client.GetAsync(CatalogServer.Api + "/");
        Assert.Equal(HttpStatusCode.OK, capabilities.StatusCode);
        await server.CollectionAsync("chirps");

        var listed = await server.GetValidAsync("/collections", "/collections");
        var failures = await server.Registry.FailuresAsync(default);
        Assert.True(!failures.ContainsKey("chirps"), failures.GetValueOrDefault("chirps"));
        Assert.Equal(["chirps"], listed.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Contains("took longer than", failures["silent"]);
    }

    public void Dispose() => _silent.Stop();
}
