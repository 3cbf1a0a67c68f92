using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Hierarchy;
using OpenEoBridge.Zarr.IO;

namespace OpenEoBridge.Bench;

/// <summary>
/// Whole-array read through the Zarr library from the page cache, pinned to 1 and then N cores, against the raw
/// decode of the same chunk files on the same cores: the chunk bytes held in memory and decoded through the
/// array's codec pipeline into a reused buffer per thread (no store, no cache, no copy). The three are timed
/// in turn in every round, so background load hits all of them alike; each figure is the best round.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class StoreReadBenchmark
{
    public static async Task<string> RunAsync(string store, string arrayName, int threads, int repeat)
    {
        var text = new StringBuilder();
        text.AppendLine("| whole-array read (page cache) | cores | MB/s of decoded output | MB per CPU-second | vs raw decode (wall) | vs raw decode (per CPU-s) |");
        text.AppendLine("|---|---|---|---|---|---|");
        var process = Process.GetCurrentProcess();
        var allCores = process.ProcessorAffinity;
        var probe = await ZarrArray.OpenAsync(new FileSystemStore(store, writable: false), arrayName, new ZarrContext());
        var region = ArrayRegion.Whole(probe.Shape);
        var bytes = region.ElementCount * probe.DataType.ItemSize;
        var chunkFiles = ChunkFiles(store, probe);
        var destination = new float[region.ElementCount];
        foreach (var cores in new[] { 1, threads }.Distinct())
        {
            process.ProcessorAffinity = (nint)((1L << cores) - 1);
            try
            {
                // A small cache so repeats decode again instead of hitting decoded chunks.
                var context = new ZarrContext(new ZarrContextOptions { MaxConcurrentDecodes = cores, CacheBytes = 16L << 20, MemoryBudgetBytes = 512L << 20 });
                var array = await ZarrArray.OpenAsync(new FileSystemStore(store, writable: false), arrayName, context);
                var decode = RawDecode(array, chunkFiles, cores);
                void Dense() => array.ReadAsync<float>(region, destination).GetAwaiter().GetResult();
                void Visit() => array.ForEachChunkAsync(region, (_, _, _) => ValueTask.CompletedTask).GetAwaiter().GetResult();
                var best = Timing.BestInterleaved([decode, Dense, Visit], repeat);
                var (raw, dense, visit) = (best[0], best[1], best[2]);
                Row(text, "raw decode of the same chunk files (in memory, reused buffers)", cores, bytes, raw, raw);
                Row(text, "ZarrArray.ReadAsync<float> (whole array into one buffer)", cores, bytes, dense, raw);
                Row(text, "ZarrArray.ForEachChunkAsync (read + decode only)", cores, bytes, visit, raw);
                Console.Error.WriteLine($"  {cores} core(s): raw {bytes / raw.WallSeconds / 1e6:F0} MB/s, dense {bytes / dense.WallSeconds / 1e6:F0} MB/s, visit {bytes / visit.WallSeconds / 1e6:F0} MB/s");
            }
            finally
            {
                process.ProcessorAffinity = allCores;
            }
        }

        return text.ToString();
    }

    private static void Row(StringBuilder text, string label, int cores, long bytes, Measurement m, Measurement raw) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {label} | {cores} | {bytes / m.WallSeconds / 1e6:F0} | {bytes / m.CpuSeconds / 1e6:F0} | {raw.WallSeconds / m.WallSeconds:P0} | {raw.CpuSeconds / m.CpuSeconds:P0} |");

    // The stored chunk files of the array (missing chunks are skipped: they cost no decode on either side).
    private static List<byte[]> ChunkFiles(string store, ZarrArray array)
    {
        var grid = array.StorageGrid;
        var files = new List<byte[]>();
        foreach (var selection in grid.Select(ArrayRegion.Whole(array.Shape)))
        {
            var key = array.Metadata.KeyEncoding.Encode(selection.ChunkCoords);
            var path = Path.Combine(store, array.Path, key);
            if (File.Exists(path))
            {
                files.Add(File.ReadAllBytes(path));
            }
        }

        return files;
    }

    private static Action RawDecode(ZarrArray array, List<byte[]> files, int threads)
    {
        var pipeline = array.Metadata.Pipeline;
        var limits = array.Metadata.Limits;
        var buffers = new byte[threads][];
        return () => Timing.OnThreads(threads, w =>
        {
            for (var i = w; i < files.Count; i += threads)
            {
                pipeline.Decode(files[i], limits, size => buffers[w] is { } b && b.Length == size ? b : buffers[w] = new byte[size]);
            }
        });
    }
}
