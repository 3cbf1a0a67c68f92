using System.Text;
using OpenEoBridge.Storage.Memory;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;
using OpenEoBridge.Zarr.IO;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>Corrupt or hostile input fails fast with an exception naming the array and chunk; never hangs (every call is guarded by a token).</summary>
public sealed class ZarrSafetyTests
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static async Task<(MemoryStore Store, ZarrArray Array)> WrittenAsync(System.Text.Json.Nodes.JsonObject? compressor = null, int format = 2)
    {
        var store = new MemoryStore();
        var array = await ZarrArray.CreateAsync(store, "precip", new ArrayDefinition
        {
            ZarrFormat = format,
            Shape = [8, 8],
            ChunkShape = [4, 4],
            DataType = ZarrDataType.Float32,
            Compressor = compressor,
        }, new ZarrContext(), Guard);
        await array.WriteAsync<float>(ArrayRegion.Whole([8, 8]), Enumerable.Range(0, 64).Select(i => (float)i).ToArray(), Guard);
        return (store, array);
    }

    private static async Task<ZarrChunkException> ReadFailsAsync(MemoryStore store, string path = "precip")
    {
        var array = await ZarrArray.OpenAsync(store, path, new ZarrContext(), Guard);
        return await Assert.ThrowsAsync<ZarrChunkException>(() => array.ReadAllAsync<float>(Guard));
    }

    [Fact]
    public async Task TruncatedChunkNamesArrayAndChunk()
    {
        var (store, _) = await WrittenAsync(CodecSpecs.V2Zstd(3));
        var bytes = (await store.GetAsync("precip/1.0"))!;
        await store.SetAsync("precip/1.0", bytes.AsMemory(0, bytes.Length / 2));
        var e = await ReadFailsAsync(store);
        Assert.Equal("precip", e.ArrayPath);
        Assert.Equal("precip/1.0", e.ChunkKey);
        Assert.Contains("precip/1.0", e.Message);
    }

    [Fact]
    public async Task BadBloscHeaderIsRefused()
    {
        var (store, _) = await WrittenAsync(CodecSpecs.V2Blosc("lz4", 5, 1));
        var bytes = (await store.GetAsync("precip/0.1"))!;
        bytes[0] = 7; // a Blosc format version that does not exist
        await store.SetAsync("precip/0.1", bytes);
        var e = await ReadFailsAsync(store);
        Assert.Equal("precip/0.1", e.ChunkKey);
    }

    [Fact]
    public async Task MetadataLyingAboutDtypeOrShapeIsDetected()
    {
        var (store, _) = await WrittenAsync(format: 2, compressor: CodecSpecs.V2Gzip(1));
        var zarray = Encoding.UTF8.GetString((await store.GetAsync("precip/.zarray"))!);
        await store.SetAsync("precip/.zarray", Encoding.UTF8.GetBytes(zarray.Replace("\"<f4\"", "\"<f8\"")));
        var e = await ReadFailsAsync(store);
        Assert.Contains("expected", e.Message);

        var (store2, _) = await WrittenAsync(format: 2, compressor: CodecSpecs.V2Gzip(1));
        var zarray2 = System.Text.Json.Nodes.JsonNode.Parse((await store2.GetAsync("precip/.zarray"))!)!;
        zarray2["chunks"] = new System.Text.Json.Nodes.JsonArray(4, 5);
        await store2.SetAsync("precip/.zarray", Encoding.UTF8.GetBytes(zarray2.ToJsonString()));
        await ReadFailsAsync(store2);
    }

    [Fact]
    public async Task ZstdBombIsStoppedBeforeAllocating()
    {
        var (store, _) = await WrittenAsync(CodecSpecs.V2Zstd(3));
        using var compressor = new ZstdSharp.Compressor(19);
        var bomb = compressor.Wrap(new byte[64 << 20]).ToArray(); // 64 MiB of zeros in a few KiB
        await store.SetAsync("precip/0.0", bomb);
        var e = await ReadFailsAsync(store);
        Assert.Equal("precip/0.0", e.ChunkKey);
    }

    [Fact]
    public async Task ChunkSizeOverflowAndPathTraversalAreRefused()
    {
        var store = new MemoryStore();
        await store.SetAsync("huge/.zarray", Encoding.UTF8.GetBytes("""{"zarr_format":2,"shape":[10],"chunks":[2147483647],"dtype":"<f8","compressor":null,"fill_value":0,"filters":null,"order":"C"}"""));
        await Assert.ThrowsAsync<ZarrMetadataException>(() => ZarrArray.OpenAsync(store, "huge", new ZarrContext(), Guard));
        await Assert.ThrowsAsync<OpenEoBridge.Storage.InvalidStoreKeyException>(() => ZarrArray.OpenAsync(store, "../etc", new ZarrContext(), Guard));
    }

    [Fact]
    public async Task DraftV3IcechunkAndPickleAreRefusedClearly()
    {
        var gdal = new MemoryStore();
        await gdal.SetAsync("zarr.json", Encoding.UTF8.GetBytes("""{"zarr_format":"https://purl.org/zarr/spec/protocol/core/3.0","metadata_encoding":"https://purl.org/zarr/spec/protocol/core/3.0"}"""));
        var e1 = await Assert.ThrowsAsync<ZarrUnsupportedException>(() => ZarrGroup.OpenAsync(gdal, "", new ZarrContext(), Guard));
        Assert.Contains("draft", e1.Message);

        var icechunk = new MemoryStore();
        await icechunk.SetAsync("repo", new byte[] { 1, 2, 3 });
        await icechunk.SetAsync("snapshots/ABC", new byte[] { 1 });
        var e2 = await Assert.ThrowsAsync<ZarrUnsupportedException>(() => ZarrGroup.OpenAsync(icechunk, "", new ZarrContext(), Guard));
        Assert.Contains("Icechunk", e2.Message);

        var pickle = new MemoryStore();
        await pickle.SetAsync(".zarray", Encoding.UTF8.GetBytes("""{"zarr_format":2,"shape":[2],"chunks":[2],"dtype":"|O","compressor":null,"fill_value":0,"filters":[{"id":"pickle"}],"order":"C"}"""));
        var e3 = await Assert.ThrowsAsync<ZarrUnsupportedException>(() => ZarrArray.OpenAsync(pickle, "", new ZarrContext(), Guard));
        Assert.Contains("pickle", e3.Message);
    }

    [Fact]
    public async Task CorruptShardIndexNamesTheShard()
    {
        var store = new MemoryStore();
        var array = await ZarrArray.CreateAsync(store, "s", new ArrayDefinition
        {
            Shape = [8, 8],
            ChunkShape = [8, 8],
            ShardInnerChunkShape = [4, 4],
            DataType = ZarrDataType.Float32,
        }, new ZarrContext(), Guard);
        await array.WriteAsync<float>(ArrayRegion.Whole([8, 8]), new float[64], Guard);
        await array.WriteAsync<float>(new ArrayRegion([0, 0], [1, 1]), new[] { 1f }, Guard);
        var shard = (await store.GetAsync("s/c/0/0"))!;
        shard[^10] ^= 0xFF; // inside the index: the crc32c no longer matches
        await store.SetAsync("s/c/0/0", shard);
        var e = await ReadFailsAsync(store, "s");
        Assert.Equal("s/c/0/0", e.ChunkKey);
        Assert.Contains("crc32c", e.Message);
    }

    [Fact]
    public async Task CancellationStopsAReadBlockedOnTheBudget()
    {
        var (store, _) = await WrittenAsync(CodecSpecs.V2Zstd(1));
        var context = new ZarrContext(new ZarrContextOptions { MemoryBudgetBytes = 64, CacheBytes = 0 });
        await context.Budget.AcquireAsync(64, CancellationToken.None); // someone else holds the whole budget
        var array = await ZarrArray.OpenAsync(store, "precip", context, Guard);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => array.ReadAllAsync<float>(cts.Token));
        context.Budget.Release(64);
        Assert.Equal(0, context.Budget.CurrentBytes);
    }
}
