using System.Text.Json;
using OpenEoBridge.Geo.Crs;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// The GeoZarr attributes of a group or array (zarr-conventions <c>proj:</c> and <c>spatial:</c> v1):
/// <c>proj:code</c>, <c>proj:wkt2</c>, <c>proj:projjson</c>, <c>spatial:dimensions</c>, <c>spatial:transform</c>,
/// <c>spatial:bbox</c>, <c>spatial:shape</c>, <c>spatial:registration</c>.
/// </summary>
public sealed record GeoZarrAttributes(
    string? ProjCode,
    string? ProjWkt2,
    string? ProjJson,
    IReadOnlyList<string>? SpatialDimensions,
    AffineTransform? SpatialTransform,
    BoundingBox? SpatialBbox,
    IReadOnlyList<long>? SpatialShape,
    string? Registration)
{
    public bool HasCrs => ProjCode is not null || ProjWkt2 is not null || ProjJson is not null;

    public bool IsEmpty => !HasCrs && SpatialDimensions is null && SpatialTransform is null && SpatialBbox is null;

    public static GeoZarrAttributes FromAttributes(IReadOnlyDictionary<string, JsonElement> attributes)
    {
        var bbox = attributes.GetDoubles("spatial:bbox");
        if (bbox is not null && bbox.Length is not (4 or 6))
        {
            throw new FormatException($"spatial:bbox has {bbox.Length} numbers; expected 4 (or 6 with heights).");
        }

        return new GeoZarrAttributes(
            attributes.GetString("proj:code"),
            attributes.GetString("proj:wkt2"),
            attributes.TryGetValue("proj:projjson", out var json) && json.ValueKind == JsonValueKind.Object ? json.GetRawText() : null,
            attributes.GetStrings("spatial:dimensions"),
            attributes.GetDoubles("spatial:transform") is { } t ? AffineTransform.FromArray(t) : null,
            bbox is null ? null : bbox.Length == 4 ? new BoundingBox(bbox[0], bbox[1], bbox[2], bbox[3]) : new BoundingBox(bbox[0], bbox[1], bbox[3], bbox[4]),
            attributes.GetDoubles("spatial:shape")?.Select(d => (long)d).ToArray(),
            attributes.GetString("spatial:registration"));
    }

    /// <summary>The CRS named by <c>proj:code</c>, else <c>proj:wkt2</c>, else <c>proj:projjson</c>; null when none is given.</summary>
    public CoordinateReferenceSystem? ResolveCrs() =>
        ProjCode is not null ? CoordinateReferenceSystem.Parse(ProjCode)
        : ProjWkt2 is not null ? CoordinateReferenceSystem.Parse(ProjWkt2)
        : ProjJson is not null ? CoordinateReferenceSystem.Parse(ProjJson)
        : null;
}
