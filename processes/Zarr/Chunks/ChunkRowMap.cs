namespace OpenEoBridge.Zarr.Chunks;

/// <summary>
/// Walks the rows of a whole chunk inside a C-order destination region, so that a decoder can write each decoded
/// block straight into the caller's buffer: the chunk's last axis is contiguous in both, so the chunk is a run of
/// rows, visited in C order. Moving to the next row costs no division, because short rows (100 floats) would
/// otherwise make per-row overhead visible next to the decode itself. One walk per chunk, on one thread.
/// </summary>
internal sealed class ChunkRowMap
{
    private readonly int[] _outerShape;
    private readonly long[] _outerStrides;
    private readonly int[] _index;

    /// <param name="chunkShape">Shape of the chunk (rank ≥ 1), entirely inside the region.</param>
    /// <param name="startInRegion">Position of the chunk's first element in the region.</param>
    /// <param name="regionShape">Shape of the C-order destination.</param>
    public ChunkRowMap(int[] chunkShape, long[] startInRegion, long[] regionShape)
    {
        var strides = RowCursor.CStrides(regionShape);
        _outerShape = chunkShape[..^1];
        _outerStrides = strides[..^1];
        _index = new int[_outerShape.Length];
        RowLength = chunkShape[^1];
        long origin = 0;
        long count = 1;
        for (var d = 0; d < chunkShape.Length; d++)
        {
            origin += startInRegion[d] * strides[d];
            count *= chunkShape[d];
        }

        ElementCount = count;
        CurrentRowOffset = origin;
    }

    /// <summary>Elements per row (the chunk's last axis).</summary>
    public int RowLength { get; }

    public long ElementCount { get; }

    /// <summary>The row the walk is at (starts at 0).</summary>
    public long CurrentRow { get; private set; }

    /// <summary>Destination element offset of <see cref="CurrentRow"/>.</summary>
    public long CurrentRowOffset { get; private set; }

    public void MoveToNextRow()
    {
        CurrentRow++;
        var offset = CurrentRowOffset;
        for (var d = _index.Length - 1; d >= 0; d--)
        {
            offset += _outerStrides[d];
            if (++_index[d] < _outerShape[d])
            {
                CurrentRowOffset = offset;
                return;
            }

            offset -= _outerShape[d] * _outerStrides[d];
            _index[d] = 0;
        }

        CurrentRowOffset = offset;
    }
}
