using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using OpenEoBridge.Zarr.Compression;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>Our frames decode with numcodecs (c-blosc 1.x), and numcodecs' frames decode with ours.</summary>
public sealed class BloscNumcodecsInteropTests
{
    private sealed record Case(string Name, byte[] Data, int TypeSize, string Dtype);

    [Fact]
    public async Task OurFramesDecodeWithNumcodecs()
    {
        using var work = new CompressionTempDirectory();
        var frames = new List<(string Label, byte[] Raw, string File)>();
        foreach (var data in Cases())
        {
            foreach (var compressor in new[] { BloscCompressor.Lz4, BloscCompressor.Zstd, BloscCompressor.Lz4Hc, BloscCompressor.Zlib })
            {
                foreach (var shuffle in new[] { BloscShuffle.NoShuffle, BloscShuffle.ByteShuffle, BloscShuffle.BitShuffle })
                {
                    foreach (var (level, blockSize) in new[] { (5, 0), (1, 0), (9, 0), (5, 1000), (0, 0) })
                    {
                        var label = $"{data.Name} {compressor} {shuffle} clevel {level} blocksize {blockSize}";
                        var file = work.File($"ours-{frames.Count}.blosc");
                        await File.WriteAllBytesAsync(file, Blosc.Compress(data.Data, data.TypeSize, compressor, level, shuffle, blockSize));
                        frames.Add((label, data.Data, file));
                    }
                }
            }
        }

        var jobs = frames.Select(f => CompressionPython.Job("decode", new JsonObject { ["id"] = "blosc" }, f.File, f.File + ".raw")).ToList();
        await CompressionPython.RunBatchAsync(jobs, work.Path);
        foreach (var (label, raw, file) in frames)
        {
            var decoded = await File.ReadAllBytesAsync(file + ".raw");
            Assert.True(raw.AsSpan().SequenceEqual(decoded), $"numcodecs decoded {label} differently");
        }
    }

    [Fact]
    public async Task NumcodecsFramesDecodeWithOurs()
    {
        using var work = new CompressionTempDirectory();
        var jobs = new List<JsonObject>();
        var expected = new List<(string Label, byte[] Raw, string File)>();
        foreach (var data in Cases())
        {
            var input = work.File($"{data.Name}.raw");
            await File.WriteAllBytesAsync(input, data.Data);
            foreach (var cname in new[] { "lz4", "lz4hc", "blosclz", "zstd", "zlib" })
            {
                foreach (var shuffle in new[] { 0, 1, 2 })
                {
                    foreach (var (clevel, blocksize) in new[] { (5, 0), (1, 0), (9, 0), (5, 256), (0, 0) })
                    {
                        var codec = new JsonObject { ["id"] = "blosc", ["cname"] = cname, ["clevel"] = clevel, ["shuffle"] = shuffle, ["blocksize"] = blocksize };
                        var output = work.File($"theirs-{jobs.Count}.blosc");
                        jobs.Add(CompressionPython.Job("encode", codec, input, output, data.Dtype));
                        expected.Add(($"{data.Name} {codec.ToJsonString()}", data.Data, output));
                    }
                }
            }
        }

        await CompressionPython.RunBatchAsync(jobs, work.Path);
        foreach (var (label, raw, file) in expected)
        {
            var frame = await File.ReadAllBytesAsync(file);
            var decoded = new byte[Blosc.GetDecompressedSize(frame)];
            Blosc.Decompress(frame, decoded);
            Assert.True(raw.AsSpan().SequenceEqual(decoded), $"we decoded {label} differently");
        }
    }

    // CHIRPS-like floats (runs of zeros, NaN sea), small and odd-sized buffers, several element sizes.
    private static IEnumerable<Case> Cases()
    {
        var random = new Random(42);
        var rain = new float[200_000];
        for (var i = 0; i < rain.Length; i++)
        {
            rain[i] = i % 100 > 70 ? float.NaN : random.NextDouble() < 0.6 ? 0f : MathF.Round((float)random.NextDouble() * 40f, 1);
        }

        yield return new Case("rain-f4", Bytes(rain), 4, "<f4");
        yield return new Case("ramp-i2-odd", Bytes(Enumerable.Range(0, 40_001).Select(i => (short)(i / 7)).ToArray()), 2, "<i2");
        yield return new Case("ids-i8", Bytes(Enumerable.Range(0, 12_345).Select(i => (long)i * 3).ToArray()), 8, "<i8");
        yield return new Case("text-u1", System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("precipitation ", 3000))), 1, "|u1");
        yield return new Case("tiny-f4", Bytes(new[] { 1f, 2f, 3f }), 4, "<f4");
        var noise = new byte[70_000];
        random.NextBytes(noise);
        yield return new Case("noise-f8", noise, 8, "<f8");
    }

    private static byte[] Bytes<T>(T[] values)
        where T : struct => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
}
