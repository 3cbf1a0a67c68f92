using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Storage.S3;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Storage.Tests.S3;

/// <summary>Zarr fixture stores copied into a bucket come back key for key and byte for byte.</summary>
[Collection(SwiftCollection.Name)]
public sealed class S3ZarrFixtureTests(SwiftS3Server server)
{
    [Theory]
    [InlineData("v2/blosc_lz4_shuffle.zarr")]
    [InlineData("v2/xr_era5_like.zarr")]
    [InlineData("v3/sharded.zarr")]
    [InlineData("v3/xr_dataset_geozarr.zarr")]
    public async Task Fixture_copied_into_a_bucket_reads_back_identically(string fixture)
    {
        var source = new FileSystemStore(Path.Combine(SharedPaths.ZarrFixtures, fixture), writable: false);
        var keys = await source.ListAsync("").ToListAsync();
        Assert.NotEmpty(keys);
        var bucket = await server.CreateBucketAsync("zarr");
        var store = server.Store(bucket, "catalogue/" + Path.GetFileName(fixture));

        await CopyAsync(source, store, keys);

        var listed = await Eventually(() => store.ListAsync("").ToListAsync().AsTask(), l => l.Count == keys.Count);
        Assert.Equal(keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        foreach (var key in keys)
        {
            var expected = (await source.GetAsync(key))!;
            Assert.Equal(expected, await store.GetAsync(key));
            if (expected.Length > 16)
            {
                // what a sharded reader does: the index at the end, then one inner chunk
                Assert.Equal(expected[^16..], await store.GetRangeAsync(key, ByteRange.Suffix(16)));
                Assert.Equal(expected[3..11], await store.GetRangeAsync(key, ByteRange.Bounded(3, 8)));
            }
        }
    }

    internal static async Task CopyAsync(IStore source, S3Store target, IReadOnlyList<string> keys) =>
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, token) =>
            await target.SetAsync(key, (await source.GetAsync(key, token))!, token));

    internal static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        // Swift may update container listings asynchronously on a busy machine (its object-updater catches up).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(250);
        }
    }
}
