using OpenEoBridge.Storage;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.Compression;
using OpenEoBridge.Zarr.IO;
using OpenEoBridge.Zarr.Metadata;

namespace OpenEoBridge.Zarr.Writing;

/// <summary>
/// Writes a region chunk by chunk (shard by shard for sharded arrays), in parallel across chunks. Chunks the
/// region covers completely are encoded from scratch; partly covered ones are read, modified and rewritten
/// under a per-chunk lock so concurrent writers of different parts of one chunk do not lose updates.
/// </summary>
internal static class ChunkWriter
{
    public static async Task WriteRegionAsync(IStore store, string path, ArrayMetadata meta, ChunkSource source, ZarrContext context,
        ArrayRegion region, Action<ChunkBuffer, ChunkSelection> copyIn, bool skipEmptyChunks, CancellationToken cancellationToken)
    {
        if (!store.IsWritable)
        {
            throw new InvalidOperationException($"Store {store.Location} is read-only");
        }

        var grid = source.StorageGrid;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.Options.MaxConcurrentDecodes), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(grid.Select(region), options, async (selection, token) =>
        {
            var key = source.StoreKeyOf(selection.ChunkCoords);
            using var held = await context.WriteLocks.LockAsync(source.CacheKey(key), token).ConfigureAwait(false);
            var valid = grid.ValidExtent(selection.ChunkCoords);
            var covers = selection.StartInChunk.All(s => s == 0) && selection.Extent.AsSpan().SequenceEqual(valid);
            ChunkBuffer buffer;
            if (covers)
            {
                buffer = ChunkBuffer.Filled(meta.DataType, meta.ChunkShape, meta.FillValue);
            }
            else
            {
                var existing = await store.GetAsync(key, token).ConfigureAwait(false);
                try
                {
                    buffer = existing is null
                        ? ChunkBuffer.Filled(meta.DataType, meta.ChunkShape, meta.FillValue)
                        : Writable(meta.Pipeline.Decode(existing, meta.Limits));
                }
                catch (Exception e) when (e is ZarrCodecException or ZarrException)
                {
                    throw new ZarrChunkException(path, key, $"cannot update the stored chunk: {e.Message}", e);
                }
            }

            copyIn(buffer, selection);
            var encoded = skipEmptyChunks && buffer.IsAllFill(meta.FillValue) ? ReadOnlyMemory<byte>.Empty : meta.Pipeline.Encode(buffer);
            if (encoded.Length == 0)
            {
                await store.DeleteAsync(key, token).ConfigureAwait(false);
            }
            else
            {
                await store.SetAsync(key, encoded, token).ConfigureAwait(false);
            }

            source.Invalidate(selection.ChunkCoords);
        }).ConfigureAwait(false);
    }

    // Decoded chunks may be strided views (transpose); writers need a C-order buffer they own.
    private static ChunkBuffer Writable(ChunkBuffer decoded)
    {
        var c = decoded.ToCContiguous();
        return ReferenceEquals(c, decoded) && !decoded.DataType.IsVariableLength
            ? new ChunkBuffer(decoded.DataType, decoded.Shape, decoded.Data.ToArray())
            : c;
    }
}
