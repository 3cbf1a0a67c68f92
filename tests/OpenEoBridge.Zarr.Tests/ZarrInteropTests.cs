using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>Independent readers of what we write (zarr-python 2 for v2, zarrita.js for v3), and zarr-python stores read by us.</summary>
public sealed class ZarrInteropTests
{
    private static float[] Values(int n) => [.. Enumerable.Range(0, n).Select(i => i % 17 == 3 ? float.NaN : (i * 0.37f) - 50f)];

    private static string Sha<T>(T[] values)
        where T : unmanaged => ZarrExternalTools.Sha256(MemoryMarshal.AsBytes(values.AsSpan()));

    private static readonly JsonObject Attrs = new() { ["units"] = "mm/day", ["scale"] = 2.5, ["tags"] = new JsonArray("a", "b") };

    [Fact]
    public async Task ZarrPythonReadsOurV2Output()
    {
        using var dir = new ZarrTempDirectory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var store = new FileSystemStore(dir.Path);
        var group = await ZarrGroup.CreateAsync(store, "", 2, new JsonObject { ["title"] = "ours" }, cancellationToken: timeout.Token);
        var shape = new long[] { 5, 9, 13 };
        var values = Values(5 * 9 * 13);
        var blosc = await group.CreateArrayAsync("precip", new ArrayDefinition
        {
            Shape = shape,
            ChunkShape = [2, 4, 8],
            DataType = ZarrDataType.Float32,
            FillValue = FillValue.FromDouble(ZarrDataType.Float32, -9999),
            Attributes = Attrs,
            DimensionNames = ["time", "lat", "lon"],
        }, cancellationToken: timeout.Token);
        await blosc.WriteAsync<float>(ArrayRegion.Whole(shape), values, timeout.Token);

        var ints = Enumerable.Range(0, 11 * 7).Select(i => (short)(i * 3 - 100)).ToArray();
        foreach (var (name, compressor, order, bigEndian) in new[]
        {
            ("zstd_f", CodecSpecs.V2Zstd(3), 'F', false),
            ("gzip_be", CodecSpecs.V2Gzip(5), 'C', true),
            ("zlib", CodecSpecs.V2Zlib(1), 'C', false),
            ("lz4", CodecSpecs.V2Lz4(), 'C', false),
            ("blosc_zstd_bit", CodecSpecs.V2Blosc("zstd", 5, 2), 'C', false),
        })
        {
            var a = await group.CreateArrayAsync(name, new ArrayDefinition
            {
                Shape = [11, 7],
                ChunkShape = [4, 3],
                DataType = ZarrDataType.Int16,
                Compressor = compressor,
                Order = order,
                BigEndian = bigEndian,
            }, cancellationToken: timeout.Token);
            await a.WriteAsync<short>(ArrayRegion.Whole(a.Shape), ints, timeout.Token);
        }

        // v2 filters encoded by us, decoded by numcodecs: fixedscaleoffset (f8 stored as i2) and delta (i4).
        var scaled = Enumerable.Range(0, 30).Select(i => (i * 0.37) - 4).ToArray();
        var fso = await group.CreateArrayAsync("fso", new ArrayDefinition
        {
            Shape = [30],
            ChunkShape = [8],
            DataType = ZarrDataType.Float64,
            Compressor = CodecSpecs.V2Zlib(1),
            Filters = [new JsonObject { ["id"] = "fixedscaleoffset", ["offset"] = 1.5, ["scale"] = 100, ["dtype"] = "<f8", ["astype"] = "<i2" }],
        }, cancellationToken: timeout.Token);
        await fso.WriteAsync<double>(ArrayRegion.Whole([30]), scaled, timeout.Token);
        var fsoExpected = scaled.Select(v => (Math.Round((v - 1.5) * 100, MidpointRounding.ToEven) / 100) + 1.5).ToArray();
        var deltaValues = Enumerable.Range(0, 40).Select(i => (i * i) - 300).ToArray();
        var delta = await group.CreateArrayAsync("delta", new ArrayDefinition
        {
            Shape = [40],
            ChunkShape = [16],
            DataType = ZarrDataType.Int32,
            Compressor = CodecSpecs.V2Zstd(1),
            Filters = [new JsonObject { ["id"] = "delta", ["dtype"] = "<i4", ["astype"] = "<i4" }],
        }, cancellationToken: timeout.Token);
        await delta.WriteAsync<int>(ArrayRegion.Whole([40]), deltaValues, timeout.Token);

        // Non-ASCII metadata: zarr-python 2 decodes metadata as ASCII, so it must be written escaped.
        var labels = await group.CreateArrayAsync("labels", new ArrayDefinition
        {
            Shape = [3],
            ChunkShape = [2],
            DataType = ZarrDataType.String,
            Attributes = new JsonObject { ["long_name"] = "Bänder bei 18°W" },
        }, cancellationToken: timeout.Token);
        await labels.WriteStringsAsync(ArrayRegion.Whole([3]), new[] { "red", "grün", "" }, timeout.Token);
        await group.ConsolidateMetadataAsync(timeout.Token);

        var result = await ZarrExternalTools.PythonAsync("zarr_python_read.py", dir.Path, "consolidated", "precip", "zstd_f", "gzip_be", "zlib", "lz4", "blosc_zstd_bit", "labels", "fso", "delta");
        Assert.Equal(Sha(values), result["precip"]!["sha256"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["units"] = "mm/day", ["scale"] = 2.5, ["tags"] = new JsonArray("a", "b"), ["_ARRAY_DIMENSIONS"] = new JsonArray("time", "lat", "lon") }, result["precip"]!["attrs"]), result["precip"]!["attrs"]!.ToJsonString());
        foreach (var name in new[] { "zstd_f", "gzip_be", "zlib", "lz4", "blosc_zstd_bit" })
        {
            Assert.Equal(Sha(ints), result[name]!["sha256"]!.GetValue<string>());
        }

