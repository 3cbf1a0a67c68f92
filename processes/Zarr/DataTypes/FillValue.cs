using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;

namespace OpenEoBridge.Zarr.DataTypes;

/// <summary>
/// A fill value as the bytes of one element in machine order (or a string for variable-length strings).
/// Parses and writes every JSON form v2 and v3 use: numbers, <c>"NaN"</c>/<c>"Infinity"</c>, v3 hex bit
/// patterns, base64 for byte strings, <c>[re, im]</c> for complex, <c>"NaT"</c> for datetimes.
/// </summary>
public sealed class FillValue
{
    private FillValue(ZarrDataType dataType, byte[] bytes, string? text)
    {
        DataType = dataType;
        Bytes = bytes;
        Text = text;
    }

    public ZarrDataType DataType { get; }

    /// <summary>One element in machine byte order (empty for variable-length strings).</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The fill of a variable-length string array.</summary>
    public string? Text { get; }

    public bool IsZero => Text is null ? !Bytes.Span.ContainsAnyExcept((byte)0) : Text.Length == 0;

    public static FillValue Zero(ZarrDataType type) => new(type, new byte[type.ItemSize], type.IsVariableLength ? "" : null);

    /// <summary>A numeric fill value (converted to the data type like a NumPy cast).</summary>
    public static FillValue FromDouble(ZarrDataType type, double value)
    {
        var bytes = new byte[type.ItemSize];
        WriteNumber(type, bytes, value, value);
        return new FillValue(type, bytes, null);
    }

    public static FillValue FromString(string value) => new(ZarrDataType.String, [], value);

    /// <summary>Reads the fill value as a double (NaN for non-numeric kinds).</summary>
    public double ToDouble()
    {
        var s = Bytes.Span;
        return (DataType.Kind, DataType.ItemSize) switch
        {
            (DataTypeKind.Bool, _) => s[0] != 0 ? 1 : 0,
            (DataTypeKind.Int, 1) => (sbyte)s[0],
            (DataTypeKind.Int, 2) => BinaryPrimitives.ReadInt16LittleEndian(s),
            (DataTypeKind.Int, 4) => BinaryPrimitives.ReadInt32LittleEndian(s),
            (DataTypeKind.Int or DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64, 8) => BinaryPrimitives.ReadInt64LittleEndian(s),
            (DataTypeKind.UInt, 1) => s[0],
            (DataTypeKind.UInt, 2) => BinaryPrimitives.ReadUInt16LittleEndian(s),
            (DataTypeKind.UInt, 4) => BinaryPrimitives.ReadUInt32LittleEndian(s),
            (DataTypeKind.UInt, 8) => BinaryPrimitives.ReadUInt64LittleEndian(s),
            (DataTypeKind.Float, 2) => (double)BinaryPrimitives.ReadHalfLittleEndian(s),
            (DataTypeKind.Float, 4) => BinaryPrimitives.ReadSingleLittleEndian(s),
            (DataTypeKind.Float, 8) => BinaryPrimitives.ReadDoubleLittleEndian(s),
            _ => double.NaN,
        };
    }

