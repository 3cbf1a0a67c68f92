using System.Text.RegularExpressions;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>The storage number type of a variable, enough to apply CF packing rules (v2 dtype or v3 data_type).</summary>
public readonly partial record struct NumericType(NumericKind Kind, int ItemSize)
{
    public bool IsFloat => Kind == NumericKind.Float;

    public bool IsInteger => Kind is NumericKind.SignedInteger or NumericKind.UnsignedInteger;

    public static NumericType Float32 => new(NumericKind.Float, 4);

    public static NumericType Float64 => new(NumericKind.Float, 8);

    /// <summary>Parses <c>&lt;f4</c>, <c>|u1</c>, <c>&gt;i2</c>, <c>|b1</c> (v2) or <c>float32</c>, <c>uint8</c>, <c>bool</c> (v3).</summary>
    public static NumericType Parse(string dataType)
    {
        var v2 = V2Pattern().Match(dataType);
        if (v2.Success)
        {
            var size = int.Parse(v2.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            return v2.Groups[1].Value switch
            {
                "f" => new(NumericKind.Float, size),
                "i" => new(NumericKind.SignedInteger, size),
                "u" => new(NumericKind.UnsignedInteger, size),
                "b" => new(NumericKind.Boolean, size),
                _ => new(NumericKind.Other, size),
            };
        }

        return dataType switch
        {
            "float16" => new(NumericKind.Float, 2),
            "float32" => new(NumericKind.Float, 4),
            "float64" => new(NumericKind.Float, 8),
            "int8" => new(NumericKind.SignedInteger, 1),
            "int16" => new(NumericKind.SignedInteger, 2),
            "int32" => new(NumericKind.SignedInteger, 4),
            "int64" => new(NumericKind.SignedInteger, 8),
            "uint8" => new(NumericKind.UnsignedInteger, 1),
            "uint16" => new(NumericKind.UnsignedInteger, 2),
            "uint32" => new(NumericKind.UnsignedInteger, 4),
            "uint64" => new(NumericKind.UnsignedInteger, 8),
            "bool" => new(NumericKind.Boolean, 1),
            _ => new(NumericKind.Other, 0),
        };
    }

    /// <summary>The name openEO/STAC use (<c>float32</c>, <c>int16</c>, ...).</summary>
    public string Name => Kind switch
    {
        NumericKind.Float => $"float{ItemSize * 8}",
        NumericKind.SignedInteger => $"int{ItemSize * 8}",
        NumericKind.UnsignedInteger => $"uint{ItemSize * 8}",
        NumericKind.Boolean => "bool",
        _ => "other",
    };

    [GeneratedRegex(@"^[<>|=]?([fiubmMSUOV])(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex V2Pattern();
}

public enum NumericKind
{
    Float,
    SignedInteger,
    UnsignedInteger,
    Boolean,
    Other,
}
