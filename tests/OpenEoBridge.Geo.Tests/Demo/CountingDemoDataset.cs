using System.Text.Json.Nodes;
using OpenEoBridge.Geo.Demo;
using OpenEoBridge.Storage;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Geo.Tests.Demo;

/// <summary>
/// A tiny demo dataset for testing the installer: counts how often it is generated, can be slow (to widen
/// races) and can fail half-way (to play a crash).
/// </summary>
internal sealed class CountingDemoDataset(int version = 1, TimeSpan? delay = null, bool failHalfway = false) : DemoDataset
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public override string Id => "COUNTING_TEST";

    public override string Title => "Installer test store";

    public override string Description => "A few bytes to test generation, reuse and replacement.";

    public override IReadOnlyList<string> Keywords { get; } = ["test"];

    public override string StoreName => "counting.zarr";

    public override int GeneratorVersion => version;

    public override async Task WriteAsync(IStore store, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _writes);
        var root = await ZarrGroup.CreateAsync(store, zarrFormat: 3, attributes: new JsonObject { [MarkerAttribute] = Marker() }, cancellationToken: cancellationToken);
        var array = await root.CreateArrayAsync("values", new ArrayDefinition { Shape = [4], ChunkShape = [2], DataType = ZarrDataType.Int32 }, cancellationToken: cancellationToken);
        await array.WriteAsync<int>(new ArrayRegion([0], [2]), new[] { 1, 2 }, cancellationToken);
        if (delay is { } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }

        if (failHalfway)
        {
            throw new IOException("disk full (simulated)");
        }

        await array.WriteAsync<int>(new ArrayRegion([2], [2]), new[] { 3, 4 }, cancellationToken);
        await root.ConsolidateMetadataAsync(cancellationToken);
    }
}