    /// <summary>Parses a metadata <c>fill_value</c>; <c>null</c> means "undefined" and reads as zero bytes.</summary>
    public static FillValue Parse(ZarrDataType type, JsonNode? node, int zarrFormat)
    {
        if (type.IsVariableLength)
        {
            return new FillValue(type, [], node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "");
        }

        var bytes = new byte[type.ItemSize];
        if (node is null)
        {
            return new FillValue(type, bytes, null);
        }

        try
        {
            switch (type.Kind)
            {
                case DataTypeKind.Bool:
                    bytes[0] = node.GetValueKind() switch
                    {
                        System.Text.Json.JsonValueKind.True => 1,
                        System.Text.Json.JsonValueKind.False => 0,
                        _ => node.GetValue<double>() != 0 ? (byte)1 : (byte)0,
                    };
                    break;
                case DataTypeKind.Complex:
                    var half = type.ItemSize / 2;
                    var floatType = half == 4 ? ZarrDataType.Float32 : ZarrDataType.Float64;
                    if (node is JsonArray pair && pair.Count == 2)
                    {
                        ParseScalar(floatType, pair[0]!, bytes.AsSpan(0, half), zarrFormat);
                        ParseScalar(floatType, pair[1]!, bytes.AsSpan(half, half), zarrFormat);
                    }
                    else
                    {
                        ParseScalar(floatType, node, bytes.AsSpan(0, half), zarrFormat);
                    }

                    break;
                case DataTypeKind.FixedBytes or DataTypeKind.Raw or DataTypeKind.FixedUnicode:
                    ParseBlob(type, node, bytes);
                    break;
                default:
                    ParseScalar(type, node, bytes, zarrFormat);
                    break;
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw new ZarrException($"fill_value {node.ToJsonString()} does not fit data type {type}", e);
        }

        return new FillValue(type, bytes, null);
    }

    /// <summary>The <c>fill_value</c> JSON for metadata of the given format.</summary>
    public JsonNode? ToJson(int zarrFormat)
    {
        if (DataType.IsVariableLength)
        {
            return zarrFormat == 2 && Text is "" ? null : JsonValue.Create(Text);
        }

        var s = Bytes.Span;
        switch (DataType.Kind)
        {
            case DataTypeKind.Bool:
                return JsonValue.Create(s[0] != 0);
            case DataTypeKind.Int or DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64:
                var l = (long)ToDouble();
                if (DataType.ItemSize == 8)
                {
                    l = BinaryPrimitives.ReadInt64LittleEndian(s);
                }

                return DataType.Kind != DataTypeKind.Int && l == long.MinValue && zarrFormat == 3 ? JsonValue.Create("NaT") : JsonValue.Create(l);
            case DataTypeKind.UInt:
                return DataType.ItemSize == 8 ? JsonValue.Create(BinaryPrimitives.ReadUInt64LittleEndian(s)) : JsonValue.Create((long)ToDouble());
            case DataTypeKind.Float:
                return FloatJson(ToDouble());
            case DataTypeKind.Complex:
                var half = DataType.ItemSize / 2;
                double re = half == 4 ? BinaryPrimitives.ReadSingleLittleEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s);
                double im = half == 4 ? BinaryPrimitives.ReadSingleLittleEndian(s[half..]) : BinaryPrimitives.ReadDoubleLittleEndian(s[half..]);
                return new JsonArray(FloatJson(re), FloatJson(im));
            default:
                if (zarrFormat == 3 && DataType.Kind == DataTypeKind.Raw)
                {
                    var arr = new JsonArray();
                    foreach (var b in s)
                    {
                        arr.Add(b);
                    }

                    return arr;
                }

                return JsonValue.Create(Convert.ToBase64String(s.TrimEnd((byte)0)));
        }
    }

    private static JsonNode FloatJson(double d) =>
        double.IsNaN(d) ? JsonValue.Create("NaN")
        : double.IsPositiveInfinity(d) ? JsonValue.Create("Infinity")
        : double.IsNegativeInfinity(d) ? JsonValue.Create("-Infinity")
        : JsonValue.Create(d);

    private static void ParseBlob(ZarrDataType type, JsonNode node, Span<byte> bytes)
    {
        if (node is JsonArray list)
        {
            for (var i = 0; i < list.Count && i < bytes.Length; i++)
            {
                bytes[i] = list[i]!.GetValue<byte>();
            }

            return;
        }

        if (node.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            // zarr-python 2 writes 0 for "no particular fill" of raw types
            if (node.GetValue<double>() != 0)
            {
                throw new FormatException("numeric fill for a byte type");
            }

            return;
        }

        var text = node.GetValue<string>();
        if (type.Kind == DataTypeKind.FixedUnicode && !IsBase64(text))
        {
            var units = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                if ((units + 1) * 4 > bytes.Length)
                {
                    break;
                }

                BinaryPrimitives.WriteInt32LittleEndian(bytes[(units * 4)..], rune.Value);
                units++;
            }

            return;
        }

