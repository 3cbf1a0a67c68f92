using System.Globalization;
using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Tests.Support;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using Xunit.Abstractions;

namespace OpenEoBridge.Geo.Tests.Crs;

/// <summary>
/// The evidence for the engine choice (README, "Projection engine"): our PROJ-based transformer and ProjNET 2.0.0
/// against GDAL's gdaltransform and PROJ's cs2cs (Debian gdal-bin / proj-bin) on a grid of UTM zone 33N points.
/// </summary>
public class ProjectionEngineComparisonTests(ITestOutputHelper output)
{
    private const double MetresPerDegree = 111_320;

    // Easting 166 km .. 834 km is the zone's nominal width; 100 km and 900 km lie beyond it (about 4.5° off the
    // central meridian at the equator, far more near the poles), where series-based Transverse Mercator degrades.
    private static readonly double[] Eastings = [100_000, 166_000, 300_000, 500_000, 700_000, 834_000, 900_000];
    private static readonly double[] Northings = [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000, 7_000_000, 8_000_000, 9_000_000];

    [Fact]
    public void Utm_to_wgs84_matches_gdaltransform_and_cs2cs_and_reports_projnet_error()
    {
        var points = Eastings.SelectMany(x => Northings.Select(y => (X: x, Y: y))).ToArray();
        var stdin = string.Join('\n', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X} {p.Y}"))) + "\n";

        // gdaltransform writes lon lat (GIS order), cs2cs writes EPSG:4326's authority order lat lon.
        var gdal = ParseColumns(ExternalTool.Run("gdaltransform", ["-s_srs", "EPSG:32633", "-t_srs", "EPSG:4326", "-output_xy"], stdin), swap: false);
        var cs2cs = ParseColumns(ExternalTool.Run("cs2cs", ["-f", "%.12f", "EPSG:32633", "EPSG:4326"], stdin), swap: true);

        using var ours = CoordinateTransformer.ToWgs84(CoordinateReferenceSystem.FromEpsg(32633));
        var projNet = new CoordinateTransformationFactory().CreateFromCoordinateSystems(
            ProjectedCoordinateSystem.WGS84_UTM(33, true), GeographicCoordinateSystem.WGS84).MathTransform;

        double oursVsGdal = 0, oursVsCs2cs = 0, projNetInZone = 0, projNetAll = 0;
        for (var i = 0; i < points.Length; i++)
        {
            var (lon, lat) = ours.Transform(points[i].X, points[i].Y);
            var (pnLon, pnLat) = projNet.Transform(points[i].X, points[i].Y);
            oursVsGdal = Math.Max(oursVsGdal, GroundDistance(lon, lat, gdal[i].Lon, gdal[i].Lat));
            oursVsCs2cs = Math.Max(oursVsCs2cs, GroundDistance(lon, lat, cs2cs[i].Lon, cs2cs[i].Lat));
            var projNetError = GroundDistance(pnLon, pnLat, gdal[i].Lon, gdal[i].Lat);
            projNetAll = Math.Max(projNetAll, projNetError);
            if (points[i].X is >= 166_000 and <= 834_000)
            {
                projNetInZone = Math.Max(projNetInZone, projNetError);
            }
        }

        output.WriteLine($"UTM 33N -> WGS 84, {points.Length} points, max ground distance to gdaltransform:");
        output.WriteLine($"  PROJ (ours) vs gdaltransform: {oursVsGdal:E2} m; vs cs2cs: {oursVsCs2cs:E2} m");
        output.WriteLine($"  ProjNET 2.0.0 inside 166-834 km: {projNetInZone:E2} m; whole grid incl. 100/900 km: {projNetAll:E2} m");

        Assert.True(oursVsGdal < 1e-6, $"PROJ transformer differs from gdaltransform by {oursVsGdal} m");
        Assert.True(oursVsCs2cs < 1e-4, $"PROJ transformer differs from cs2cs (12 decimals) by {oursVsCs2cs} m");
        Assert.True(projNetInZone > oursVsGdal, "ProjNET was expected to be less exact than PROJ; update the README if this changed");
    }

    [Fact]
    public void Wgs84_to_utm_matches_gdaltransform_and_reports_projnet_error()
    {
        double[] lons = [6, 9, 12, 15, 18, 21, 24];
        double[] lats = [0, 20, 40, 60, 80];
        var points = lons.SelectMany(lon => lats.Select(lat => (Lon: lon, Lat: lat))).ToArray();
        var stdin = string.Join('\n', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Lon} {p.Lat}"))) + "\n";
        var gdal = ParseColumns(ExternalTool.Run("gdaltransform", ["-s_srs", "EPSG:4326", "-t_srs", "EPSG:32633", "-output_xy"], stdin), swap: false);

        using var ours = new CoordinateTransformer(CoordinateReferenceSystem.Wgs84, CoordinateReferenceSystem.FromEpsg(32633));
        var projNet = new CoordinateTransformationFactory().CreateFromCoordinateSystems(
            GeographicCoordinateSystem.WGS84, ProjectedCoordinateSystem.WGS84_UTM(33, true)).MathTransform;

        double oursMax = 0, projNetInZone = 0, projNetAll = 0;
        for (var i = 0; i < points.Length; i++)
        {
            var (x, y) = ours.Transform(points[i].Lon, points[i].Lat);
            var (px, py) = projNet.Transform(points[i].Lon, points[i].Lat);
            oursMax = Math.Max(oursMax, Math.Max(Math.Abs(x - gdal[i].Lon), Math.Abs(y - gdal[i].Lat)));
            var error = Math.Max(Math.Abs(px - gdal[i].Lon), Math.Abs(py - gdal[i].Lat));
            projNetAll = Math.Max(projNetAll, error);
            if (points[i].Lon is >= 12 and <= 18)
            {
                projNetInZone = Math.Max(projNetInZone, error);
            }
        }

        output.WriteLine($"WGS 84 -> UTM 33N, {points.Length} points, max coordinate difference to gdaltransform:");
        output.WriteLine($"  PROJ (ours): {oursMax:E2} m; ProjNET 12-18°E: {projNetInZone:E2} m; ProjNET 6-24°E: {projNetAll:E2} m");
        Assert.True(oursMax < 1e-6, $"PROJ transformer differs from gdaltransform by {oursMax} m");
    }

    [Fact]
    public void ProjNet_cannot_read_the_wkt2_that_rioxarray_and_geozarr_write()
    {
        var wkt2 = FixtureAttributes.V2Attributes("xr_chirps_like.zarr", "spatial_ref")["crs_wkt"].GetString()!;
        Assert.ThrowsAny<Exception>(() => new CoordinateSystemFactory().CreateFromWkt(wkt2));
        Assert.Equal(4326, CoordinateReferenceSystem.Parse(wkt2).EpsgCode);
    }

    private static (double Lon, double Lat)[] ParseColumns(string text, bool swap) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Select(f => (double.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture)))
            .Select(p => swap ? (p.Item2, p.Item1) : p)
            .ToArray();

    private static double GroundDistance(double lon1, double lat1, double lon2, double lat2)
    {
        var dy = (lat1 - lat2) * MetresPerDegree;
        var dx = (lon1 - lon2) * MetresPerDegree * Math.Cos(lat1 * Math.PI / 180);
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
