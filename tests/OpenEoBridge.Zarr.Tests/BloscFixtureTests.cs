using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Tests;

public sealed class BloscFixtureTests
{
    [Fact]
    public void AllCompressedFixtureArraysAreFound()
    {
        // 23 Blosc arrays in v2 (every Blosc path plus the xarray datasets), the v3 blosc store, and bz2.
        Assert.Equal(24, CompressionFixtures.All.Count(a => a.Codec == "blosc"));
        Assert.Single(CompressionFixtures.All, a => a.Codec == "bz2");
        Assert.Equal(64, CompressionFixtures.All.Sum(a => a.ChunkKeys.Count));
    }

    [Theory]
    [MemberData(nameof(CompressionFixtures.Names), MemberType = typeof(CompressionFixtures))]
    public void ChunksDecodeToTheStoredValues(string name)
    {
        var array = CompressionFixtures.Get(name);
        var values = new byte[array.Shape.Aggregate(array.ItemSize, (a, b) => a * b)];
        foreach (var key in array.ChunkKeys)
        {
            var chunk = Decode(array, key);
            Assert.Equal(array.ChunkBytes, chunk.Length);
            Place(array, key, chunk, values);
        }

        Assert.True(array.CanAssemble, $"{name} has filters or a layout this test does not assemble");
        Assert.Equal(array.Sha256, Convert.ToHexStringLower(SHA256.HashData(values)));
    }

    [Theory]
    [MemberData(nameof(CompressionFixtures.Names), MemberType = typeof(CompressionFixtures))]
    public void HeadersMatchTheRecordedOnes(string name)
    {
        var array = CompressionFixtures.Get(name);
        if (array.BloscHeaders is not { } recorded)
        {
            Assert.True(array.Codec == "bz2" || name.StartsWith("v3/", StringComparison.Ordinal), $"{name} has no recorded headers");
            return;
        }

        foreach (var key in array.ChunkKeys)
        {
            var expected = recorded.GetProperty(key);
            var header = BloscHeader.Read(File.ReadAllBytes(array.ChunkPath(key)));
            Assert.Equal(expected.GetProperty("flags").GetInt32(), header.Flags);
            Assert.Equal(expected.GetProperty("typesize").GetInt32(), header.TypeSize);
            Assert.Equal(expected.GetProperty("nbytes").GetInt32(), header.UncompressedSize);
            Assert.Equal(expected.GetProperty("blocksize").GetInt32(), header.BlockSize);
            Assert.Equal(expected.GetProperty("cbytes").GetInt32(), header.CompressedSize);
            Assert.Equal(expected.GetProperty("compressor_code").GetInt32(), header.CompressorCode);
            Assert.Equal(expected.GetProperty("memcpyed").GetBoolean(), header.IsMemcpyed);
            Assert.Equal(expected.GetProperty("dont_split").GetBoolean(), header.DontSplit);
        }
    }

    [Fact]
    public async Task EveryChunkMatchesNumcodecs()
    {
        using var work = new CompressionTempDirectory();
        var chunks = CompressionFixtures.All.SelectMany(a => a.ChunkKeys.Select(k => (Array: a, Key: k))).ToList();
        var jobs = chunks.Select(c => CompressionPython.Job("sha256", c.Array.NumcodecsConfig, c.Array.ChunkPath(c.Key))).ToList();
        var expected = await CompressionPython.RunBatchAsync(jobs, work.Path);

        Assert.Equal(chunks.Count, expected.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var ours = Convert.ToHexStringLower(SHA256.HashData(Decode(chunks[i].Array, chunks[i].Key)));
            Assert.True(expected[i] == ours, $"{chunks[i].Array.Name} chunk {chunks[i].Key}: numcodecs {expected[i]}, ours {ours}");
        }
    }

    private static byte[] Decode(CompressedFixtureArray array, string key)
    {
        var encoded = File.ReadAllBytes(array.ChunkPath(key));
        if (array.Codec == "bz2")
        {
            return Bzip2.Decompress(encoded, array.ChunkBytes);
        }

        var decoded = new byte[Blosc.GetDecompressedSize(encoded)];
        Assert.Equal(decoded.Length, Blosc.Decompress(encoded, decoded));
        return decoded;
    }

    // Copies the in-bounds part of a full-size C-order chunk into the C-order array.
    private static void Place(CompressedFixtureArray array, string key, byte[] chunk, byte[] values)
    {
        var index = key.Split('.', '/').Where(p => p != "c").Select(int.Parse).ToArray();
        var rank = array.Shape.Length;
        var origin = index.Select((c, d) => c * array.ChunkShape[d]).ToArray();
        var rowElements = Math.Min(array.ChunkShape[rank - 1], array.Shape[rank - 1] - origin[rank - 1]);
        var rows = array.ChunkShape[..^1].Aggregate(1, (a, b) => a * b);
        for (var row = 0; row < rows; row++)
        {
            var position = new int[rank];
            var rest = row;
            var inside = true;
            for (var d = rank - 2; d >= 0; d--)
            {
                position[d] = origin[d] + (rest % array.ChunkShape[d]);
                rest /= array.ChunkShape[d];
                inside &= position[d] < array.Shape[d];
            }

            if (!inside)
            {
                continue;
            }

            position[rank - 1] = origin[rank - 1];
            long flat = 0;
            for (var d = 0; d < rank; d++)
            {
                flat = (flat * array.Shape[d]) + position[d];
            }

            chunk.AsSpan(row * array.ChunkShape[rank - 1] * array.ItemSize, rowElements * array.ItemSize)
                .CopyTo(values.AsSpan((int)(flat * array.ItemSize)));
        }
    }
}
