using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OpenEoBridge.Zarr.DataTypes;

/// <summary>
/// Strided element conversion between stored element bytes (machine order) and caller element types.
/// Conversions saturate like <see cref="INumberBase{TSelf}.CreateSaturating{TOther}"/> (NaN → 0 for integers).
/// </summary>
public static class ElementConverter
{
    /// <summary>Whether <typeparamref name="T"/> is exactly the in-memory layout of <paramref name="type"/>.</summary>
    public static bool IsIdentity<T>(ZarrDataType type)
        where T : unmanaged =>
        type.NativeType == typeof(T) || (type.Kind == DataTypeKind.Bool && typeof(T) == typeof(byte));

    /// <summary>Converts <paramref name="count"/> elements read every <paramref name="srcStride"/> elements from <paramref name="src"/>.</summary>
    public static void ConvertRow<T>(ZarrDataType type, ReadOnlySpan<byte> src, int count, Span<T> dst, long srcStride = 1)
        where T : unmanaged, INumberBase<T>
    {
        switch (type.Kind, type.ItemSize)
        {
            case (DataTypeKind.Bool, _):
            case (DataTypeKind.UInt, 1): Row<byte, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.Int, 1): Row<sbyte, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.Int, 2): Row<short, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.Int, 4): Row<int, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.Int or DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64, 8): Row<long, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.UInt, 2): Row<ushort, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.UInt, 4): Row<uint, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.UInt, 8): Row<ulong, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.Float, 2): Row<Half, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.Float, 4): Row<float, T>(src, count, srcStride, dst); break;
            case (DataTypeKind.Float, 8): Row<double, T>(src, count, srcStride, dst); break;
            default: throw new NotSupportedException($"Elements of type {type} cannot be converted to {typeof(T).Name}; read them as raw bytes");
        }
    }

    /// <summary>Converts caller elements into stored element bytes, writing every <paramref name="dstStride"/> elements.</summary>
    public static void ConvertRowBack<T>(ReadOnlySpan<T> src, ZarrDataType type, Span<byte> dst, long dstStride = 1)
        where T : unmanaged, INumberBase<T>
    {
        switch (type.Kind, type.ItemSize)
        {
            case (DataTypeKind.Bool, _): BoolBack(src, dst, dstStride); break;
            case (DataTypeKind.UInt, 1): Back<T, byte>(src, dst, dstStride); break;
            case (DataTypeKind.Int, 1): Back<T, sbyte>(src, dst, dstStride); break;
            case (DataTypeKind.Int, 2): Back<T, short>(src, dst, dstStride); break;
            case (DataTypeKind.Int, 4): Back<T, int>(src, dst, dstStride); break;
            case (DataTypeKind.Int or DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64, 8): Back<T, long>(src, dst, dstStride); break;
            case (DataTypeKind.UInt, 2): Back<T, ushort>(src, dst, dstStride); break;
            case (DataTypeKind.UInt, 4): Back<T, uint>(src, dst, dstStride); break;
            case (DataTypeKind.UInt, 8): Back<T, ulong>(src, dst, dstStride); break;
            case (DataTypeKind.Float, 2): Back<T, Half>(src, dst, dstStride); break;
            case (DataTypeKind.Float, 4): Back<T, float>(src, dst, dstStride); break;
            case (DataTypeKind.Float, 8): Back<T, double>(src, dst, dstStride); break;
            default: throw new NotSupportedException($"{typeof(T).Name} values cannot be stored as {type}; write raw bytes");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row<TSrc, T>(ReadOnlySpan<byte> src, int count, long stride, Span<T> dst)
        where TSrc : unmanaged, INumberBase<TSrc>
        where T : unmanaged, INumberBase<T>
    {
        var s = MemoryMarshal.Cast<byte, TSrc>(src);
        if (typeof(TSrc) == typeof(T))
        {
            var same = MemoryMarshal.Cast<TSrc, T>(s);
            if (stride == 1)
            {
                same[..count].CopyTo(dst);
                return;
            }

            for (int i = 0, j = 0; i < count; i++, j += (int)stride)
            {
                dst[i] = same[j];
            }

            return;
        }

        if (stride == 1)
        {
            for (var i = 0; i < count; i++)
            {
                dst[i] = T.CreateSaturating(s[i]);
            }

            return;
        }

        for (int i = 0, j = 0; i < count; i++, j += (int)stride)
        {
            dst[i] = T.CreateSaturating(s[j]);
        }
    }

    private static void Back<T, TDst>(ReadOnlySpan<T> src, Span<byte> dst, long stride)
        where T : unmanaged, INumberBase<T>
        where TDst : unmanaged, INumberBase<TDst>
    {
        var d = MemoryMarshal.Cast<byte, TDst>(dst);
        for (int i = 0, j = 0; i < src.Length; i++, j += (int)stride)
        {
            d[j] = typeof(T) == typeof(TDst) ? Unsafe.As<T, TDst>(ref Unsafe.AsRef(in src[i])) : TDst.CreateSaturating(src[i]);
        }
    }

    private static void BoolBack<T>(ReadOnlySpan<T> src, Span<byte> dst, long stride)
        where T : unmanaged, INumberBase<T>
    {
        for (int i = 0, j = 0; i < src.Length; i++, j += (int)stride)
        {
            dst[j] = T.IsZero(src[i]) ? (byte)0 : (byte)1;
        }
    }
}
