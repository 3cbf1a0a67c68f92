using System.Numerics;
using System.Text.Json.Nodes;
using OpenEoBridge.Storage.Memory;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;
using OpenEoBridge.Zarr.IO;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>
/// Whole chunks of Blosc arrays are decoded straight into the caller's buffer (block by block, unshuffled into
/// their rows). Every read is compared with the values written and with the cached path of the same store.
/// </summary>
public sealed class ZarrDirectReadTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(2);

    public static TheoryData<string, int, int> Layouts => new()
    {
        // shuffle, Blosc block size (0 = c-blosc's choice; small ones make rows span blocks and blocks span rows), typesize
        { "shuffle", 0, 4 },
        { "shuffle", 256, 4 },
        { "shuffle", 1000, 4 },
        { "shuffle", 4096, 8 },
        { "shuffle", 200, 2 },
        { "bitshuffle", 0, 4 },
        { "noshuffle", 0, 4 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task WholeChunksReadStraightIntoTheBufferMatchTheWrittenValues(string shuffle, int blockSize, int typeSize)
    {
        using var timeout = new CancellationTokenSource(Guard);
        var shape = new long[] { 23, 37, 70 };   // edge chunks on every axis
        var chunks = new[] { 5, 9, 70 };
        switch (typeSize)
        {
            case 2:
                await CheckAsync<short>(ZarrDataType.Int16, i => (short)((i * 7) % 30011), shape, chunks, shuffle, blockSize, timeout.Token);
                break;
            case 4:
                await CheckAsync<float>(ZarrDataType.Float32, i => i % 11 == 0 ? 0f : MathF.Round(i * 0.37f, 1), shape, chunks, shuffle, blockSize, timeout.Token);
                break;
            default:
                await CheckAsync<double>(ZarrDataType.Float64, i => Math.Sin(i) * 1000, shape, chunks, shuffle, blockSize, timeout.Token);
                break;
        }
    }

    [Fact]
    public async Task OneDimensionalAndRowSpanningChunksReadCorrectly()
    {
        using var timeout = new CancellationTokenSource(Guard);
        await CheckAsync<int>(ZarrDataType.Int32, i => (int)(i * 31), [1000], [128], "shuffle", 64, timeout.Token);
        await CheckAsync<float>(ZarrDataType.Float32, i => i, [6, 4, 3, 200], [2, 4, 3, 200], "shuffle", 512, timeout.Token);
    }

    [Fact]
    public async Task DirectReadsBypassTheCacheButUseAChunkAlreadyCached()
    {
        using var timeout = new CancellationTokenSource(Guard);
        var (store, values) = await WriteAsync<float>(ZarrDataType.Float32, i => i, [40, 30], [10, 30], "shuffle", 0, timeout.Token);
        var context = new ZarrContext();
        var array = await ZarrArray.OpenAsync(store, "a", context, timeout.Token);

        // A partial read of chunk 0 caches it; the whole read then copies that chunk and decodes the other 3 directly.
        Assert.Equal(values[..5], await array.ReadAsync<float>(new ArrayRegion([0, 0], [1, 5]), timeout.Token));
        Assert.Equal(1, context.Cache.Count);
        Assert.Equal(values, await array.ReadAllAsync<float>(timeout.Token));
        Assert.Equal(4, context.ChunkDecodes);
        Assert.Equal(1, context.Cache.Count);
        Assert.Equal(context.Cache.Bytes, context.Budget.CurrentBytes);
    }

    [Fact]
    public async Task ScansLargerThanTheCacheStreamPastIt()
    {
        using var timeout = new CancellationTokenSource(Guard);
        var (store, values) = await WriteAsync<float>(ZarrDataType.Float32, i => i, [40, 30], [10, 30], "shuffle", 0, timeout.Token);
        var context = new ZarrContext(new ZarrContextOptions { CacheBytes = 2 * 10 * 30 * 4 });
        var array = await ZarrArray.OpenAsync(store, "a", context, timeout.Token);

        // Four chunks do not fit a two-chunk cache: visited, decoded, not cached, budget back to zero.
        var visited = 0;
        await array.ForEachChunkAsync(ArrayRegion.Whole(array.Shape), (_, chunk, _) =>
        {
            Assert.NotNull(chunk);
            Interlocked.Increment(ref visited);
            return ValueTask.CompletedTask;
        }, timeout.Token);
        Assert.Equal(4, visited);
        Assert.Equal(0, context.Cache.Count);
        Assert.Equal(0, context.Budget.CurrentBytes);

        // Two chunks fit: cached, and read again without decoding.
        var rows = new ArrayRegion([10, 0], [20, 29]);
        var first = await array.ReadAsync<float>(rows, timeout.Token);
        Assert.Equal(2, context.Cache.Count);
        var decodes = context.ChunkDecodes;
        Assert.Equal(first, await array.ReadAsync<float>(rows, timeout.Token));
        Assert.Equal(decodes, context.ChunkDecodes);
        Assert.Equal(values[(10 * 30)..((10 * 30) + 29)], first[..29]);
    }

    [Fact]
    public async Task MissingChunksReadAsFillOnTheDirectPath()
    {
        using var timeout = new CancellationTokenSource(Guard);
        var store = new MemoryStore();
        var definition = new ArrayDefinition { Shape = [20, 8], ChunkShape = [5, 8], DataType = ZarrDataType.Float32, ZarrFormat = 2, FillValue = FillValue.FromDouble(ZarrDataType.Float32, -9) };
        var array = await ZarrArray.CreateAsync(store, "a", definition, new ZarrContext(), timeout.Token);
        await array.WriteAsync<float>(new ArrayRegion([5, 0], [5, 8]), Enumerable.Repeat(1f, 40).ToArray(), timeout.Token);

        var read = await (await ZarrArray.OpenAsync(store, "a", new ZarrContext(), timeout.Token)).ReadAllAsync<float>(timeout.Token);
        Assert.All(read[..40], v => Assert.Equal(-9f, v));
        Assert.All(read[40..80], v => Assert.Equal(1f, v));
        Assert.All(read[80..], v => Assert.Equal(-9f, v));
    }

    [Fact]
    public async Task CorruptChunkOnTheDirectPathNamesTheChunk()
    {
        using var timeout = new CancellationTokenSource(Guard);
        var (store, _) = await WriteAsync<float>(ZarrDataType.Float32, i => i % 13, [20, 50], [10, 50], "shuffle", 0, timeout.Token);
        var truncated = (await store.GetAsync("a/1.0", timeout.Token))!;
        await store.SetAsync("a/1.0", truncated[..^7], timeout.Token);
        var lying = (await store.GetAsync("a/0.0", timeout.Token))!;
        var firstBlock = BitConverter.ToInt32(lying, 16);
        BitConverter.TryWriteBytes(lying.AsSpan(firstBlock), int.MaxValue);   // first stream claims 2 GB
        await store.SetAsync("a/0.0", lying, timeout.Token);

        var array = await ZarrArray.OpenAsync(store, "a", new ZarrContext(), timeout.Token);
        var e = await Assert.ThrowsAsync<ZarrChunkException>(() => array.ReadAsync<float>(new ArrayRegion([10, 0], [10, 50]), timeout.Token));
        Assert.Equal("a/1.0", e.ChunkKey);
        e = await Assert.ThrowsAsync<ZarrChunkException>(() => array.ReadAsync<float>(new ArrayRegion([0, 0], [10, 50]), timeout.Token));
        Assert.Equal("a/0.0", e.ChunkKey);
        Assert.Contains("claims", e.Message, StringComparison.Ordinal);
    }

    private static async Task CheckAsync<T>(ZarrDataType type, Func<long, T> value, long[] shape, int[] chunks, string shuffle, int blockSize, CancellationToken cancellationToken)
        where T : unmanaged, INumberBase<T>
    {
        var (store, values) = await WriteAsync(type, value, shape, chunks, shuffle, blockSize, cancellationToken);
        var direct = await ZarrArray.OpenAsync(store, "a", new ZarrContext(), cancellationToken);
        var cached = await ZarrArray.OpenAsync(store, "a", new ZarrContext(new ZarrContextOptions { DirectWholeChunkReads = false }), cancellationToken);
        Assert.Equal(values, await direct.ReadAllAsync<T>(cancellationToken));

        // Regions that hold some whole chunks and crop others, at odd offsets in the destination.
        var start = shape.Select(s => s / 3).ToArray();
        var regionShape = shape.Select((s, d) => s - start[d]).ToArray();
        foreach (var region in new[] { new ArrayRegion(start, regionShape), new ArrayRegion(new long[shape.Length], shape.Select(s => Math.Max(1, s - 2)).ToArray()) })
        {
            Assert.Equal(await cached.ReadAsync<T>(region, cancellationToken), await direct.ReadAsync<T>(region, cancellationToken));
        }
    }

    private static async Task<(MemoryStore Store, T[] Values)> WriteAsync<T>(ZarrDataType type, Func<long, T> value, long[] shape, int[] chunks, string shuffle, int blockSize, CancellationToken cancellationToken)
        where T : unmanaged, INumberBase<T>
    {
        var store = new MemoryStore();
        var compressor = new JsonObject
        {
            ["id"] = "blosc",
            ["cname"] = "lz4",
            ["clevel"] = 5,
            ["shuffle"] = shuffle switch { "shuffle" => 1, "bitshuffle" => 2, _ => 0 },
            ["blocksize"] = blockSize,
        };
        var definition = new ArrayDefinition { Shape = shape, ChunkShape = chunks, DataType = type, ZarrFormat = 2, Compressor = compressor };
        var array = await ZarrArray.CreateAsync(store, "a", definition, new ZarrContext(), cancellationToken);
        var values = new T[shape.Aggregate(1L, (a, b) => a * b)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(i);
        }

        await array.WriteAsync<T>(ArrayRegion.Whole(shape), values, cancellationToken);
        return (store, values);
    }
}
