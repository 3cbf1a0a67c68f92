using System.Numerics;
using System.Runtime.InteropServices;
using OpenEoBridge.Zarr.DataTypes;

namespace OpenEoBridge.Zarr.Chunks;

/// <summary>
/// A decoded chunk: elements in machine byte order with arbitrary element strides, so that a transpose
/// codec (or v2 <c>order: "F"</c>) costs nothing until the crop-and-convert copy. Variable-length strings
/// live in <see cref="Strings"/> instead of <see cref="Data"/>.
/// </summary>
public sealed class ChunkBuffer
{
    public ChunkBuffer(ZarrDataType dataType, int[] shape, Memory<byte> data, long[]? strides = null, string[]? strings = null)
    {
        DataType = dataType;
        Shape = shape;
        Strides = strides ?? RowCursor.CStrides(shape);
        Data = data;
        Strings = strings;
        if (dataType.IsVariableLength ? strings is null || strings.Length < ElementCount : data.Length < ElementCount * dataType.ItemSize)
        {
            throw new ArgumentException("Chunk data is smaller than its shape");
        }
    }

    public ZarrDataType DataType { get; }

    public int[] Shape { get; }

    /// <summary>Element strides per dimension.</summary>
    public long[] Strides { get; }

    public Memory<byte> Data { get; }

    public string[]? Strings { get; }

    public long ElementCount
    {
        get
        {
            long n = 1;
            foreach (var s in Shape)
            {
                n *= s;
            }

            return n;
        }
    }

    /// <summary>Bytes held (for memory accounting; strings estimated at 2 bytes per char plus overhead).</summary>
    public long ByteSize => Strings is null ? Data.Length : Strings.Sum(s => 24L + (2L * s.Length));

    public bool IsCContiguous => Strides.AsSpan().SequenceEqual(RowCursor.CStrides(Shape));

    /// <summary>A chunk of <paramref name="shape"/> where every element is the fill value.</summary>
    public static ChunkBuffer Filled(ZarrDataType type, int[] shape, FillValue fill)
    {
        long n = 1;
        foreach (var s in shape)
        {
            n *= s;
        }

        if (type.IsVariableLength)
        {
            var strings = new string[n];
            Array.Fill(strings, fill.Text ?? "");
            return new ChunkBuffer(type, shape, Memory<byte>.Empty, null, strings);
        }

        var data = GC.AllocateUninitializedArray<byte>(checked((int)(n * type.ItemSize)));
        FillBytes(data, fill.Bytes.Span);
        return new ChunkBuffer(type, shape, data);
    }

    /// <summary>Repeats one element's bytes over <paramref name="target"/>.</summary>
    public static void FillBytes(Span<byte> target, ReadOnlySpan<byte> element)
    {
        if (element.Length == 0)
        {
            return;
        }

        if (!element.ContainsAnyExcept(element[0]))
        {
            target.Fill(element[0]);
            return;
        }

        for (var i = 0; i + element.Length <= target.Length; i += element.Length)
        {
            element.CopyTo(target[i..]);
        }
    }

    /// <summary>The same elements viewed with axes permuted: view axis i is this buffer's axis <paramref name="axes"/>[i].</summary>
    public ChunkBuffer PermuteAxes(ReadOnlySpan<int> axes)
    {
        var shape = new int[axes.Length];
        var strides = new long[axes.Length];
        for (var i = 0; i < axes.Length; i++)
        {
            shape[i] = Shape[axes[i]];
            strides[i] = Strides[axes[i]];
        }

        return new ChunkBuffer(DataType, shape, Data, strides, Strings);
    }

    /// <summary>This chunk in C order (itself if already so).</summary>
    public ChunkBuffer ToCContiguous()
    {
        if (IsCContiguous)
        {
            return this;
        }

        var rank = Shape.Length;
        var target = RowCursor.CStrides(Shape);
        var zero = new long[rank];
        if (DataType.IsVariableLength)
        {
            var strings = new string[ElementCount];
            var c = new RowCursor(Shape, zero, Strides, zero, target);
            while (c.MoveNext())
            {
                for (var i = 0; i < c.RowLength; i++)
                {
                    strings[c.OffsetB + i] = Strings![c.OffsetA + (i * c.RowStrideA)];
                }
            }

            return new ChunkBuffer(DataType, Shape, Memory<byte>.Empty, null, strings);
        }

        var size = DataType.ItemSize;
        var data = GC.AllocateUninitializedArray<byte>(checked((int)(ElementCount * size)));
        var src = Data.Span;
        var cursor = new RowCursor(Shape, zero, Strides, zero, target);
        while (cursor.MoveNext())
        {
            CopyStridedBytes(src, cursor.OffsetA, cursor.RowStrideA, data, cursor.OffsetB, 1, cursor.RowLength, size);
        }

        return new ChunkBuffer(DataType, Shape, data);
    }

