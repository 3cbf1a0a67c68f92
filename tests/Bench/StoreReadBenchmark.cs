using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Hierarchy;
using OpenEoBridge.Zarr.IO;

namespace OpenEoBridge.Bench;

/// <summary>
/// Whole-array read through the Zarr library from the page cache, pinned to 1 and then N cores: the dense
/// convenience read into one caller buffer, and the chunk visitor alone (read + decode, no copy).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class StoreReadBenchmark
{
    public static async Task<string> RunAsync(string store, string arrayName, int threads, int repeat)
    {
        var text = new StringBuilder();
        text.AppendLine("| whole-array read (page cache) | cores | MB/s of decoded float32 | MB per CPU-second |");
        text.AppendLine("|---|---|---|---|");
        var process = Process.GetCurrentProcess();
        var allCores = process.ProcessorAffinity;
        float[]? destination = null;
        foreach (var cores in new[] { 1, threads }.Distinct())
        {
            process.ProcessorAffinity = (nint)((1L << cores) - 1);
            try
            {
                // A small cache so repeats decode again instead of hitting decoded chunks.
                var context = new ZarrContext(new ZarrContextOptions { MaxConcurrentDecodes = cores, CacheBytes = 16L << 20, MemoryBudgetBytes = 512L << 20 });
                var array = await ZarrArray.OpenAsync(new FileSystemStore(store, writable: false), arrayName, context);
                var region = ArrayRegion.Whole(array.Shape);
                destination ??= new float[region.ElementCount];
                var bytes = region.ElementCount * sizeof(float);

                var dense = Timing.Best(() => array.ReadAsync<float>(region, destination).GetAwaiter().GetResult(), repeat);
                var visit = Timing.Best(
                    () => array.ForEachChunkAsync(region, (_, _, _) => ValueTask.CompletedTask).GetAwaiter().GetResult(),
                    repeat);
                text.AppendLine(CultureInfo.InvariantCulture, $"| ZarrArray.ReadAsync<float> (whole array into one buffer) | {cores} | {bytes / dense.WallSeconds / 1e6:F0} | {bytes / dense.CpuSeconds / 1e6:F0} |");
                text.AppendLine(CultureInfo.InvariantCulture, $"| ZarrArray.ForEachChunkAsync (read + decode only) | {cores} | {bytes / visit.WallSeconds / 1e6:F0} | {bytes / visit.CpuSeconds / 1e6:F0} |");
                Console.Error.WriteLine($"  {cores} core(s): dense {bytes / dense.WallSeconds / 1e6:F0} MB/s, visit {bytes / visit.WallSeconds / 1e6:F0} MB/s");
            }
            finally
            {
                process.ProcessorAffinity = allCores;
            }
        }

        return text.ToString();
    }
}
