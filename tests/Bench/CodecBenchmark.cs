using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenEoBridge.Zarr;
using OpenEoBridge.Zarr.Codecs;
using OpenEoBridge.Zarr.Compression;
using ZstdSharp;

namespace OpenEoBridge.Bench;

/// <summary>
/// MB/s of decoded output per codec on the same chunk files numcodecs decodes: every chunk of one array,
/// re-encoded per variant by numcodecs_bench.py, held in memory, decoded serially per thread into a reused buffer.
/// </summary>
internal static class CodecBenchmark
{
    private delegate void ChunkDecoder(byte[] encoded, byte[] output);

    public static string Run(string store, string array, string work, int threads, int repeat, int rounds)
    {
        Console.Error.WriteLine($"preparing codec variants of {store}/{array} in {work} ...");
        NumcodecsBench.Prepare(store, array, work);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "manifest.json")));

        var rows = new List<(string Variant, string Codec, double Ratio, Dictionary<string, double> Ours)>();
        var reference = new Dictionary<string, Dictionary<string, double>>();
        foreach (var variant in manifest.RootElement.GetProperty("variants").EnumerateObject())
        {
            var files = variant.Value.GetProperty("files").EnumerateArray().Select(f => File.ReadAllBytes(f.GetString()!)).ToList();
            var rawBytes = variant.Value.GetProperty("raw_bytes").GetInt64();
            var chunkBytes = (int)(rawBytes / files.Count);
            var ratio = rawBytes / (double)files.Sum(f => (long)f.Length);
            var codec = variant.Value.GetProperty("codec");
            var decoders = Decoders(variant.Name, codec).ToList();
            var ours = decoders.Select(_ => new Dictionary<string, double>()).ToList();
            var theirs = new Dictionary<string, double>();
            foreach (var (label, decoderFactory) in decoders)
            {
                Verify(files[0], chunkBytes, decoderFactory(), label);
            }

            // Rounds alternate ours and numcodecs, so a burst of background load cannot favour one side; best of all rounds.
            for (var round = 0; round < rounds; round++)
            {
                for (var d = 0; d < decoders.Count; d++)
                {
                    Keep(ours[d], Measure(files, rawBytes, chunkBytes, decoders[d].Factory, threads, repeat));
                }

                Keep(theirs, NumcodecsBench.Measure(work, variant.Name, threads, repeat)[variant.Name]);
            }

            for (var d = 0; d < decoders.Count; d++)
            {
                Console.Error.WriteLine($"  {decoders[d].Label}: {string.Join(", ", ours[d].Select(s => $"{s.Key} {s.Value:F0} MB/s"))}");
                rows.Add((variant.Name, decoders[d].Label, ratio, ours[d]));
            }

            reference[variant.Name] = theirs;
            Console.Error.WriteLine($"  numcodecs {variant.Name}: {string.Join(", ", theirs.Select(s => $"{s.Key} {s.Value:F0} MB/s"))}");
        }

        return Table(rows, reference, threads);
    }

    private static Dictionary<string, double> Measure(List<byte[]> files, long rawBytes, int chunkBytes, Func<ChunkDecoder> decoderFactory, int threads, int repeat)
    {
        var speeds = new Dictionary<string, double>();
        foreach (var count in new[] { 1, threads }.Distinct())
        {
            var decoders = Enumerable.Range(0, count).Select(_ => decoderFactory()).ToArray();
            var buffers = Enumerable.Range(0, count).Select(_ => new byte[chunkBytes]).ToArray();
            var time = Timing.Best(
                () => Timing.OnThreads(count, w =>
                {
                    for (var i = w; i < files.Count; i += count)
                    {
                        decoders[w](files[i], buffers[w]);
                    }
                }),
                repeat);
            speeds[count.ToString(CultureInfo.InvariantCulture)] = rawBytes / time.WallSeconds / 1e6;
            if (count == 1)
            {
                speeds["cpu"] = rawBytes / time.CpuSeconds / 1e6;
            }
        }

        return speeds;
    }

    private static void Keep(Dictionary<string, double> best, Dictionary<string, double> round)
    {
        foreach (var (key, value) in round)
        {
            best[key] = Math.Max(best.GetValueOrDefault(key), value);
        }
    }

    // Several decoders may share a variant: the Zarr codec API (allocating) and the raw library into a buffer.
    private static IEnumerable<(string Label, Func<ChunkDecoder> Factory)> Decoders(string variant, JsonElement codec)
    {
        var id = codec.GetProperty("id").GetString();
        switch (id)
        {
            case "blosc":
                yield return ($"{variant} (Blosc.Decompress into buffer)", () => (e, o) => Blosc.Decompress(e, o));
                break;
            case "zstd":
                var zstd = new ZstdCodec(codec.GetProperty("level").GetInt32(), checksum: false);
                yield return ($"{variant} (ZstdCodec.DecodeInto buffer)", () => (e, o) => zstd.DecodeInto(e, o, ZarrLimits.Default));
                yield return ($"{variant} (ZstdSharp Unwrap into buffer, library alone)", () =>
                {
                    var decompressor = new Decompressor();
                    return (e, o) => decompressor.Unwrap(e, o);
                }
                );
                break;
            case "gzip":
                var gzip = new GzipCodec(codec.GetProperty("level").GetInt32());
                yield return ($"{variant} (GzipCodec.DecodeInto buffer)", () => (e, o) => gzip.DecodeInto(e, o, ZarrLimits.Default));
                break;
            default:
                throw new NotSupportedException($"no decoder for variant {variant} ({id})");
        }
    }

    // A benchmark of a wrong decoder proves nothing: check one chunk against the stored variant first.
    private static void Verify(byte[] encoded, int chunkBytes, ChunkDecoder decoder, string label)
    {
        var output = new byte[chunkBytes];
        decoder(encoded, output);
        if (output.AsSpan().IndexOfAnyExcept((byte)0) < 0)
        {
            throw new InvalidOperationException($"{label} decoded an all-zero chunk; check the decoder");
        }
    }

    private static string Table(List<(string Variant, string Codec, double Ratio, Dictionary<string, double> Ours)> rows, Dictionary<string, Dictionary<string, double>> reference, int threads)
    {
        var text = new StringBuilder();
        var t = threads.ToString(CultureInfo.InvariantCulture);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| codec (our decoder) | ratio | ours 1T | numcodecs 1T | 1T ratio | ours per CPU-s | numcodecs per CPU-s | per-core ratio | ours {t}T | numcodecs {t}T | {t}T ratio |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (variant, codec, ratio, ours) in rows)
        {
            var theirs = reference[variant];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {codec} | {ratio:F2} | {ours["1"]:F0} | {theirs["1"]:F0} | {ours["1"] / theirs["1"]:F2}x | {ours["cpu"]:F0} | {theirs["cpu"]:F0} | {ours["cpu"] / theirs["cpu"]:F2}x | {ours[t]:F0} | {theirs[t]:F0} | {ours[t] / theirs[t]:F2}x |");
        }

        return text.ToString();
    }
}