    /// <summary>Copies the selected box into a C-order destination of <paramref name="destinationShape"/>, converting to <typeparamref name="T"/>.</summary>
    public void CopyTo<T>(ChunkSelection selection, Span<T> destination, long[] destinationShape)
        where T : unmanaged, INumberBase<T>
    {
        var cursor = Cursor(selection, destinationShape);
        var src = Data.Span;
        var size = DataType.ItemSize;
        var identity = ElementConverter.IsIdentity<T>(DataType);
        while (cursor.MoveNext())
        {
            var n = cursor.RowLength;
            var dst = destination.Slice((int)cursor.OffsetB, n);
            if (identity && cursor.RowStrideA == 1)
            {
                src.Slice((int)(cursor.OffsetA * size), n * size).CopyTo(MemoryMarshal.AsBytes(dst));
            }
            else
            {
                ElementConverter.ConvertRow(DataType, src[(int)(cursor.OffsetA * size)..], n, dst, cursor.RowStrideA);
            }
        }
    }

    /// <summary>Copies the selected box as raw element bytes (machine order) into a C-order destination.</summary>
    public void CopyRawTo(ChunkSelection selection, Span<byte> destination, long[] destinationShape)
    {
        var cursor = Cursor(selection, destinationShape);
        while (cursor.MoveNext())
        {
            CopyStridedBytes(Data.Span, cursor.OffsetA, cursor.RowStrideA, destination, cursor.OffsetB, 1, cursor.RowLength, DataType.ItemSize);
        }
    }

    public void CopyStringsTo(ChunkSelection selection, Span<string> destination, long[] destinationShape)
    {
        var cursor = Cursor(selection, destinationShape);
        while (cursor.MoveNext())
        {
            for (var i = 0; i < cursor.RowLength; i++)
            {
                destination[(int)cursor.OffsetB + i] = Strings![cursor.OffsetA + (i * cursor.RowStrideA)];
            }
        }
    }

    /// <summary>Overwrites the selected box with values from a C-order source of <paramref name="sourceShape"/>.</summary>
    public void CopyFrom<T>(ChunkSelection selection, ReadOnlySpan<T> source, long[] sourceShape)
        where T : unmanaged, INumberBase<T>
    {
        var cursor = Cursor(selection, sourceShape);
        var dst = Data.Span;
        var size = DataType.ItemSize;
        var identity = ElementConverter.IsIdentity<T>(DataType);
        while (cursor.MoveNext())
        {
            var n = cursor.RowLength;
            var src = source.Slice((int)cursor.OffsetB, n);
            if (identity && cursor.RowStrideA == 1)
            {
                MemoryMarshal.AsBytes(src).CopyTo(dst[(int)(cursor.OffsetA * size)..]);
            }
            else
            {
                ElementConverter.ConvertRowBack(src, DataType, dst[(int)(cursor.OffsetA * size)..], cursor.RowStrideA);
            }
        }
    }

    public void CopyRawFrom(ChunkSelection selection, ReadOnlySpan<byte> source, long[] sourceShape)
    {
        var cursor = Cursor(selection, sourceShape);
        while (cursor.MoveNext())
        {
            CopyStridedBytes(source, cursor.OffsetB, 1, Data.Span, cursor.OffsetA, cursor.RowStrideA, cursor.RowLength, DataType.ItemSize);
        }
    }

    public void CopyStringsFrom(ChunkSelection selection, ReadOnlySpan<string> source, long[] sourceShape)
    {
        var cursor = Cursor(selection, sourceShape);
        while (cursor.MoveNext())
        {
            for (var i = 0; i < cursor.RowLength; i++)
            {
                Strings![cursor.OffsetA + (i * cursor.RowStrideA)] = source[(int)cursor.OffsetB + i];
            }
        }
    }

    /// <summary>Whether every element equals the fill value (such chunks need not be stored).</summary>
    public bool IsAllFill(FillValue fill)
    {
        if (DataType.IsVariableLength)
        {
            return Strings!.Take((int)ElementCount).All(s => s == (fill.Text ?? ""));
        }

        var c = ToCContiguous();
        var data = c.Data.Span[..(int)(ElementCount * DataType.ItemSize)];
        var element = fill.Bytes.Span;
        if (!element.ContainsAnyExcept(element[0]))
        {
            return !data.ContainsAnyExcept(element[0]);
        }

        for (var i = 0; i < data.Length; i += element.Length)
        {
            if (!data.Slice(i, element.Length).SequenceEqual(element))
            {
                return false;
            }
        }

        return true;
    }

    private RowCursor Cursor(ChunkSelection selection, long[] regionShape)
    {
        var startInChunk = new long[selection.StartInChunk.Length];
        for (var i = 0; i < startInChunk.Length; i++)
        {
            startInChunk[i] = selection.StartInChunk[i];
        }

        return new RowCursor(selection.Extent, startInChunk, Strides, selection.StartInRegion, RowCursor.CStrides(regionShape));
    }

    private static void CopyStridedBytes(ReadOnlySpan<byte> src, long srcOffset, long srcStride, Span<byte> dst, long dstOffset, long dstStride, int count, int size)
    {
        if (srcStride == 1 && dstStride == 1)
        {
            src.Slice((int)(srcOffset * size), count * size).CopyTo(dst[(int)(dstOffset * size)..]);
            return;
        }

        for (var i = 0; i < count; i++)
        {
            src.Slice((int)((srcOffset + (i * srcStride)) * size), size).CopyTo(dst.Slice((int)((dstOffset + (i * dstStride)) * size), size));
        }
    }
}
