using System.Text.Json;
using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Tests.Support;
using OpenEoBridge.Geo.Time;

namespace OpenEoBridge.Geo.Tests.Conventions;

/// <summary>
/// The attribute sets we write, put into a Zarr v2 store by Debian's zarr-python exactly as given, then opened
/// with xarray (CF decoding), rioxarray and GDAL's Zarr driver; and read back by our own layout reader.
/// </summary>
public sealed class WrittenAttributesOpenInXarrayTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oeb-geo-write-").FullName;

    private const string Script = """
import json, os, sys
import numpy as np, zarr, xarray as xr, rioxarray
from osgeo import gdal
gdal.UseExceptions()
request = json.load(sys.stdin)
out = {}
for c in request["cases"]:
    path = os.path.join(request["directory"], c["name"] + ".zarr")
    g = zarr.open_group(path, mode="w")
    g.attrs.update(c["group"])
    def put(name, data, dims, attrs, dtype, fill=None):
        a = g.create_dataset(name, data=np.array(data, dtype=dtype), fill_value=fill)
        a.attrs.update(attrs)
        a.attrs["_ARRAY_DIMENSIONS"] = dims
    y, x = c["y"], c["x"]
    put(y, c["ycentres"], [y], c["yattrs"], "f8")
    put(x, c["xcentres"], [x], c["xattrs"], "f8")
    put("time", c["time"], ["time"], c["timeattrs"], "i8")
    put("spatial_ref", 0, [], c["gridmapping"], "i8")
    shape = (len(c["time"]), len(c["ycentres"]), len(c["xcentres"]))
    fill = float(c["fill"])
    data = (np.arange(np.prod(shape)) % 100).reshape(shape).astype("f8")
    data.flat[0] = fill
    put("v", data, ["time", y, x], c["var"], c["dtype"], fill)
    zarr.consolidate_metadata(path)
    ds = xr.open_zarr(path, use_cftime=True)
    v = ds["v"]
    raster = gdal.Open(f'ZARR:"{path}":/v:0')
    srs = raster.GetSpatialRef()
    out[c["name"]] = {
        "times": [t.isoformat() for t in ds["time"].values],
        "calendar": ds["time"].encoding.get("calendar"),
        "epsg": v.rio.crs.to_epsg(),
        "transform": list(v.rio.transform())[:6],
        "bounds": list(v.rio.bounds()),
        "dims": [v.rio.y_dim, v.rio.x_dim],
        "dtype": str(v.dtype),
        "first_is_nan": bool(np.isnan(v.values.flat[0])),
        "second": float(v.values.flat[1]),
        "gdal_epsg": int(srs.GetAuthorityCode(None)) if srs is not None and srs.GetAuthorityCode(None) else None,
        "gdal_geotransform": list(raster.GetGeoTransform()),
    }
print(json.dumps(out))
""";

    private sealed record Case(string Name, RasterGrid Grid, CalendarDateTime[] Times, string DataType, double Fill, double? Scale, double? Offset);

    [Fact]
    public void Xarray_rioxarray_and_gdal_see_our_coordinates_time_and_crs()
    {
        var cases = new[]
        {
            new Case("geographic_noleap", new RasterGrid(CoordinateReferenceSystem.Wgs84, new AffineTransform(0.25, 0, 20, 0, -0.25, 10), 8, 12),
                Days(CfCalendar.NoLeap, "2001-02-27", 4), "<f4", double.NaN, null, null),
            new Case("utm_hourly", new RasterGrid(CoordinateReferenceSystem.FromEpsg(32633), new AffineTransform(100, 0, 500000, 0, -100, 5000000), 5, 6),
                Enumerable.Range(0, 3).Select(h => CalendarDateTime.Parse("2020-01-01T00:00:00Z", CfCalendar.Standard).AddSeconds(h * 3600.0)).ToArray(),
                "<f4", -9999, null, null),
            new Case("packed_360_day", new RasterGrid(CoordinateReferenceSystem.Wgs84, new AffineTransform(0.5, 0, -10, 0, -0.5, 60), 4, 4),
                Days(CfCalendar.Day360, "2000-02-29", 3), "<i2", -32768, 0.01, 273.15),
        };

        var request = new
        {
            directory = _directory,
            cases = cases.Select(c =>
            {
                var units = CfTimeCoder.ChooseUnits(c.Times, c.Times[0].Calendar);
                var coder = new CfTimeCoder(units);
                return new
                {
                    name = c.Name,
                    group = CfAttributeWriter.Group(c.Grid, c.Name),
                    y = c.Grid.YDimension,
                    x = c.Grid.XDimension,
                    ycentres = c.Grid.YCentres(),
                    xcentres = c.Grid.XCentres(),
                    yattrs = CfAttributeWriter.YCoordinate(c.Grid),
                    xattrs = CfAttributeWriter.XCoordinate(c.Grid),
                    time = c.Times.Select(coder.EncodeExact).ToArray(),
                    timeattrs = CfAttributeWriter.TimeCoordinate(units),
                    gridmapping = CfAttributeWriter.GridMapping(c.Grid),
                    var = CfAttributeWriter.DataVariable(c.Grid, units: "mm", longName: "test values", scaleFactor: c.Scale, addOffset: c.Offset),
                    dtype = c.DataType,
                    fill = double.IsNaN(c.Fill) ? (object)"NaN" : c.Fill,
                };
            }).ToArray(),
        };
        var seen = Python.RunJson(Script, request);

        foreach (var c in cases)
        {
            var view = seen.GetProperty(c.Name);
            Assert.Equal(c.Times.Select(t => t.ToRfc3339String().TrimEnd('Z')), view.GetProperty("times").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(c.Times[0].Calendar, CfCalendarNames.Parse(view.GetProperty("calendar").GetString()));
            Assert.Equal(c.Grid.Crs.EpsgCode, view.GetProperty("epsg").GetInt32());
            Assert.Equal(c.Grid.Crs.EpsgCode, view.GetProperty("gdal_epsg").GetInt32());
            Assert.Equal([c.Grid.YDimension, c.Grid.XDimension], view.GetProperty("dims").EnumerateArray().Select(e => e.GetString()!));
            AssertNumbers(c.Grid.Transform.ToArray(), view.GetProperty("transform"));
            AssertNumbers(c.Grid.Transform.ToGdal(), view.GetProperty("gdal_geotransform"));
            AssertNumbers(c.Grid.Bounds.ToArray(), view.GetProperty("bounds"));
            Assert.True(view.GetProperty("first_is_nan").GetBoolean(), $"{c.Name}: the fill value was not masked");

            // Our own reader sees the same store the same way, including xarray's decoded type and value.
            var store = Path.Combine(_directory, c.Name + ".zarr");
            var layout = ReadLayout(store);
            Assert.Equal(c.Grid.Crs, layout.Crs);
            Assert.Equal([DimensionRole.Time, DimensionRole.Y, DimensionRole.X], layout.Dimensions.Select(d => d.Role));
            var band = Assert.Single(layout.Bands);
            Assert.True(view.GetProperty("dtype").GetString() == band.Packing.DecodedType.Name,
                $"{c.Name}: xarray decodes to {view.GetProperty("dtype").GetString()}, we to {band.Packing.DecodedType.Name} ({band.Packing})");
            Assert.Equal(view.GetProperty("second").GetDouble(), band.Packing.Decode(1), 9);
            Assert.Equal(c.Grid.Transform, layout.Transform);
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static CalendarDateTime[] Days(CfCalendar calendar, string first, int count)
    {
        var start = CalendarDateTime.Parse(first, calendar);
        return Enumerable.Range(0, count).Select(i => start.AddDays((long)i)).ToArray();
    }

    private static DatasetLayout ReadLayout(string store)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(store, ".zmetadata")));
        var metadata = document.RootElement.GetProperty("metadata");
        var variables = metadata.EnumerateObject().Where(p => p.Name.EndsWith("/.zarray", StringComparison.Ordinal)).Select(p =>
        {
            var name = p.Name[..^"/.zarray".Length];
            return VariableDescription.FromZarrV2(name, p.Value, FixtureAttributes.ToDictionary(metadata.GetProperty(name + "/.zattrs")));
        }).ToArray();
        return DatasetLayoutReader.Read(FixtureAttributes.ToDictionary(metadata.GetProperty(".zattrs")), variables);
    }

    private static void AssertNumbers(double[] expected, JsonElement actual)
    {
        var values = actual.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - values[i]) <= 1e-9 * Math.Max(1, Math.Abs(expected[i])), $"[{i}] expected {expected[i]}, got {values[i]}");
        }
    }
}
