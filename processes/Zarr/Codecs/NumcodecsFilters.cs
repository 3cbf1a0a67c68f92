using System.Text.Json.Nodes;
using OpenEoBridge.Zarr.Chunks;
using OpenEoBridge.Zarr.DataTypes;

namespace OpenEoBridge.Zarr.Codecs;

/// <summary>
/// Base of the numcodecs element filters: they see the chunk flattened (in its memory order) as
/// <c>dtype</c> and store it as <c>astype</c>.
/// </summary>
public abstract class ElementFilter : IArrayToArrayCodec
{
    protected ElementFilter(JsonObject config)
    {
        var dtype = CodecConfig.String(config, "dtype") ?? throw new ZarrException($"{config["id"]} filter needs 'dtype'");
        DecodedType = ZarrDataType.ParseV2(dtype, out _);
        var astype = CodecConfig.String(config, "astype");
        EncodedType = astype is null ? DecodedType : ZarrDataType.ParseV2(astype, out _);
        if (!DecodedType.IsNumeric || !EncodedType.IsNumeric)
        {
            throw new ZarrUnsupportedException($"{config["id"]} filter on non-numeric type {dtype}");
        }
    }

    public abstract string Name { get; }

    public ZarrDataType DecodedType { get; }

    public ZarrDataType EncodedType { get; }

    public ChunkSpec EncodedSpec(ChunkSpec decoded) =>
        decoded with { DataType = EncodedType, Fill = FillValue.Zero(EncodedType) };

    public ChunkBuffer Decode(ChunkBuffer encoded, ChunkSpec decoded)
    {
        var src = encoded.ToCContiguous();
        var n = src.ElementCount;
        var output = new byte[checked(n * decoded.DataType.ItemSize)];
        DecodeElements(src.Data.Span, output, n, decoded.DataType);
        return new ChunkBuffer(decoded.DataType, encoded.Shape, output);
    }

    public ChunkBuffer Encode(ChunkBuffer decoded, ChunkSpec decoded2)
    {
        var src = decoded.ToCContiguous();
        var n = src.ElementCount;
        var output = new byte[checked(n * EncodedType.ItemSize)];
        EncodeElements(src.Data.Span, output, n, src.DataType);
        return new ChunkBuffer(EncodedType, decoded.Shape, output);
    }

    protected abstract void DecodeElements(ReadOnlySpan<byte> encoded, Span<byte> decoded, long count, ZarrDataType decodedType);

    protected abstract void EncodeElements(ReadOnlySpan<byte> decoded, Span<byte> encoded, long count, ZarrDataType decodedType);
}

/// <summary>numcodecs <c>delta</c>: first value, then differences; decoding is a running sum.</summary>
public sealed class DeltaFilter(JsonObject config) : ElementFilter(config)
{
    public override string Name => "delta";

    protected override void DecodeElements(ReadOnlySpan<byte> encoded, Span<byte> decoded, long count, ZarrDataType decodedType)
    {
        if (ElementIO.IsInteger(EncodedType))
        {
            long sum = 0;
            for (long i = 0; i < count; i++)
            {
                sum = Wrap(sum + ElementIO.GetInt64(EncodedType, encoded, i), EncodedType);
                ElementIO.SetInt64(decodedType, decoded, i, sum);
            }

            return;
        }

        double acc = 0;
        for (long i = 0; i < count; i++)
        {
            acc += ElementIO.GetDouble(EncodedType, encoded, i);
            ElementIO.SetDouble(decodedType, decoded, i, acc);
        }
    }

    protected override void EncodeElements(ReadOnlySpan<byte> decoded, Span<byte> encoded, long count, ZarrDataType decodedType)
    {
        if (ElementIO.IsInteger(EncodedType))
        {
            long prev = 0;
            for (long i = 0; i < count; i++)
            {
                var v = ElementIO.GetInt64(decodedType, decoded, i);
                ElementIO.SetInt64(EncodedType, encoded, i, v - prev);
                prev = v;
            }

            return;
        }

        double p = 0;
        for (long i = 0; i < count; i++)
        {
            var v = ElementIO.GetDouble(decodedType, decoded, i);
            ElementIO.SetDouble(EncodedType, encoded, i, i == 0 ? v : v - p);
            p = v;
        }
    }