        Assert.Equal(">i2", result["gzip_be"]!["dtype"]!.GetValue<string>());
        Assert.Equal(Sha(fsoExpected), result["fso"]!["sha256"]!.GetValue<string>());
        Assert.Equal(Sha(deltaValues), result["delta"]!["sha256"]!.GetValue<string>());
        Assert.Equal(["red", "grün", ""], result["labels"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("Bänder bei 18°W", result["labels"]!["attrs"]!["long_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ZarritaReadsOurV3Output()
    {
        using var dir = new ZarrTempDirectory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var store = new FileSystemStore(dir.Path);
        var group = await ZarrGroup.CreateAsync(store, "", 3, new JsonObject { ["title"] = "ours" }, cancellationToken: timeout.Token);
        var shape = new long[] { 6, 10, 14 };
        var values = Values(6 * 10 * 14);
        var definitions = new Dictionary<string, ArrayDefinition>
        {
            ["zstd"] = new() { Shape = shape, ChunkShape = [4, 4, 8], DataType = ZarrDataType.Float32, FillValue = FillValue.FromDouble(ZarrDataType.Float32, double.NaN), Attributes = Attrs, DimensionNames = ["time", "lat", "lon"] },
            ["sharded"] = new() { Shape = shape, ChunkShape = [4, 10, 8], ShardInnerChunkShape = [2, 5, 4], DataType = ZarrDataType.Float32, FillValue = FillValue.FromDouble(ZarrDataType.Float32, double.NaN), Attributes = Attrs },
            ["gzip_crc_be"] = new() { Shape = shape, ChunkShape = [3, 5, 7], DataType = ZarrDataType.Float32, Codecs = [CodecSpecs.Bytes(bigEndian: true), CodecSpecs.Gzip(4), CodecSpecs.Crc32c()] },
            ["transposed"] = new() { Shape = shape, ChunkShape = [3, 5, 7], DataType = ZarrDataType.Float32, Codecs = [CodecSpecs.Transpose(2, 0, 1), CodecSpecs.Bytes(), CodecSpecs.Zstd(1, checksum: true)] },
            ["blosc"] = new() { Shape = shape, ChunkShape = [6, 10, 14], DataType = ZarrDataType.Float32, Codecs = [CodecSpecs.Bytes(), CodecSpecs.Blosc("lz4", 5, "shuffle", 4)] },
        };
        foreach (var (name, definition) in definitions)
        {
            var array = await group.CreateArrayAsync(name, definition, writeMetadata: false, timeout.Token);
            await array.WriteAsync<float>(ArrayRegion.Whole(shape), values, timeout.Token);
            await array.CommitMetadataAsync(timeout.Token);
        }

        await group.ConsolidateMetadataAsync(timeout.Token);
        var result = await ZarrExternalTools.NodeAsync("zarr-read.mjs", [dir.Path, .. definitions.Keys]);
        foreach (var name in definitions.Keys)
        {
            Assert.True(Sha(values) == result[name]!["sha256"]!.GetValue<string>(), $"zarrita disagrees on '{name}'");
        }

        Assert.True(JsonNode.DeepEquals(Attrs, result["zstd"]!["attrs"]), result["zstd"]!["attrs"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(Attrs, result["sharded"]!["attrs"]));

        // And we read our own consolidated output back through the group.
        var reopened = await ZarrGroup.OpenAsync(store, cancellationToken: timeout.Token);
        Assert.NotNull(reopened.Consolidated);
        var sharded = await reopened.OpenArrayAsync("sharded", timeout.Token);
        Assert.Equal(Sha(values), Sha(await sharded.ReadAllAsync<float>(timeout.Token)));
    }

    [Fact]
    public async Task WeReadStoresZarrPythonWrites()
    {
        using var dir = new ZarrTempDirectory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var expected = await ZarrExternalTools.PythonAsync("zarr_python_write.py", dir.Path);
        var store = new FileSystemStore(dir.Path, writable: false);
        var group = await ZarrGroup.OpenAsync(store, cancellationToken: timeout.Token);
        Assert.NotNull(group.Consolidated);
        Assert.Equal("written by zarr-python", group.Attributes["title"]!.GetValue<string>());
        var children = await group.ListChildrenAsync(timeout.Token);
        Assert.Equal(["counts", "labels", "temp"], children.Select(c => c.Name));

        var temp = await group.OpenArrayAsync("temp", timeout.Token);
        Assert.Equal("K", temp.Attributes["units"]!.GetValue<string>());
        Assert.Equal(expected["temp"]!.GetValue<string>(), Sha(await temp.ReadAllAsync<float>(timeout.Token)));

        var counts = await group.OpenArrayAsync("counts", timeout.Token);
        Assert.Equal(expected["counts"]!.GetValue<string>(), Sha(await counts.ReadAllAsync<int>(timeout.Token)));
        var labels = await group.OpenArrayAsync("labels", timeout.Token);
        Assert.Equal(expected["labels"]!.AsArray().Select(v => v!.GetValue<string>()), await labels.ReadStringsAsync(cancellationToken: timeout.Token));
    }
}
