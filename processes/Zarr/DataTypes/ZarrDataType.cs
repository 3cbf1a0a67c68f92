using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenEoBridge.Zarr.DataTypes;

/// <summary>
/// An element type independent of byte order: in memory this library always holds elements in the
/// machine's (little-endian) order; byte order is a property of the stored encoding (v2 dtype prefix,
/// v3 <c>bytes</c> codec).
/// </summary>
public sealed partial record ZarrDataType
{
    private ZarrDataType(DataTypeKind kind, int itemSize, string? timeUnit = null, long timeScale = 1)
    {
        Kind = kind;
        ItemSize = itemSize;
        TimeUnit = timeUnit;
        TimeScale = timeScale;
    }

    public DataTypeKind Kind { get; }

    /// <summary>Bytes per element; 0 for variable-length strings.</summary>
    public int ItemSize { get; }

    /// <summary>datetime64/timedelta64 unit (<c>ns</c>, <c>s</c>, <c>D</c>, ...).</summary>
    public string? TimeUnit { get; }

    /// <summary>v3 <c>scale_factor</c> of datetime64/timedelta64 (v2 <c>M8[10s]</c>).</summary>
    public long TimeScale { get; }

    public bool IsVariableLength => Kind == DataTypeKind.String;

    /// <summary>Whether elements are plain numbers that <c>ReadAsync&lt;T&gt;</c> can convert.</summary>
    public bool IsNumeric => Kind is DataTypeKind.Bool or DataTypeKind.Int or DataTypeKind.UInt or DataTypeKind.Float
        or DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64;

    /// <summary>Size of the unit whose bytes are reversed when changing byte order (1 = never swapped).</summary>
    public int SwapUnit => Kind switch
    {
        DataTypeKind.Complex => ItemSize / 2,
        DataTypeKind.FixedUnicode => 4,
        DataTypeKind.FixedBytes or DataTypeKind.Raw or DataTypeKind.Bool or DataTypeKind.String => 1,
        _ => ItemSize,
    };

    public static ZarrDataType Bool { get; } = new(DataTypeKind.Bool, 1);
    public static ZarrDataType Int8 { get; } = new(DataTypeKind.Int, 1);
    public static ZarrDataType Int16 { get; } = new(DataTypeKind.Int, 2);
    public static ZarrDataType Int32 { get; } = new(DataTypeKind.Int, 4);
    public static ZarrDataType Int64 { get; } = new(DataTypeKind.Int, 8);
    public static ZarrDataType UInt8 { get; } = new(DataTypeKind.UInt, 1);
    public static ZarrDataType UInt16 { get; } = new(DataTypeKind.UInt, 2);
    public static ZarrDataType UInt32 { get; } = new(DataTypeKind.UInt, 4);
    public static ZarrDataType UInt64 { get; } = new(DataTypeKind.UInt, 8);
    public static ZarrDataType Float16 { get; } = new(DataTypeKind.Float, 2);
    public static ZarrDataType Float32 { get; } = new(DataTypeKind.Float, 4);
    public static ZarrDataType Float64 { get; } = new(DataTypeKind.Float, 8);
    public static ZarrDataType Complex64 { get; } = new(DataTypeKind.Complex, 8);
    public static ZarrDataType Complex128 { get; } = new(DataTypeKind.Complex, 16);
    public static ZarrDataType String { get; } = new(DataTypeKind.String, 0);

    public static ZarrDataType DateTime64(string unit, long scale = 1) => new(DataTypeKind.DateTime64, 8, ValidateUnit(unit), scale);

    public static ZarrDataType TimeDelta64(string unit, long scale = 1) => new(DataTypeKind.TimeDelta64, 8, ValidateUnit(unit), scale);

    public static ZarrDataType FixedBytes(int length) => new(DataTypeKind.FixedBytes, Positive(length));

    public static ZarrDataType FixedUnicode(int characters) => new(DataTypeKind.FixedUnicode, checked(Positive(characters) * 4));

    public static ZarrDataType Raw(int bytes) => new(DataTypeKind.Raw, Positive(bytes));

    /// <summary>The .NET type <c>ReadAsync&lt;T&gt;</c> uses without conversion, or null for non-numeric kinds.</summary>
    public Type? NativeType => (Kind, ItemSize) switch
    {
        (DataTypeKind.Bool, _) => typeof(bool),
        (DataTypeKind.Int, 1) => typeof(sbyte),
        (DataTypeKind.Int, 2) => typeof(short),
        (DataTypeKind.Int, 4) => typeof(int),
        (DataTypeKind.Int, 8) => typeof(long),
        (DataTypeKind.UInt, 1) => typeof(byte),
        (DataTypeKind.UInt, 2) => typeof(ushort),
        (DataTypeKind.UInt, 4) => typeof(uint),
        (DataTypeKind.UInt, 8) => typeof(ulong),
        (DataTypeKind.Float, 2) => typeof(Half),
        (DataTypeKind.Float, 4) => typeof(float),
        (DataTypeKind.Float, 8) => typeof(double),
        (DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64, _) => typeof(long),
        _ => null,
    };

