namespace OpenEoBridge.Zarr.Chunks;

/// <summary>A regular chunk grid: <c>ceil(shape / chunkShape)</c> chunks per dimension, edge chunks stored full size.</summary>
public sealed class ChunkGrid
{
    public ChunkGrid(IReadOnlyList<long> arrayShape, IReadOnlyList<int> chunkShape)
    {
        if (arrayShape.Count != chunkShape.Count)
        {
            throw new ArgumentException("Chunk shape and array shape differ in rank");
        }

        ArrayShape = [.. arrayShape];
        ChunkShape = [.. chunkShape];
        GridShape = new long[ArrayShape.Length];
        for (var i = 0; i < ArrayShape.Length; i++)
        {
            GridShape[i] = ChunkShape[i] <= 0 ? 0 : (ArrayShape[i] + ChunkShape[i] - 1) / ChunkShape[i];
        }
    }

    public long[] ArrayShape { get; }

    public int[] ChunkShape { get; }

    public long[] GridShape { get; }

    public int Rank => ArrayShape.Length;

    /// <summary>
    /// The chunks a region touches, in C order (last dimension fastest), each with the part of the chunk it
    /// needs: every chunk is visited once per region.
    /// </summary>
    public IEnumerable<ChunkSelection> Select(ArrayRegion region)
    {
        region.EnsureInside(ArrayShape);
        var rank = Rank;
        if (region.ElementCount == 0)
        {
            yield break;
        }

        var first = new long[rank];
        var last = new long[rank];
        for (var d = 0; d < rank; d++)
        {
            first[d] = region.Start[d] / ChunkShape[d];
            last[d] = (region.Start[d] + region.Shape[d] - 1) / ChunkShape[d];
        }

        var coords = (long[])first.Clone();
        while (true)
        {
            var inChunk = new int[rank];
            var inRegion = new long[rank];
            var extent = new int[rank];
            for (var d = 0; d < rank; d++)
            {
                var chunkStart = coords[d] * ChunkShape[d];
                var lo = Math.Max(chunkStart, region.Start[d]);
                var hi = Math.Min(chunkStart + ChunkShape[d], region.Start[d] + region.Shape[d]);
                inChunk[d] = (int)(lo - chunkStart);
                inRegion[d] = lo - region.Start[d];
                extent[d] = (int)(hi - lo);
            }

            yield return new ChunkSelection((long[])coords.Clone(), inChunk, inRegion, extent);

            var dim = rank - 1;
            while (dim >= 0)
            {
                if (++coords[dim] <= last[dim])
                {
                    break;
                }

                coords[dim] = first[dim];
                dim--;
            }

            if (dim < 0)
            {
                yield break;
            }
        }
    }

    /// <summary>The in-bounds extent of chunk <paramref name="coords"/> (smaller than the chunk shape at edges).</summary>
    public int[] ValidExtent(ReadOnlySpan<long> coords)
    {
        var extent = new int[Rank];
        for (var d = 0; d < Rank; d++)
        {
            extent[d] = (int)Math.Min(ChunkShape[d], ArrayShape[d] - coords[d] * ChunkShape[d]);
        }

        return extent;
    }
}

/// <summary>
/// One chunk's share of a region: chunk coordinates, where the share starts inside the chunk and inside the
/// region, and its extent.
/// </summary>
public sealed record ChunkSelection(long[] ChunkCoords, int[] StartInChunk, long[] StartInRegion, int[] Extent)
{
    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (var e in Extent)
            {
                n *= e;
            }

            return n;
        }
    }
}
