using OpenEoBridge.Storage.Memory;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;
using OpenEoBridge.Zarr.IO;

namespace OpenEoBridge.Zarr.Tests;

/// <summary>The global budget holds: decoded bytes alive never exceed it, by the budget's own accounting.</summary>
public sealed class ZarrMemoryBudgetTests
{
    [Fact]
    public async Task IteratingARegionFarLargerThanTheBudgetStaysInsideIt()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var store = new MemoryStore();
        var writer = await ZarrArray.CreateAsync(store, "big", new ArrayDefinition
        {
            Shape = [64, 256, 256],
            ChunkShape = [4, 64, 64],
            DataType = ZarrDataType.Float32,
        }, new ZarrContext(), timeout.Token);
        var block = Enumerable.Range(0, 256 * 256).Select(i => (float)i).ToArray();
        for (var t = 0; t < 64; t++)
        {
            await writer.WriteAsync<float>(new ArrayRegion([t, 0, 0], [1, 256, 256]), block, timeout.Token);
        }

        const long chunkBytes = 4 * 64 * 64 * 4; // 64 KiB decoded per chunk; the array is 16 MiB
        var context = new ZarrContext(new ZarrContextOptions { MemoryBudgetBytes = 5 * chunkBytes, CacheBytes = 3 * chunkBytes, MaxConcurrentDecodes = 4 });
        var array = await ZarrArray.OpenAsync(store, "big", context, timeout.Token);
        var visited = 0;
        double sum = 0;
        var gate = new object();
        await array.ForEachChunkAsync(ArrayRegion.Whole(array.Shape), async (selection, chunk, token) =>
        {
            var values = new float[selection.ElementCount];
            chunk!.CopyTo<float>(selection with { StartInRegion = new long[3] }, values, [.. selection.Extent.Select(e => (long)e)]);
            await Task.Yield();
            lock (gate)
            {
                visited++;
                sum += values.Sum();
            }
        }, timeout.Token);

        Assert.Equal(16 * 4 * 4, visited);
        Assert.Equal(64.0 * block.Sum(v => (double)v), sum);
        Assert.True(context.Budget.PeakBytes <= context.Budget.CapacityBytes, $"peak {context.Budget.PeakBytes} > budget {context.Budget.CapacityBytes}");
        Assert.True(context.Budget.PeakBytes >= chunkBytes);
        Assert.True(context.Cache.Bytes <= 3 * chunkBytes);
        Assert.Equal(context.Cache.Bytes, context.Budget.CurrentBytes); // only cached chunks remain charged

        // The dense convenience read of the whole array (16 MiB) also stays inside the decoded-chunk budget.
        context.Budget.ResetPeak();
        var all = await array.ReadAllAsync<float>(timeout.Token);
        Assert.Equal(64 * 256 * 256, all.Length);
        Assert.True(context.Budget.PeakBytes <= context.Budget.CapacityBytes);
    }

    [Fact]
    public async Task ConcurrentRequestsForOneChunkDecodeItOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var store = new MemoryStore();
        var writer = await ZarrArray.CreateAsync(store, "x", new ArrayDefinition { Shape = [256, 256], ChunkShape = [256, 256], DataType = ZarrDataType.Float64 }, new ZarrContext(), timeout.Token);
        await writer.WriteAsync<double>(ArrayRegion.Whole([256, 256]), Enumerable.Range(0, 65536).Select(i => (double)i).ToArray(), timeout.Token);

        var context = new ZarrContext();
        var array = await ZarrArray.OpenAsync(store, "x", context, timeout.Token);
        var reads = Enumerable.Range(0, 16).Select(i => array.ReadAsync<double>(new ArrayRegion([i, 0], [1, 256]), timeout.Token)).ToArray();
        var rows = await Task.WhenAll(reads);
        for (var i = 0; i < 16; i++)
        {
            Assert.Equal(i * 256.0, rows[i][0]);
        }

        // One decode served everyone: by coalescing of the in-flight load or by the cache.
        Assert.Equal(1, context.Cache.Count);
        Assert.Equal(1, context.ChunkDecodes);
        Assert.Equal(256 * 256 * 8, context.Budget.CurrentBytes);
    }
}
