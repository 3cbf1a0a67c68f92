using System.Buffers.Binary;

namespace OpenEoBridge.Zarr.DataTypes;

/// <summary>Scalar access to machine-order element bytes, for the few codecs that do arithmetic per element.</summary>
internal static class ElementIO
{
    public static bool IsInteger(ZarrDataType t) => t.Kind is DataTypeKind.Int or DataTypeKind.UInt or DataTypeKind.Bool or DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64;

    public static double GetDouble(ZarrDataType t, ReadOnlySpan<byte> data, long index)
    {
        var s = data.Slice((int)(index * t.ItemSize), t.ItemSize);
        return (t.Kind, t.ItemSize) switch
        {
            (DataTypeKind.Float, 2) => (double)BinaryPrimitives.ReadHalfLittleEndian(s),
            (DataTypeKind.Float, 4) => BinaryPrimitives.ReadSingleLittleEndian(s),
            (DataTypeKind.Float, 8) => BinaryPrimitives.ReadDoubleLittleEndian(s),
            (DataTypeKind.UInt, 8) => BinaryPrimitives.ReadUInt64LittleEndian(s),
            _ => GetInt64(t, data, index),
        };
    }

    public static long GetInt64(ZarrDataType t, ReadOnlySpan<byte> data, long index)
    {
        var s = data.Slice((int)(index * t.ItemSize), t.ItemSize);
        return (t.Kind, t.ItemSize) switch
        {
            (DataTypeKind.Bool or DataTypeKind.UInt, 1) => s[0],
            (DataTypeKind.Int, 1) => (sbyte)s[0],
            (DataTypeKind.Int, 2) => BinaryPrimitives.ReadInt16LittleEndian(s),
            (DataTypeKind.UInt, 2) => BinaryPrimitives.ReadUInt16LittleEndian(s),
            (DataTypeKind.Int, 4) => BinaryPrimitives.ReadInt32LittleEndian(s),
            (DataTypeKind.UInt, 4) => BinaryPrimitives.ReadUInt32LittleEndian(s),
            (_, 8) when t.Kind != DataTypeKind.Float => BinaryPrimitives.ReadInt64LittleEndian(s),
            _ => (long)GetDouble(t, data, index),
        };
    }

    /// <summary>Stores a value with NumPy <c>astype</c> semantics (integers wrap, floats round to nearest).</summary>
    public static void SetDouble(ZarrDataType t, Span<byte> data, long index, double value)
    {
        var s = data.Slice((int)(index * t.ItemSize), t.ItemSize);
        if (t.Kind == DataTypeKind.Float)
        {
            FillValue.WriteNumber(t, s, value, value);
            return;
        }

        SetInt64(t, data, index, double.IsFinite(value) ? (long)value : 0);
    }

    public static void SetInt64(ZarrDataType t, Span<byte> data, long index, long value)
    {
        var s = data.Slice((int)(index * t.ItemSize), t.ItemSize);
        if (t.Kind == DataTypeKind.Float)
        {
            FillValue.WriteNumber(t, s, value, value);
            return;
        }

        for (var i = 0; i < t.ItemSize; i++)
        {
            s[i] = (byte)(value >> (8 * i));
        }
    }
}
