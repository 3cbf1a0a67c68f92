using System.Buffers.Binary;
using System.Text.Json;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// CF packing and masking of one variable, decoded the way xarray decodes it: stored values equal to
/// <c>_FillValue</c> or <c>missing_value</c> become NaN, then <c>value * scale_factor + add_offset</c>.
/// <c>valid_range</c>/<c>valid_min</c>/<c>valid_max</c> are kept and applied only on request
/// (<see cref="Decode(double, bool)"/>), because xarray ignores them and results must match xarray.
/// </summary>
public sealed record ValuePacking(
    NumericType StoredType,
    double? ScaleFactor,
    double? AddOffset,
    IReadOnlyList<double> MaskedValues,
    double? ValidMin,
    double? ValidMax)
{
    public bool IsPacked => ScaleFactor.HasValue || AddOffset.HasValue;

    public bool HasMask => MaskedValues.Count > 0;

    /// <summary>
    /// xarray's in-memory type, from its two decoding steps: masking promotes integers to a float that holds them
    /// (float32 up to 16 bits, else float64); scaling then keeps float32, or uses float32 for integers of up to
    /// 16 bits without an offset, and float64 otherwise.
    /// </summary>
    public NumericType DecodedType
    {
        get
        {
            var type = StoredType;
            if (HasMask && type.IsInteger)
            {
                type = type.ItemSize <= 2 ? NumericType.Float32 : NumericType.Float64;
            }

            if (!IsPacked)
            {
                return type;
            }

            return (type.IsFloat && type.ItemSize <= 4) || (type.IsInteger && type.ItemSize <= 2 && !AddOffset.HasValue)
                ? NumericType.Float32
                : NumericType.Float64;
        }
    }

    /// <summary>The no-data value in decoded units (NaN once masking applies), for STAC <c>nodata</c>.</summary>
    public double? DecodedNoData => HasMask || DecodedType.IsFloat && StoredType != DecodedType ? double.NaN : null;

    /// <summary>
    /// Reads the CF attributes. <paramref name="zarrV2FillValue"/> is the v2 <c>.zarray</c> <c>fill_value</c>, which
    /// xarray treats as <c>_FillValue</c> when the attribute is absent; v3 stores pass null (xarray only uses the attribute there).
    /// </summary>
    public static ValuePacking FromAttributes(IReadOnlyDictionary<string, JsonElement> attributes, NumericType storedType, JsonElement? zarrV2FillValue = null)
    {
        var masked = new List<double>();
        if (attributes.TryGetValue("_FillValue", out var fill))
        {
            masked.Add(ReadFillValue(fill, storedType));
        }
        else if (zarrV2FillValue is { ValueKind: not JsonValueKind.Null } zarrFill && Attributes.AsDouble(zarrFill) is { } zf)
        {
            masked.Add(zf);
        }

        foreach (var missing in attributes.GetDoubles("missing_value") ?? [])
        {
            if (!masked.Any(m => SameValue(m, missing)))
            {
                masked.Add(missing);
            }
        }

        var range = attributes.GetDoubles("valid_range");
        return new ValuePacking(
            storedType,
            attributes.GetDouble("scale_factor"),
            attributes.GetDouble("add_offset"),
            masked,
            range is { Length: 2 } ? range[0] : attributes.GetDouble("valid_min"),
            range is { Length: 2 } ? range[1] : attributes.GetDouble("valid_max"));
    }

    /// <summary>
    /// A <c>_FillValue</c> attribute: a number, a Zarr special string, or (xarray on Zarr v3) base64 of the
    /// little-endian float64 bytes for floating-point variables.
    /// </summary>
    public static double ReadFillValue(JsonElement value, NumericType storedType)
    {
        if (Attributes.AsDouble(value) is { } number)
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && storedType.IsFloat)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(value.GetString()!);
            }
            catch (FormatException e)
            {
                throw new FormatException($"_FillValue '{value.GetString()}' is neither a number nor base64 float bytes.", e);
            }

            return bytes.Length switch
            {
                8 => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
                4 => BinaryPrimitives.ReadSingleLittleEndian(bytes),
                _ => throw new FormatException($"_FillValue '{value.GetString()}' decodes to {bytes.Length} bytes; expected 4 or 8."),
            };
        }

        throw new FormatException($"_FillValue {value.GetRawText()} is not a number for a {storedType.Name} variable.");
    }

    /// <summary>The attribute xarray writes on Zarr v3 for a floating-point fill value (base64 of float64 LE bytes).</summary>
    public static string EncodeV3FloatFillValue(double value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return Convert.ToBase64String(bytes);
    }

    public bool IsMasked(double stored)
    {
        foreach (var m in MaskedValues)
        {
            if (SameValue(m, stored))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One stored value to its physical value; NaN for masked (and, if asked, out-of-range) values.</summary>
    public double Decode(double stored, bool applyValidRange = false)
    {
        if (IsMasked(stored) || (applyValidRange && (stored < ValidMin || stored > ValidMax)))
        {
            return double.NaN;
        }

        if (DecodedType == NumericType.Float32)
        {
            // numpy applies the float64 attributes to a float32 array in float32, one operation at a time.
            var single = (float)stored;
            single = (float)(single * (float)(ScaleFactor ?? 1));
            return (float)(single + (float)(AddOffset ?? 0));
        }

        return (stored * (ScaleFactor ?? 1)) + (AddOffset ?? 0);
    }

    public void Decode(ReadOnlySpan<double> stored, Span<double> decoded, bool applyValidRange = false)
    {
        for (var i = 0; i < stored.Length; i++)
        {
            decoded[i] = Decode(stored[i], applyValidRange);
        }
    }

    private static bool SameValue(double a, double b) => a.Equals(b);
}
