using System.Text.Json;
using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Datasets;
using OpenEoBridge.Geo.Tests.Support;
using OpenEoBridge.Geo.Time;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Geo.Tests.Datasets;

/// <summary>
/// Stores opened with the Zarr library and described as cubes, compared with what xarray + rioxarray report for
/// the same stores (the shared fixtures and stores the test writes with xarray).
/// </summary>
public sealed class ZarrDatasetReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oeb-geo-datasets-").FullName;

    private const string MakeStores = """
import json, os, sys
import numpy as np, pandas as pd, xarray as xr, rioxarray, cftime
d = sys.stdin.read().strip()
def save(name, ds, encoding=None):
    ds.to_zarr(os.path.join(d, name + ".zarr"), mode="w", encoding=encoding or {}, consolidated=True)

t = xr.cftime_range("2001-02-26", periods=4, freq="D", calendar="noleap")
lon = np.arange(0.5, 360, 1.0); lat = np.arange(50.0, 47.9, -0.5)
ds = xr.Dataset({"tas": (("time", "lat", "lon"), np.random.default_rng(1).random((4, lat.size, lon.size), dtype="float32"))},
                coords={"time": t, "lat": lat, "lon": lon})
save("noleap_0_360_descending", ds.rio.write_crs("EPSG:4326"))

t = xr.cftime_range("2000-02-28", periods=4, freq="D", calendar="360_day")
lon = np.arange(190.125, 200, 0.25); lat = np.arange(-5.0, 5.0, 1.0)
values = 273.15 + np.random.default_rng(2).random((4, lat.size, lon.size)) * 30
values[0, 0, 0] = np.nan
ds = xr.Dataset({"t2m": (("time", "latitude", "longitude"), values)}, coords={"time": t, "latitude": lat, "longitude": lon})
ds = ds.rio.write_crs("EPSG:4326")
ds["t2m"].encoding.update({"dtype": "int16", "scale_factor": 0.01, "add_offset": 273.15, "_FillValue": -32768})
save("day360_packed_int16", ds)

t = pd.date_range("2020-01-01", periods=3, freq="H")
x = 500050.0 + 100 * np.arange(6); y = 5000050.0 - 100 * np.arange(5)
ds = xr.Dataset({"red": (("time", "y", "x"), np.ones((3, 5, 6), "float32")), "nir": (("time", "y", "x"), np.zeros((3, 5, 6), "float32")),
                 "quality": (("y", "x"), np.zeros((5, 6), "uint8"))},
                coords={"time": t, "y": y, "x": x})
save("utm_hourly_two_bands", ds.rio.write_crs("EPSG:32633"), {"time": {"units": "hours since 2020-01-01", "calendar": "standard"}})
import zarr
g = zarr.open_group(os.path.join(d, "datetime64_time.zarr"), mode="w")
for name, data, dims in [("time", np.array(["2021-06-01T00:00", "2021-06-01T00:00:00.5"], dtype="datetime64[ns]"), ["time"]),
                         ("y", np.array([1.5, 0.5]), ["y"]), ("x", np.array([0.5, 1.5, 2.5]), ["x"]),
                         ("v", np.zeros((2, 2, 3), "float32"), ["time", "y", "x"])]:
    g.create_dataset(name, data=data).attrs["_ARRAY_DIMENSIONS"] = dims
zarr.consolidate_metadata(os.path.join(d, "datetime64_time.zarr"))
print("ok")
""";

    private const string Describe = """
import json, sys
import xarray as xr, rioxarray
out = {}
for name, path, group, var in json.load(sys.stdin):
    ds = xr.open_zarr(path, group=group or None, use_cftime=True, decode_coords="all")
    v = ds[var].rio.set_spatial_dims(x_dim=ds[var].dims[-1], y_dim=ds[var].dims[-2])
    crs = v.rio.crs
    out[name] = {
        "bounds": list(v.rio.bounds()),
        "resolution": list(v.rio.resolution()),
        "epsg": crs.to_epsg() if crs is not None else None,
        "times": [t.isoformat() for t in ds["time"].values] if "time" in ds.coords else None,
        "calendar": ds["time"].encoding.get("calendar") if "time" in ds.coords else None,
        "bands": sorted(k for k, a in ds.data_vars.items() if a.dims == v.dims),
        "dtype": str(v.dtype),
        "dims": list(v.dims),
    }
print(json.dumps(out))
""";

    [Fact]
    public async Task Fixtures_and_xarray_made_stores_match_xarray_and_rioxarray()
    {
        Python.Run(MakeStores, _directory);
        var stores = new (string Name, string Path, string Variable)[]
        {
            ("chirps", Path.Combine(SharedPaths.ZarrFixtures, "v2", "xr_chirps_like.zarr"), "precip"),
            ("noleap_0_360_descending", Path.Combine(_directory, "noleap_0_360_descending.zarr"), "tas"),
            ("day360_packed_int16", Path.Combine(_directory, "day360_packed_int16.zarr"), "t2m"),
            ("utm_hourly_two_bands", Path.Combine(_directory, "utm_hourly_two_bands.zarr"), "red"),
        };
        var reference = Python.RunJson(Describe, stores.Select(s => new object?[] { s.Name, s.Path, null, s.Variable }));

        foreach (var (name, path, variable) in stores)
        {
            var expected = reference.GetProperty(name);
            var description = await ZarrDatasetReader.ReadAsync(new FileSystemStore(path, writable: false));
            var layout = description.Layout;

            Assert.Equal(expected.GetProperty("dims").EnumerateArray().Select(e => e.GetString()), layout.Dimensions.Select(d => d.Name));
            Assert.Equal(expected.GetProperty("bands").EnumerateArray().Select(e => e.GetString()), layout.Bands.Select(b => b.Name).Order());
            Assert.Equal(expected.GetProperty("epsg").GetInt32(), layout.Crs!.EpsgCode);
            AssertClose(name + " bounds", expected.GetProperty("bounds"), description.NativeBounds.ToArray());
            AssertClose(name + " resolution", expected.GetProperty("resolution"), [description.X.Step!.Value, description.Y.Step!.Value]);
            Assert.Equal(expected.GetProperty("times").EnumerateArray().Select(e => e.GetString()), description.TimeLabels!.Select(l => l.ToRfc3339String().TrimEnd('Z')));
            Assert.Equal(CfCalendarNames.Parse(expected.GetProperty("calendar").GetString()), description.Calendar);
            Assert.Equal(expected.GetProperty("dtype").GetString(), layout.Bands.Single(b => b.Name == variable).Packing.DecodedType.Name);
        }
    }

    [Fact]
    public async Task Wgs84_extents_fold_0_360_longitudes_and_transform_utm()
    {
        Python.Run(MakeStores, _directory);
        var global = await ZarrDatasetReader.ReadAsync(new FileSystemStore(Path.Combine(_directory, "noleap_0_360_descending.zarr"), writable: false));
        Assert.Equal(new BoundingBox(-180, 47.75, 180, 50.25), global.Wgs84Bounds);
        Assert.Equal(CfCalendar.NoLeap, global.Calendar);
        Assert.Equal("2001-02-26T00:00:00Z", global.TimeExtent!.Value.First.ToRfc3339String());

        var west = await ZarrDatasetReader.ReadAsync(new FileSystemStore(Path.Combine(_directory, "day360_packed_int16.zarr"), writable: false));
        Assert.Equal(-170, west.Wgs84Bounds!.Value.MinX, 9);
        Assert.Equal(-160, west.Wgs84Bounds.Value.MaxX, 9);
        Assert.Equal("2000-03-01T00:00:00Z", west.TimeExtent!.Value.Last.ToRfc3339String());

        var utm = await ZarrDatasetReader.ReadAsync(new FileSystemStore(Path.Combine(_directory, "utm_hourly_two_bands.zarr"), writable: false));
        Assert.Contains(utm.Layout.Excluded, e => e.Name == "quality" && e.Reason.Contains("own collection"));
        using var toWgs84 = CoordinateTransformer.ToWgs84(CoordinateReferenceSystem.FromEpsg(32633));
        var expectedBox = toWgs84.TransformBounds(new BoundingBox(500000, 4999600, 500600, 5000100)).ToArray();
        AssertClose("utm wgs84 bbox", JsonSerializer.SerializeToElement(expectedBox), utm.Wgs84Bounds!.Value.ToArray());
    }

    [Fact]
    public async Task GeoZarr_v3_stores_with_multiscales()
    {
        var pyramid = await ZarrDatasetReader.ReadAsync(new FileSystemStore(Path.Combine(SharedPaths.ZarrFixtures, "v3", "geozarr_multiscales.zarr"), writable: false));
        Assert.Equal("0", pyramid.DataGroupPath);
        Assert.Equal(2, pyramid.Multiscales!.Levels.Count);
        Assert.Equal(4326, pyramid.Layout.Crs!.EpsgCode);
        Assert.Equal(new BoundingBox(20, 8, 22, 10), pyramid.Wgs84Bounds);
        Assert.Null(pyramid.TimeLabels);

        var dataset = await ZarrDatasetReader.ReadAsync(new FileSystemStore(Path.Combine(SharedPaths.ZarrFixtures, "v3", "xr_dataset_geozarr.zarr"), writable: false));
        var expected = FixtureAttributes.Expected("v3", "xr_dataset_geozarr");
        Assert.Equal(expected.GetProperty("cf_decoded").GetProperty("time").EnumerateArray().Select(e => e.GetString()), dataset.TimeLabels!.Select(l => l.ToDateString()));
        var bbox = expected.GetProperty("group_attributes").GetProperty("spatial:bbox");
        AssertClose("geozarr bbox", bbox, dataset.Wgs84Bounds!.Value.ToArray());
        Assert.Equal([-9999.0], dataset.Layout.Bands.Single(b => b.Name == "t2m").Packing.MaskedValues);
    }

    [Fact]
    public async Task Numpy_datetime64_time_coordinates_are_decoded()
    {
        Python.Run(MakeStores, _directory);
        var description = await ZarrDatasetReader.ReadAsync(new FileSystemStore(Path.Combine(_directory, "datetime64_time.zarr"), writable: false));
        Assert.Equal(["2021-06-01T00:00:00Z", "2021-06-01T00:00:00.5Z"], description.TimeLabels!.Select(l => l.ToRfc3339String()));
        Assert.Equal(CfCalendar.ProlepticGregorian, description.Calendar);
        Assert.Null(description.Layout.Crs);
        Assert.Null(description.Wgs84Bounds);
        Assert.Equal(new BoundingBox(0, 0, 3, 2), description.NativeBounds);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static void AssertClose(string what, JsonElement expected, double[] actual)
    {
        var values = expected.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(values.Length, actual.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - actual[i]) <= 1e-9 * Math.Max(1, Math.Abs(values[i])), $"{what}[{i}]: xarray {values[i]}, ours {actual[i]}");
        }
    }
}
