using System.Collections.Concurrent;
using OpenEoBridge.Storage;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.TestSupport;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Hierarchy;
using OpenEoBridge.Zarr.IO;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>The store requests a read makes: inner chunks by byte range, consolidated metadata instead of listing.</summary>
public sealed class ZarrRequestShapeTests
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task OneInnerChunkOfAShardIsReadByRangeWithoutTheWholeShard()
    {
        var store = new CountingStore(new FileSystemStore(Path.Combine(SharedPaths.ZarrFixtures, "v3", "sharded.zarr"), writable: false));
        var array = await ZarrArray.OpenAsync(store, "", new ZarrContext(), Guard);
        store.Reset();
        var one = await array.ReadAsync<float>(new ArrayRegion([0, 0, 8], [1, 1, 1]), Guard);
        Assert.Single(one);
        Assert.DoesNotContain(store.Gets, k => k.StartsWith("c/", StringComparison.Ordinal));
        Assert.Equal(2, store.RangeGets.Count); // the index (suffix) and the one inner chunk
        Assert.Contains(store.RangeGets, r => r.Range.IsSuffix);

        // A second inner chunk of the same shard reuses the cached index: one more range request only.
        store.Reset();
        await array.ReadAsync<float>(new ArrayRegion([0, 5, 0], [1, 1, 1]), Guard);
        Assert.Single(store.RangeGets);
        Assert.False(store.RangeGets.Single().Range.IsSuffix);

        // An empty inner chunk (offset/nbytes 2^64-1 in the index) costs no request and reads as fill (NaN).
        store.Reset();
        var empty = await array.ReadAsync<float>(new ArrayRegion([0, 0, 0], [1, 1, 1]), Guard);
        Assert.Empty(store.RangeGets);
        Assert.True(float.IsNaN(empty[0]));
    }

    [Fact]
    public async Task ConsolidatedGroupsOpenChildrenWithoutListingOrPerChildReads()
    {
        foreach (var fixture in new[] { "v2/xr_chirps_like.zarr", "v3/xr_dataset_geozarr.zarr" })
        {
            var store = new CountingStore(new FileSystemStore(Path.Combine(SharedPaths.ZarrFixtures, fixture), writable: false));
            var group = await ZarrGroup.OpenAsync(store, "", new ZarrContext(), Guard);
            store.Reset();
            var children = await group.ListChildrenAsync(Guard);
            Assert.Contains(children, c => c.Name == "precip" && c.IsArray);
            var precip = await group.OpenArrayAsync("precip", Guard);
            Assert.Equal(3, precip.Rank);
            Assert.Equal(0, store.Lists);
            Assert.Empty(store.Gets);
        }
    }

    private sealed class CountingStore(IStore inner) : IStore
    {
        public ConcurrentBag<string> Gets { get; private set; } = [];

        public ConcurrentBag<(string Key, ByteRange Range)> RangeGets { get; private set; } = [];

        public int Lists { get; private set; }

        public string Location => inner.Location;

        public bool IsWritable => inner.IsWritable;

        public bool CanList => inner.CanList;

        public void Reset()
        {
            Gets = [];
            RangeGets = [];
            Lists = 0;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken = default)
        {
            Gets.Add(key);
            return inner.GetAsync(key, cancellationToken);
        }

        public ValueTask<byte[]?> GetRangeAsync(string key, ByteRange range, CancellationToken cancellationToken = default)
        {
            RangeGets.Add((key, range));
            return inner.GetRangeAsync(key, range, cancellationToken);
        }

        public ValueTask SetAsync(string key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default) => inner.SetAsync(key, value, cancellationToken);

        public ValueTask DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

        public ValueTask<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) => inner.ExistsAsync(key, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken = default)
        {
            Lists++;
            return inner.ListAsync(prefix, cancellationToken);
        }
    }
}
