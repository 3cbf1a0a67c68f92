using OpenEoBridge.Geo.Crs;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>Spatial extents for STAC (WGS 84, cell edges), from native axes in any CRS.</summary>
public static class GeographicExtent
{
    /// <summary>
    /// The WGS 84 bbox covering the cell edges of x/y axes: transformed with densified edges when the CRS is
    /// projected; longitudes folded to -180..180 (west &gt; east across the antimeridian); latitudes clamped to ±90.
    /// </summary>
    public static BoundingBox FromAxes(AxisExtent x, AxisExtent y, CoordinateReferenceSystem crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        var native = new BoundingBox(x.MinEdge, y.MinEdge, x.MaxEdge, y.MaxEdge);
        if (crs.IsGeographic)
        {
            return FromGeographicEdges(native);
        }

        using var transformer = CoordinateTransformer.ToWgs84(crs);
        return FromGeographicEdges(transformer.TransformBounds(native));
    }

    public static BoundingBox FromGeographicEdges(BoundingBox edges)
    {
        var (west, east) = Longitudes.ToWgs84Range(edges.MinX, edges.MaxX);
        return new BoundingBox(west, Math.Max(-90, edges.MinY), east, Math.Min(90, edges.MaxY));
    }
}
