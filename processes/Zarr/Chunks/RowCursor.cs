namespace OpenEoBridge.Zarr.Chunks;

/// <summary>
/// Walks the rows (last dimension) of an N-d box copied between two strided layouts, yielding the element
/// offset of each row's start in both. Rank-0 boxes yield one row of one element.
/// </summary>
public struct RowCursor
{
    private readonly int[] _extent;
    private readonly long[] _strideA;
    private readonly long[] _strideB;
    private readonly int[] _index;
    private readonly long _baseA;
    private readonly long _baseB;
    private bool _started;
    private readonly bool _empty;

    /// <param name="extent">Box extent per dimension.</param>
    /// <param name="startA">Box origin in layout A.</param>
    /// <param name="strideA">Element strides of layout A.</param>
    /// <param name="startB">Box origin in layout B.</param>
    /// <param name="strideB">Element strides of layout B.</param>
    public RowCursor(int[] extent, ReadOnlySpan<long> startA, long[] strideA, ReadOnlySpan<long> startB, long[] strideB)
    {
        _extent = extent;
        _strideA = strideA;
        _strideB = strideB;
        _index = new int[Math.Max(0, extent.Length - 1)];
        for (var d = 0; d < extent.Length; d++)
        {
            _baseA += startA[d] * strideA[d];
            _baseB += startB[d] * strideB[d];
            _empty |= extent[d] == 0;
        }

        OffsetA = _baseA;
        OffsetB = _baseB;
        _started = false;
    }

    /// <summary>Elements per row.</summary>
    public readonly int RowLength => _extent.Length == 0 ? 1 : _extent[^1];

    /// <summary>Element stride along a row in layout A.</summary>
    public readonly long RowStrideA => _extent.Length == 0 ? 1 : _strideA[^1];

    /// <summary>Element stride along a row in layout B.</summary>
    public readonly long RowStrideB => _extent.Length == 0 ? 1 : _strideB[^1];

    public long OffsetA { get; private set; }

    public long OffsetB { get; private set; }

    public bool MoveNext()
    {
        if (_empty)
        {
            return false;
        }

        if (!_started)
        {
            _started = true;
            return true;
        }

        for (var d = _index.Length - 1; d >= 0; d--)
        {
            if (++_index[d] < _extent[d])
            {
                OffsetA += _strideA[d];
                OffsetB += _strideB[d];
                return true;
            }

            OffsetA -= (long)(_index[d] - 1) * _strideA[d];
            OffsetB -= (long)(_index[d] - 1) * _strideB[d];
            _index[d] = 0;
        }

        return false;
    }

    /// <summary>C-order element strides of a shape.</summary>
    public static long[] CStrides(ReadOnlySpan<int> shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= shape[d];
        }

        return strides;
    }

    public static long[] CStrides(ReadOnlySpan<long> shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= shape[d];
        }

        return strides;
    }
}
