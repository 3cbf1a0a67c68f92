using OpenEoBridge.Storage.Memory;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;
using OpenEoBridge.Zarr.IO;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>Partial writes (read-modify-write), appends, sharded writes and concurrent writers.</summary>
public sealed class ZarrWriteTests
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task PartialWritesKeepTheRestOfTheChunk(int format)
    {
        var store = new MemoryStore();
        var array = await ZarrArray.CreateAsync(store, "a", new ArrayDefinition
        {
            ZarrFormat = format,
            Shape = [10, 10],
            ChunkShape = [4, 4],
            DataType = ZarrDataType.Int32,
            FillValue = FillValue.FromDouble(ZarrDataType.Int32, -1),
        }, new ZarrContext(), Guard);
        await array.WriteAsync<int>(new ArrayRegion([1, 1], [2, 3]), new[] { 1, 2, 3, 4, 5, 6 }, Guard);
        await array.WriteAsync<int>(new ArrayRegion([2, 3], [3, 2]), new[] { 7, 8, 9, 10, 11, 12 }, Guard);

        var expected = Enumerable.Repeat(-1, 100).ToArray();
        int[][] first = [[1, 2, 3], [4, 5, 6]];
        for (var r = 0; r < 2; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                expected[((1 + r) * 10) + 1 + c] = first[r][c];
            }
        }

        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 2; c++)
            {
                expected[((2 + r) * 10) + 3 + c] = 7 + (r * 2) + c;
            }
        }

        var reopened = await ZarrArray.OpenAsync(store, "a", new ZarrContext(), Guard);
        Assert.Equal(expected, await reopened.ReadAllAsync<int>(Guard));
        Assert.False(await store.ExistsAsync("a/" + (format == 3 ? "c/2/2" : "2.2"), Guard));
    }

    [Theory]
    [InlineData(2, "s/0")]
    [InlineData(3, "s/c")]
    public async Task ZeroDimensionalArraysUseTheirSingleChunkKey(int format, string key)
    {
        var store = new MemoryStore();
        var array = await ZarrArray.CreateAsync(store, "s", new ArrayDefinition
        {
            ZarrFormat = format,
            Shape = [],
            ChunkShape = [],
            DataType = ZarrDataType.Float64,
            FillValue = FillValue.FromDouble(ZarrDataType.Float64, double.NaN),
        }, new ZarrContext(), Guard);
        Assert.True(double.IsNaN((await array.ReadAllAsync<double>(Guard))[0]));
        await array.WriteAsync<double>(ArrayRegion.Whole([]), new[] { 42.5 }, Guard);
        Assert.True(await store.ExistsAsync(key, Guard));
        var back = await (await ZarrArray.OpenAsync(store, "s", new ZarrContext(), Guard)).ReadAllAsync<double>(Guard);
        Assert.Equal(new[] { 42.5 }, back);
    }

    [Fact]
    public async Task AppendAlongTimeGrowsTheArrayAndWritesMetadataLast()
    {
        var store = new MemoryStore();
        var context = new ZarrContext();
        var array = await ZarrArray.CreateAsync(store, "t2m", new ArrayDefinition
        {
            Shape = [0, 3, 4],
            ChunkShape = [2, 3, 4],
            DataType = ZarrDataType.Float32,
            FillValue = FillValue.FromDouble(ZarrDataType.Float32, double.NaN),
        }, context, Guard);
        var all = new List<float>();
        for (var step = 0; step < 5; step++)
        {
            var block = Enumerable.Range(0, 12).Select(i => (step * 100f) + i).ToArray();
            await array.AppendAsync<float>(0, block, [1, 3, 4], Guard);
            all.AddRange(block);
        }

        var reopened = await ZarrArray.OpenAsync(store, "t2m", new ZarrContext(), Guard);
        Assert.Equal([5, 3, 4], reopened.Shape);
        Assert.Equal(all, await reopened.ReadAllAsync<float>(Guard));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ShardedWritesRoundTripWithEmptyInnerChunks(bool indexAtStart)
    {
        var store = new MemoryStore();
        var context = new ZarrContext();
        var codecs = new System.Text.Json.Nodes.JsonArray(CodecSpecs.Sharding([2, 3], [CodecSpecs.Bytes(), CodecSpecs.Zstd(3)], indexAtStart));
        var array = await ZarrArray.CreateAsync(store, "s", new ArrayDefinition
        {
            Shape = [9, 13],
            ChunkShape = [4, 6],
            DataType = ZarrDataType.UInt16,
            FillValue = FillValue.FromDouble(ZarrDataType.UInt16, 7),
            Codecs = codecs,
        }, context, Guard);
        await array.WriteAsync<ushort>(new ArrayRegion([1, 2], [5, 9]), Enumerable.Range(0, 45).Select(i => (ushort)(i + 100)).ToArray(), Guard);

        var read = await (await ZarrArray.OpenAsync(store, "s", new ZarrContext(), Guard)).ReadAllAsync<ushort>(Guard);
        for (var r = 0; r < 9; r++)
        {
            for (var c = 0; c < 13; c++)
            {
                var inside = r is >= 1 and < 6 && c is >= 2 and < 11;
                Assert.Equal(inside ? (ushort)(100 + ((r - 1) * 9) + (c - 2)) : (ushort)7, read[(r * 13) + c]);
            }
        }

        // Shard (2,*) holds no written data: not stored at all; inner chunks of written shards that stayed fill are empty in the index.
        Assert.False(await store.ExistsAsync("s/c/2/0", Guard));
        Assert.True(await store.ExistsAsync("s/c/0/0", Guard));
    }

    [Fact]
    public async Task ConcurrentWritersOnDifferentChunksAndWithinOneChunkLoseNothing()
    {
        var store = new MemoryStore();
        var context = new ZarrContext();
        var array = await ZarrArray.CreateAsync(store, "c", new ArrayDefinition
        {
            ZarrFormat = 2,
            Shape = [16, 16],
            ChunkShape = [8, 8],
            DataType = ZarrDataType.Float64,
        }, context, Guard);

        // 256 single-element writers: four per chunk row segment, many sharing a chunk (read-modify-write under the chunk lock).
        await Parallel.ForEachAsync(Enumerable.Range(0, 256), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
            await array.WriteAsync<double>(new ArrayRegion([i / 16, i % 16], [1, 1]), new[] { i + 0.5 }, token));

        var read = await (await ZarrArray.OpenAsync(store, "c", new ZarrContext(), Guard)).ReadAllAsync<double>(Guard);
        Assert.Equal(Enumerable.Range(0, 256).Select(i => i + 0.5), read);
    }

    [Fact]
    public async Task ReadsConvertTypesAndCropRegions()
    {
        var store = new MemoryStore();
        var array = await ZarrArray.CreateAsync(store, "", new ArrayDefinition
        {
            Shape = [7, 9],
            ChunkShape = [3, 4],
            DataType = ZarrDataType.Int16,
            Codecs = [CodecSpecs.Transpose(1, 0), CodecSpecs.Bytes(), CodecSpecs.Gzip(1)],
        }, new ZarrContext(), Guard);
        var values = Enumerable.Range(0, 63).Select(i => (short)(i - 30)).ToArray();
        await array.WriteAsync<short>(ArrayRegion.Whole([7, 9]), values, Guard);

        var region = new ArrayRegion([2, 3], [4, 5]);
        var asDouble = await array.ReadAsync<double>(region, Guard);
        var asByte = await array.ReadAsync<byte>(region, Guard);
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 5; c++)
            {
                var v = values[((r + 2) * 9) + c + 3];
                Assert.Equal(v, asDouble[(r * 5) + c]);
                Assert.Equal((byte)Math.Clamp((int)v, 0, 255), asByte[(r * 5) + c]);
            }
        }
    }
}