    // ---- v2 (NumPy typestr) ----

    [GeneratedRegex(@"^([<>|=])([biufcmMSUV])(\d+)(?:\[(\d*)([A-Za-z]+)\])?$")]
    private static partial Regex V2Pattern();

    /// <summary>Parses a v2 dtype string; <paramref name="bigEndian"/> reports its stored byte order.</summary>
    public static ZarrDataType ParseV2(string dtype, out bool bigEndian)
    {
        var m = V2Pattern().Match(dtype);
        if (!m.Success)
        {
            throw dtype.Length >= 2 && dtype[1] == 'O'
                ? new ZarrUnsupportedException($"dtype '{dtype}' (Python objects) is only supported with the vlen-utf8 filter; pickle and other object codecs are refused")
                : new ZarrException($"Unsupported or malformed v2 dtype '{dtype}'");
        }

        bigEndian = m.Groups[1].Value == ">";
        var size = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        var kindChar = m.Groups[2].Value[0];
        if ((kindChar is 'm' or 'M') != m.Groups[5].Success)
        {
            throw new ZarrException($"Malformed v2 dtype '{dtype}'");
        }

        return kindChar switch
        {
            'b' when size == 1 => Bool,
            'i' or 'u' or 'f' => FromNumeric(kindChar, size) ?? throw new ZarrException($"Unsupported v2 dtype '{dtype}'"),
            'c' when size is 8 => Complex64,
            'c' when size is 16 => Complex128,
            'M' or 'm' when size == 8 => new ZarrDataType(kindChar == 'M' ? DataTypeKind.DateTime64 : DataTypeKind.TimeDelta64, 8,
                ValidateUnit(m.Groups[5].Value),
                m.Groups[4].Value.Length == 0 ? 1 : long.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture)),
            'S' => FixedBytes(size),
            'U' => FixedUnicode(size),
            'V' => Raw(size),
            _ => throw new ZarrException($"Unsupported v2 dtype '{dtype}'"),
        };
    }

    /// <summary>The v2 dtype string in the given byte order.</summary>
    public string ToV2(bool bigEndian = false)
    {
        var order = SwapUnit == 1 && Kind != DataTypeKind.FixedUnicode ? '|' : bigEndian ? '>' : '<';
        return Kind switch
        {
            DataTypeKind.Bool => "|b1",
            DataTypeKind.Int => $"{order}i{ItemSize}",
            DataTypeKind.UInt => $"{order}u{ItemSize}",
            DataTypeKind.Float => $"{order}f{ItemSize}",
            DataTypeKind.Complex => $"{order}c{ItemSize}",
            DataTypeKind.DateTime64 => $"{order}M8[{ScalePrefix}{TimeUnit}]",
            DataTypeKind.TimeDelta64 => $"{order}m8[{ScalePrefix}{TimeUnit}]",
            DataTypeKind.FixedBytes => $"|S{ItemSize}",
            DataTypeKind.FixedUnicode => $"{(bigEndian ? '>' : '<')}U{ItemSize / 4}",
            DataTypeKind.Raw => $"|V{ItemSize}",
            DataTypeKind.String => "|O",
            _ => throw new InvalidOperationException(),
        };
    }

    private string ScalePrefix => TimeScale == 1 ? "" : TimeScale.ToString(CultureInfo.InvariantCulture);

    // ---- v3 ----

    /// <summary>Parses a v3 <c>data_type</c> (core name, or an extension object/name).</summary>
    public static ZarrDataType ParseV3(JsonNode? node)
    {
        string name;
        JsonObject? config = null;
        switch (node)
        {
            case JsonValue v when v.TryGetValue<string>(out var s):
                name = s;
                break;
            case JsonObject o when o["name"] is JsonValue nv && nv.TryGetValue<string>(out var s2):
                name = s2;
                config = o["configuration"] as JsonObject;
                break;
            default:
                throw new ZarrException($"Malformed v3 data_type {node?.ToJsonString() ?? "null"}");
        }

        switch (name)
        {
            case "bool": return Bool;
            case "int8": return Int8;
            case "int16": return Int16;
            case "int32": return Int32;
            case "int64": return Int64;
            case "uint8": return UInt8;
            case "uint16": return UInt16;
            case "uint32": return UInt32;
            case "uint64": return UInt64;
            case "float16": return Float16;
            case "float32": return Float32;
            case "float64": return Float64;
            case "complex64": return Complex64;
            case "complex128": return Complex128;
            case "string": return String;
            case "numpy.datetime64":
            case "numpy.timedelta64":
                var unit = config?["unit"]?.GetValue<string>() ?? throw new ZarrException($"data_type {name} needs configuration.unit");
                var scale = (config?["scale_factor"] is { } sf ? Metadata.JsonHelpers.ToInt64(sf) : 1);
                return name == "numpy.datetime64" ? DateTime64(unit, scale) : TimeDelta64(unit, scale);
            case "fixed_length_utf32":
                return FixedUnicode(ConfigInt(config, "length_bytes", name) / 4);
            case "null_terminated_bytes":
                return FixedBytes(ConfigInt(config, "length_bytes", name));
            case "raw_bytes":
                return Raw(ConfigInt(config, "length_bytes", name));
            case "bytes":
            case "variable_length_bytes":
                throw new ZarrUnsupportedException($"v3 data_type '{name}' (variable-length bytes) is not supported");
        }

        if (name.Length > 1 && name[0] == 'r' && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && bits > 0 && bits % 8 == 0)
        {
            return Raw(bits / 8);
        }

        throw new ZarrUnsupportedException($"Unknown v3 data_type '{name}'");
    }

    /// <summary>The v3 <c>data_type</c> JSON value.</summary>
    public JsonNode ToV3() => Kind switch
    {
        DataTypeKind.Bool => "bool",
        DataTypeKind.Int => $"int{ItemSize * 8}",
        DataTypeKind.UInt => $"uint{ItemSize * 8}",
        DataTypeKind.Float => $"float{ItemSize * 8}",
        DataTypeKind.Complex => $"complex{ItemSize * 8}",
        DataTypeKind.String => "string",
        DataTypeKind.DateTime64 or DataTypeKind.TimeDelta64 => new JsonObject
        {
            ["name"] = Kind == DataTypeKind.DateTime64 ? "numpy.datetime64" : "numpy.timedelta64",
            ["configuration"] = new JsonObject { ["unit"] = TimeUnit, ["scale_factor"] = TimeScale },
        },
        DataTypeKind.FixedUnicode => new JsonObject { ["name"] = "fixed_length_utf32", ["configuration"] = new JsonObject { ["length_bytes"] = ItemSize } },
        DataTypeKind.FixedBytes => new JsonObject { ["name"] = "null_terminated_bytes", ["configuration"] = new JsonObject { ["length_bytes"] = ItemSize } },
        DataTypeKind.Raw => $"r{ItemSize * 8}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The data type matching a .NET element type (used when creating arrays from typed data).</summary>
    public static ZarrDataType FromClr<T>() => FromClr(typeof(T));

    public static ZarrDataType FromClr(Type type) => type switch
    {
        _ when type == typeof(bool) => Bool,
        _ when type == typeof(sbyte) => Int8,
        _ when type == typeof(short) => Int16,
        _ when type == typeof(int) => Int32,
        _ when type == typeof(long) => Int64,
        _ when type == typeof(byte) => UInt8,
        _ when type == typeof(ushort) => UInt16,
        _ when type == typeof(uint) => UInt32,
        _ when type == typeof(ulong) => UInt64,
        _ when type == typeof(Half) => Float16,
        _ when type == typeof(float) => Float32,
        _ when type == typeof(double) => Float64,
        _ when type == typeof(string) => String,
        _ => throw new ArgumentException($"No Zarr data type for {type}"),
    };

    public override string ToString() => Kind == DataTypeKind.String ? "string" : ToV2();

    private static ZarrDataType? FromNumeric(char kind, int size) => (kind, size) switch
    {
        ('i', 1) => Int8,
        ('i', 2) => Int16,
        ('i', 4) => Int32,
        ('i', 8) => Int64,
        ('u', 1) => UInt8,
        ('u', 2) => UInt16,
        ('u', 4) => UInt32,
        ('u', 8) => UInt64,
        ('f', 2) => Float16,
        ('f', 4) => Float32,
        ('f', 8) => Float64,
        _ => null,
    };

    private static int ConfigInt(JsonObject? config, string key, string name) =>
        (config?[key] is { } v ? checked((int)Metadata.JsonHelpers.ToInt64(v)) : (int?)null) ?? throw new ZarrException($"data_type {name} needs configuration.{key}");

    private static int Positive(int n) => n > 0 ? n : throw new ZarrException($"Element size must be positive, got {n}");

    private static string ValidateUnit(string unit) => unit is "Y" or "M" or "W" or "D" or "h" or "m" or "s" or "ms" or "us" or "μs" or "ns" or "ps" or "fs" or "as" or "generic"
        ? unit
        : throw new ZarrException($"Unknown datetime unit '{unit}'");
}
