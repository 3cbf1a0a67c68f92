using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenEoBridge.Geo.Crs.Proj;

namespace OpenEoBridge.Geo.Crs;

/// <summary>
/// A coordinate reference system read through PROJ from an EPSG code, WKT2, WKT1, PROJJSON, an OGC URN/URL or
/// a PROJ string. Immutable: the formatted forms and the EPSG identification are computed once at creation.
/// Two values are equal when their EPSG codes are equal or, without codes, when PROJ finds them equivalent
/// (axis order of geographic CRSs ignored, since our API always uses longitude/easting first).
/// </summary>
public sealed partial class CoordinateReferenceSystem : IEquatable<CoordinateReferenceSystem>
{
    private static readonly Lazy<CoordinateReferenceSystem> Wgs84Instance = new(() => FromEpsg(4326));

    private CoordinateReferenceSystem(string source, string name, int? epsgCode, string wkt2, string? wkt1, string projJson, CrsKind kind)
    {
        Source = source;
        Name = name;
        EpsgCode = epsgCode;
        Wkt2 = wkt2;
        Wkt1 = wkt1;
        ProjJson = projJson;
        Kind = kind;
    }

    /// <summary>WGS 84 (EPSG:4326), the CRS of STAC/openEO spatial extents.</summary>
    public static CoordinateReferenceSystem Wgs84 => Wgs84Instance.Value;

    /// <summary>The text this value was created from.</summary>
    public string Source { get; }

    public string Name { get; }

    /// <summary>The EPSG code, given in the definition or identified by PROJ with high confidence; null otherwise.</summary>
    public int? EpsgCode { get; }

    /// <summary>WKT2:2019, one line.</summary>
    public string Wkt2 { get; }

    /// <summary>WKT1 in GDAL's dialect (what older GDAL and rioxarray's <c>spatial_ref</c> read); null when not expressible.</summary>
    public string? Wkt1 { get; }

    public string ProjJson { get; }

    public CrsKind Kind { get; }

    public bool IsGeographic => Kind == CrsKind.Geographic;

    /// <summary>The short form for APIs: <c>EPSG:xxxx</c> when identified, else WKT2.</summary>
    public string Definition => EpsgCode is { } code ? $"EPSG:{code}" : Wkt2;

    public static CoordinateReferenceSystem FromEpsg(int code) =>
        code > 0 ? Parse($"EPSG:{code.ToString(CultureInfo.InvariantCulture)}") : throw new CrsException($"EPSG code {code} is not positive.");

    /// <summary>Reads any definition PROJ accepts, plus a bare EPSG number ("32633").</summary>
    public static CoordinateReferenceSystem Parse(string definition)
    {
        if (string.IsNullOrWhiteSpace(definition))
        {
            throw new CrsException("A CRS definition is empty.");
        }

        var text = definition.Trim();
        var projInput = BareCode().IsMatch(text) ? "EPSG:" + text : text;
        var context = ProjContext.Shared;
        lock (context.Lock)
        {
            using var pj = context.Create(projInput);
            if (ProjNative.proj_is_crs(pj.Handle) == 0)
            {
                throw new CrsException($"'{ProjContext.Shorten(text)}' describes a coordinate operation, not a coordinate reference system.");
            }

            var projJson = Format(context, pj, json: true) ?? throw new CrsException($"PROJ cannot write '{ProjContext.Shorten(text)}' as PROJJSON.");
            var wkt2 = Format(context, pj, json: false, ProjNative.WktType2019) ?? throw new CrsException($"PROJ cannot write '{ProjContext.Shorten(text)}' as WKT2.");
            var wkt1 = Format(context, pj, json: false, ProjNative.WktTypeWkt1Gdal);
            var name = ProjNative.ReadString(ProjNative.proj_get_name(pj.Handle)) ?? "unnamed";
            return new CoordinateReferenceSystem(text, name, Identify(context, pj), wkt2, wkt1, projJson, KindOf(projJson));
        }
    }

