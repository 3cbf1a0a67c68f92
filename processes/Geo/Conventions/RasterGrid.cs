using OpenEoBridge.Geo.Crs;

namespace OpenEoBridge.Geo.Conventions;

/// <summary>
/// A regular raster grid to write: CRS, pixel-corner affine transform, size and the names of its y/x dimensions
/// (defaults: latitude/longitude for geographic CRSs, y/x otherwise, names xarray and rioxarray recognise).
/// </summary>
public sealed record RasterGrid(CoordinateReferenceSystem Crs, AffineTransform Transform, long Rows, long Columns, string? YName = null, string? XName = null)
{
    public string YDimension => YName ?? (Crs.IsGeographic ? "latitude" : "y");

    public string XDimension => XName ?? (Crs.IsGeographic ? "longitude" : "x");

    /// <summary>Cell-centre x coordinates (what xarray stores in the x coordinate variable).</summary>
    public double[] XCentres()
    {
        RequireRectilinear();
        return Enumerable.Range(0, checked((int)Columns)).Select(c => Transform.Apply(c + 0.5, 0.5).X).ToArray();
    }

    public double[] YCentres()
    {
        RequireRectilinear();
        return Enumerable.Range(0, checked((int)Rows)).Select(r => Transform.Apply(0.5, r + 0.5).Y).ToArray();
    }

    /// <summary>Cell-edge bounds in the native CRS.</summary>
    public BoundingBox Bounds => Transform.CellEdgeBounds(Rows, Columns);

    private void RequireRectilinear()
    {
        if (!Transform.IsRectilinear)
        {
            throw new InvalidOperationException("A rotated grid has no 1-D x/y coordinates; CF needs 2-D coordinates, which are not written.");
        }
    }
}