    // Running sums wrap at the stored integer width, exactly like NumPy's cumsum in that dtype.
    private static long Wrap(long value, ZarrDataType t) => t.ItemSize switch
    {
        1 => t.Kind == DataTypeKind.Int ? (sbyte)value : (byte)value,
        2 => t.Kind == DataTypeKind.Int ? (short)value : (ushort)value,
        4 => t.Kind == DataTypeKind.Int ? (int)value : (uint)value,
        _ => value,
    };
}

/// <summary>numcodecs <c>fixedscaleoffset</c>: stores <c>round((x - offset) * scale)</c>.</summary>
public sealed class FixedScaleOffsetFilter(JsonObject config) : ElementFilter(config)
{
    public double Offset { get; } = CodecConfig.Double(config, "offset", 0);

    public double Scale { get; } = CodecConfig.Double(config, "scale", 1);

    public override string Name => "fixedscaleoffset";

    protected override void DecodeElements(ReadOnlySpan<byte> encoded, Span<byte> decoded, long count, ZarrDataType decodedType)
    {
        for (long i = 0; i < count; i++)
        {
            ElementIO.SetDouble(decodedType, decoded, i, (ElementIO.GetDouble(EncodedType, encoded, i) / Scale) + Offset);
        }
    }

    protected override void EncodeElements(ReadOnlySpan<byte> decoded, Span<byte> encoded, long count, ZarrDataType decodedType)
    {
        for (long i = 0; i < count; i++)
        {
            ElementIO.SetDouble(EncodedType, encoded, i, Math.Round((ElementIO.GetDouble(decodedType, decoded, i) - Offset) * Scale, MidpointRounding.ToEven));
        }
    }
}

/// <summary>numcodecs <c>quantize</c>: rounds to a binary precision on encode; decoding is a cast.</summary>
public sealed class QuantizeFilter(JsonObject config) : ElementFilter(config)
{
    public int Digits { get; } = CodecConfig.Int(config, "digits", 0);

    public override string Name => "quantize";

    protected override void DecodeElements(ReadOnlySpan<byte> encoded, Span<byte> decoded, long count, ZarrDataType decodedType)
    {
        for (long i = 0; i < count; i++)
        {
            ElementIO.SetDouble(decodedType, decoded, i, ElementIO.GetDouble(EncodedType, encoded, i));
        }
    }

    protected override void EncodeElements(ReadOnlySpan<byte> decoded, Span<byte> encoded, long count, ZarrDataType decodedType)
    {
        var exp = Math.Log10(Math.Pow(10, -Digits));
        exp = exp < 0 ? Math.Floor(exp) : Math.Ceiling(exp);
        var bits = Math.Ceiling(Math.Log2(Math.Pow(10, -exp)));
        var scale = Math.Pow(2, bits);
        for (long i = 0; i < count; i++)
        {
            ElementIO.SetDouble(EncodedType, encoded, i, Math.Round(scale * ElementIO.GetDouble(decodedType, decoded, i), MidpointRounding.ToEven) / scale);
        }
    }
}

/// <summary>numcodecs <c>astype</c>: a plain cast between <c>decode_dtype</c> and <c>encode_dtype</c>.</summary>
public sealed class AsTypeFilter(JsonObject config) : ElementFilter(new JsonObject
{
    ["id"] = "astype",
    ["dtype"] = CodecConfig.String(config, "decode_dtype"),
    ["astype"] = CodecConfig.String(config, "encode_dtype"),
})
{
    public override string Name => "astype";

    protected override void DecodeElements(ReadOnlySpan<byte> encoded, Span<byte> decoded, long count, ZarrDataType decodedType)
    {
        for (long i = 0; i < count; i++)
        {
            ElementIO.SetDouble(decodedType, decoded, i, ElementIO.GetDouble(EncodedType, encoded, i));
        }
    }

    protected override void EncodeElements(ReadOnlySpan<byte> decoded, Span<byte> encoded, long count, ZarrDataType decodedType)
    {
        for (long i = 0; i < count; i++)
        {
            ElementIO.SetDouble(EncodedType, encoded, i, ElementIO.GetDouble(decodedType, decoded, i));
        }
    }
}
