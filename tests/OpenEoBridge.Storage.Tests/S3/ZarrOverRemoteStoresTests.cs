using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Storage.Http;
using OpenEoBridge.Storage.Resilience;
using OpenEoBridge.Storage.Tests.Support;
using OpenEoBridge.TestSupport;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Storage.Tests.S3;

/// <summary>
/// Zarr fixtures read through the Zarr library over a real S3 server and over plain HTTP agree exactly with the
/// fixtures' expected SHA-256 of every array.
/// </summary>
[Collection(SwiftCollection.Name)]
public sealed class ZarrOverRemoteStoresTests(SwiftS3Server server)
{
    public static TheoryData<string> Fixtures => new()
    {
        "v2/blosc_lz4_shuffle",
        "v2/xr_era5_like",
        "v3/sharded",
        "v3/xr_dataset_geozarr",
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Fixture_read_through_zarr_over_s3_matches_the_expected_hashes(string fixture)
    {
        var source = new FileSystemStore(Path.Combine(SharedPaths.ZarrFixtures, fixture + ".zarr"), writable: false);
        var keys = await source.ListAsync("").ToListAsync();
        var bucket = await server.CreateBucketAsync("zarr-read");
        await S3ZarrFixtureTests.CopyAsync(source, server.Store(bucket, "cubes/x.zarr"), keys);
        var store = server.Store(bucket, "cubes/x.zarr", writable: false);

        await AssertArraysMatchAsync(fixture, store);
        Assert.Equal(0, store.Metrics.Snapshot().FailedRequests);
    }

    [Theory]
    [InlineData("v2/blosc_lz4_shuffle", true)]
    [InlineData("v3/sharded", true)]
    [InlineData("v3/sharded", false)]
    public async Task Fixture_read_through_zarr_over_http_matches_the_expected_hashes(string fixture, bool serverSupportsRange)
    {
        var folder = Path.Combine(SharedPaths.ZarrFixtures, fixture + ".zarr");
        await using var files = new StaticFileServer(serverSupportsRange);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            files.Add("data/x.zarr/" + Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'), await File.ReadAllBytesAsync(file));
        }

        using var client = new HttpClient();
        var store = new HttpStore(new Uri(files.BaseUri, "data/x.zarr/"), client, limits: new EndpointConcurrencyLimits());

        await AssertArraysMatchAsync(fixture, store);
        Assert.Equal(!serverSupportsRange && fixture.StartsWith("v3/sharded", StringComparison.Ordinal), store.RangesIgnored);
    }

    private static async Task AssertArraysMatchAsync(string fixture, IStore store)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedPaths.ZarrFixtures, fixture + ".expected.json")))!["arrays"]!.AsObject();
        Assert.NotEmpty(expected);
        ZarrGroup? root = null;
        foreach (var (path, node) in expected)
        {
            ZarrArray array;
            if (path.Length == 0)
            {
                array = await ZarrArray.OpenAsync(store, "", cancellationToken: timeout.Token);
            }
            else
            {
                root ??= await ZarrGroup.OpenAsync(store, "", cancellationToken: timeout.Token);
                array = await root.OpenArrayAsync(path, timeout.Token);
            }

            if (array.DataType.IsVariableLength)
            {
                continue;
            }

            var region = ArrayRegion.Whole(array.Shape);
            var raw = new byte[region.ElementCount * array.DataType.ItemSize];
            await array.ReadRawAsync(region, raw, timeout.Token);
            Assert.True(
                node!["sha256_le_c_order"]!.GetValue<string>() == Convert.ToHexStringLower(SHA256.HashData(raw)),
                $"{fixture} array '{path}' read over {store.Location} differs from the fixture");
        }
    }
}
