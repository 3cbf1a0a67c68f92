namespace OpenEoBridge.Geo.Conventions;

/// <summary>Longitude conventions: stores in 0..360 (ERA5, many climate models) versus WGS 84's -180..180.</summary>
public static class Longitudes
{
    /// <summary>True when the axis uses the 0..360 convention (centres from 0 up to beyond 180°).</summary>
    public static bool UsesZeroTo360(AxisExtent axis) => axis.MaxCentre > 180 && axis.MinCentre >= 0;

    /// <summary>Maps any longitude into [-180, 180).</summary>
    public static double Normalize(double longitude)
    {
        var wrapped = ((longitude + 180) % 360 + 360) % 360 - 180;
        return wrapped;
    }

    /// <summary>
    /// West and east edges for a STAC bbox from edges in any convention. A full circle gives -180..180; a range
    /// that crosses the antimeridian gives west &gt; east, as STAC and RFC 7946 prescribe.
    /// </summary>
    public static (double West, double East) ToWgs84Range(double minEdge, double maxEdge)
    {
        if (maxEdge - minEdge >= 360 - 1e-9)
        {
            return (-180, 180);
        }

        var west = Normalize(minEdge);
        var east = Normalize(maxEdge);
        if (east == -180 && maxEdge > minEdge)
        {
            east = 180;
        }

        return (west, east);
    }
}