    public static bool TryParse(string? definition, out CoordinateReferenceSystem? crs)
    {
        try
        {
            crs = definition is null ? null : Parse(definition);
            return crs is not null;
        }
        catch (CrsException)
        {
            crs = null;
            return false;
        }
    }

    /// <summary>PROJ's equivalence test (same datum, projection and parameters; geographic axis order ignored).</summary>
    public bool IsEquivalentTo(CoordinateReferenceSystem other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other) || Wkt2 == other.Wkt2)
        {
            return true;
        }

        var context = ProjContext.Shared;
        lock (context.Lock)
        {
            using var a = context.Create(Wkt2);
            using var b = context.Create(other.Wkt2);
            return ProjNative.proj_is_equivalent_to_with_ctx(context.Handle, a.Handle, b.Handle, ProjNative.ComparisonEquivalentExceptAxisOrderGeographic) != 0;
        }
    }

    public bool Equals(CoordinateReferenceSystem? other) =>
        other is not null && (EpsgCode is { } a && other.EpsgCode is { } b ? a == b : IsEquivalentTo(other));

    public override bool Equals(object? obj) => Equals(obj as CoordinateReferenceSystem);

    // Equivalent CRSs may differ in every text form, so only the kind is safe to hash.
    public override int GetHashCode() => Kind.GetHashCode();

    public override string ToString() => EpsgCode is { } code ? $"EPSG:{code} ({Name})" : Name;

    private static string? Format(ProjContext context, ProjObject pj, bool json, int wktType = 0)
    {
        using var options = new ProjOptions("MULTILINE=NO");
        var text = json
            ? ProjNative.proj_as_projjson(context.Handle, pj.Handle, options.Pointer)
            : ProjNative.proj_as_wkt(context.Handle, pj.Handle, wktType, options.Pointer);
        return ProjNative.ReadString(text);
    }

    private static unsafe int? Identify(ProjContext context, ProjObject pj)
    {
        if (ParseEpsg(pj.Handle) is { } direct)
        {
            return direct;
        }

        int* confidence = null;
        var list = ProjNative.proj_identify(context.Handle, pj.Handle, "EPSG", IntPtr.Zero, &confidence);
        if (list == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var count = ProjNative.proj_list_get_count(list);
            // PROJ sorts by confidence. 100 = same object; 70 = equivalent but names differ (typical for WKT1 and
            // PROJ strings). Accept only an unambiguous best match, as GDAL's auto-identification does.
            if (count == 0 || confidence[0] < 70 || (count > 1 && confidence[1] == confidence[0]))
            {
                return null;
            }

            var candidate = ProjNative.proj_list_get(context.Handle, list, 0);
            try
            {
                return ParseEpsg(candidate);
            }
            finally
            {
                ProjNative.proj_destroy(candidate);
            }
        }
        finally
        {
            ProjNative.proj_int_list_destroy(confidence);
            ProjNative.proj_list_destroy(list);
        }
    }

    private static int? ParseEpsg(IntPtr pj) =>
        ProjNative.ReadString(ProjNative.proj_get_id_auth_name(pj, 0)) == "EPSG"
        && int.TryParse(ProjNative.ReadString(ProjNative.proj_get_id_code(pj, 0)), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;

    private static CrsKind KindOf(string projJson)
    {
        using var document = JsonDocument.Parse(projJson);
        var type = document.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
        return type switch
        {
            "GeographicCRS" => CrsKind.Geographic,
            "ProjectedCRS" => CrsKind.Projected,
            "GeodeticCRS" => CrsKind.Geocentric,
            "CompoundCRS" => CrsKind.Compound,
            "BoundCRS" => CrsKind.Bound,
            _ => CrsKind.Other,
        };
    }

    [GeneratedRegex(@"^\d{3,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex BareCode();
}