        var decoded = Convert.FromBase64String(text);
        decoded.AsSpan(0, Math.Min(decoded.Length, bytes.Length)).CopyTo(bytes);
    }

    private static bool IsBase64(string text) => text.Length % 4 == 0 && Convert.TryFromBase64String(text, new byte[text.Length], out _);

    private static void ParseScalar(ZarrDataType type, JsonNode node, Span<byte> bytes, int zarrFormat)
    {
        if (node.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            var text = node.GetValue<string>();
            switch (text)
            {
                case "NaN":
                    WriteNumber(type, bytes, double.NaN, 0);
                    return;
                case "Infinity":
                    WriteNumber(type, bytes, double.PositiveInfinity, 0);
                    return;
                case "-Infinity":
                    WriteNumber(type, bytes, double.NegativeInfinity, 0);
                    return;
                case "NaT":
                    BinaryPrimitives.WriteInt64LittleEndian(bytes, long.MinValue);
                    return;
            }

            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                // v3: big-endian hex digits of the unsigned integer with the element's bit pattern
                var bits = ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = (byte)(bits >> (8 * i));
                }

                return;
            }

            if (zarrFormat == 2 && IsBase64(text) && type.Kind is not DataTypeKind.Float)
            {
                Convert.FromBase64String(text).AsSpan(0, bytes.Length).CopyTo(bytes);
                return;
            }

            throw new FormatException($"unrecognised fill_value string '{text}'");
        }

        var value = (JsonValue)node;
        if (!value.TryGetValue<System.Text.Json.JsonElement>(out var element))
        {
            element = System.Text.Json.JsonSerializer.SerializeToElement(node);
        }

        if (type.Kind == DataTypeKind.UInt && element.TryGetUInt64(out var u))
        {
            WriteInteger(bytes, type.ItemSize, unchecked((long)u), checkSigned: false, u);
            return;
        }

        if (type.Kind is DataTypeKind.Int or DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64 && element.TryGetInt64(out var l))
        {
            WriteInteger(bytes, type.ItemSize, l, checkSigned: true, 0);
            return;
        }

        var d = element.GetDouble();
        if (type.Kind is DataTypeKind.Int or DataTypeKind.UInt && d != Math.Floor(d))
        {
            throw new FormatException("non-integer fill for an integer type");
        }

        WriteNumber(type, bytes, d, d);
    }

    private static void WriteInteger(Span<byte> bytes, int size, long signed, bool checkSigned, ulong unsignedValue)
    {
        if (checkSigned)
        {
            var min = size == 8 ? long.MinValue : -(1L << (size * 8 - 1));
            var max = size == 8 ? long.MaxValue : (1L << (size * 8 - 1)) - 1;
            if (signed < min || signed > max)
            {
                throw new OverflowException();
            }
        }
        else if (size < 8 && unsignedValue >= 1UL << (size * 8))
        {
            throw new OverflowException();
        }

        for (var i = 0; i < size; i++)
        {
            bytes[i] = (byte)(signed >> (8 * i));
        }
    }

    internal static void WriteNumber(ZarrDataType type, Span<byte> bytes, double value, double integral)
    {
        if (double.IsNaN(value) && type.Kind is DataTypeKind.Float or DataTypeKind.Complex)
        {
            // .NET's NaN constants have the sign bit set; NumPy and the v3 spec use the positive quiet NaN.
            switch (type.Kind == DataTypeKind.Complex ? type.ItemSize / 2 : type.ItemSize)
            {
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(bytes, 0x7E00); return;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(bytes, 0x7FC00000); return;
                default: BinaryPrimitives.WriteUInt64LittleEndian(bytes, 0x7FF8000000000000); return;
            }
        }

        switch (type.Kind, type.ItemSize)
        {
            case (DataTypeKind.Float, 2):
                BinaryPrimitives.WriteHalfLittleEndian(bytes, (Half)value);
                break;
            case (DataTypeKind.Float, 4):
                BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)value);
                break;
            case (DataTypeKind.Float, 8):
                BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
                break;
            case (DataTypeKind.Complex, _):
                if (type.ItemSize == 8)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)value);
                }
                else
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
                }

                break;
            case (DataTypeKind.Bool, _):
                bytes[0] = value != 0 ? (byte)1 : (byte)0;
                break;
            case (DataTypeKind.UInt, 8):
                BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.CreateSaturating(integral));
                break;
            case (DataTypeKind.Int or DataTypeKind.UInt or DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64, _):
                if (double.IsNaN(integral) || double.IsInfinity(integral))
                {
                    throw new FormatException("NaN/Infinity fill for an integer type");
                }

                var l = long.CreateSaturating(integral);
                for (var i = 0; i < type.ItemSize; i++)
                {
                    bytes[i] = (byte)(l >> (8 * i));
                }

                break;
            default:
                throw new FormatException($"numeric fill for {type}");
        }
    }

    /// <summary>Converts the fill to element type <typeparamref name="T"/> (saturating, NaN → 0 for integers).</summary>
    public T As<T>()
        where T : unmanaged, INumberBase<T>
    {
        Span<T> one = stackalloc T[1];
        ElementConverter.ConvertRow(DataType, Bytes.Span, 1, one);
        return one[0];
    }
}
