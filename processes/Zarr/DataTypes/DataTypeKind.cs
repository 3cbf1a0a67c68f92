namespace OpenEoBridge.Zarr.DataTypes;

/// <summary>The families of element types Zarr stores can hold.</summary>
public enum DataTypeKind
{
    Bool,
    Int,
    UInt,
    Float,
    Complex,
    /// <summary>int64 count of <see cref="ZarrDataType.TimeUnit"/> since 1970-01-01; NaT is <see cref="long.MinValue"/>.</summary>
    DateTime64,
    TimeDelta64,
    /// <summary>Fixed-width byte strings (v2 <c>|S</c>, v3 <c>null_terminated_bytes</c>), NUL padded.</summary>
    FixedBytes,
    /// <summary>Fixed-width UTF-32 strings (v2 <c>&lt;U</c>, v3 <c>fixed_length_utf32</c>).</summary>
    FixedUnicode,
    /// <summary>Opaque fixed-size elements (v2 <c>|V</c>, v3 <c>r&lt;bits&gt;</c> / <c>raw_bytes</c>).</summary>
    Raw,
    /// <summary>Variable-length UTF-8 strings (v2 object + vlen-utf8, v3 <c>string</c>).</summary>
    String,
}
