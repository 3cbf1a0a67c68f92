namespace OpenEoBridge.Geo.Demo;

/// <summary>
/// A coarse, hand-drawn Atlantic coastline of Guinea, Sierra Leone and Liberia (WGS 84), good enough to put
/// sea cells where the real sea is in the demo region: land lies east of the line.
/// </summary>
public static class SierraLeoneCoast
{
    // (latitude, longitude of the coast), south to north.
    private static readonly (double Lat, double Lon)[] Line =
    [
        (5.5, -10.0), (6.0, -10.5), (6.5, -11.1), (7.0, -11.75), (7.5, -12.5), (7.9, -12.9), (8.3, -13.05),
        (8.5, -13.3), (8.8, -13.15), (9.0, -13.3), (9.5, -13.7), (10.1, -14.2), (10.6, -14.6),
    ];

    /// <summary>Longitude of the coastline at <paramref name="latitude"/> (clamped to the drawn range).</summary>
    public static double CoastLongitude(double latitude)
    {
        var lat = Math.Clamp(latitude, Line[0].Lat, Line[^1].Lat);
        var i = 1;
        while (i < Line.Length - 1 && Line[i].Lat < lat)
        {
            i++;
        }

        var (lat0, lon0) = Line[i - 1];
        var (lat1, lon1) = Line[i];
        var along = (lat - lat0) / (lat1 - lat0);

        // A small wiggle so the coast is not a polygon of straight segments.
        return lon0 + ((lon1 - lon0) * along) + (0.04 * Math.Sin(latitude * 23.0));
    }

    public static bool IsLand(double longitude, double latitude) => longitude > CoastLongitude(latitude);

    /// <summary>Degrees of longitude from the coast (negative over the sea).</summary>
    public static double DistanceInland(double longitude, double latitude) => longitude - CoastLongitude(latitude);
}
