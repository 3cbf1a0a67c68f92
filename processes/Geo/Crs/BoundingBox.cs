namespace OpenEoBridge.Geo.Crs;

/// <summary>An axis-aligned box in x = east/longitude, y = north/latitude order (our API's order for every CRS).</summary>
public readonly record struct BoundingBox(double MinX, double MinY, double MaxX, double MaxY)
{
    public double Width => MaxX - MinX;

    public double Height => MaxY - MinY;

    /// <summary>The smallest box holding both corners, whatever order they come in.</summary>
    public static BoundingBox FromCorners(double x1, double y1, double x2, double y2) =>
        new(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2));

    public bool Contains(double x, double y) => x >= MinX && x <= MaxX && y >= MinY && y <= MaxY;

    /// <summary>As STAC/openEO write a 2-D bbox: [west, south, east, north].</summary>
    public double[] ToArray() => [MinX, MinY, MaxX, MaxY];
}
