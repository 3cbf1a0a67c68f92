using System.Text.Json;
using OpenEoBridge.Geo.Demo;
using OpenEoBridge.Geo.Tests.Support;

namespace OpenEoBridge.Geo.Tests.Demo;

/// <summary>
/// The v2 red/nir store opened by Debian's zarr-python 2 + xarray + rioxarray (CF decoding, coordinates,
/// time, <c>rio.crs</c>) and by GDAL's Zarr driver: independent readers agree with the generator.
/// </summary>
[Collection(DemoStoreCollection.Name)]
public sealed class XarrayReadsRedNirDemoTests(DemoStoreFixture fixture)
{
    private const string Script = """
import json, sys
import numpy as np, xarray as xr, rioxarray
from osgeo import gdal
gdal.UseExceptions()
request = json.load(sys.stdin)
path = request["store"]
ds = xr.open_zarr(path, use_cftime=False)
out = {"data_vars": sorted(ds.data_vars), "bands": {}}
for name in ["red", "nir"]:
    v = ds[name]
    values = v.values
    out["bands"][name] = {
        "dims": list(v.dims),
        "dtype": str(v.dtype),
        "nan": int(np.isnan(values).sum()),
        "sum": float(np.nansum(values.astype("f8"))),
        "samples": [None if np.isnan(values[t, r, c]) else float(values[t, r, c]) for t, r, c in request["samples"]],
        "units": v.attrs.get("units"),
        "epsg": v.rio.crs.to_epsg(),
        "transform": list(v.rio.transform())[:6],
        "bounds": list(v.rio.bounds()),
        "nodata": None if v.rio.encoded_nodata is None else float(v.rio.encoded_nodata),
        "scale_factor": v.encoding.get("scale_factor"),
    }
out["x"] = [float(x) for x in ds["x"].values]
out["y"] = [float(y) for y in ds["y"].values]
out["time"] = [str(t)[:19] for t in ds["time"].values.astype("datetime64[s]")]
out["time_units"] = ds["time"].encoding.get("units")
out["calendar"] = ds["time"].encoding.get("calendar")
raster = gdal.Open(f'ZARR:"{path}":/red:3')
band = raster.GetRasterBand(1)
srs = raster.GetSpatialRef()
out["gdal"] = {
    "epsg": int(srs.GetAuthorityCode(None)),
    "geotransform": list(raster.GetGeoTransform()),
    "size": [raster.RasterYSize, raster.RasterXSize],
    "nodata": band.GetNoDataValue(),
    "scale": band.GetScale(),
    "first_row": band.ReadAsArray(0, 0, raster.RasterXSize, 1)[0].astype(int).tolist(),
}
print(json.dumps(out))
""";

    [Fact]
    public void Xarray_rioxarray_and_gdal_read_the_generators_bands_coordinates_time_and_crs()
    {
        var dataset = RedNirDemoDataset.Instance;
        var samples = Enumerable.Range(0, 60)
            .Select(i => new[] { (int)(DemoNoise.Hash(7, i) % 37), (int)(DemoNoise.Hash(8, i) % 200), (int)(DemoNoise.Hash(9, i) % 200) })
            .ToArray();
        var seen = Python.RunJson(Script, new { store = fixture.StorePath(dataset), samples });

        Assert.Equal(["nir", "red"], seen.GetProperty("data_vars").EnumerateArray().Select(e => e.GetString()));
        foreach (var (name, index) in new[] { ("red", 0), ("nir", 1) })
        {
            var band = seen.GetProperty("bands").GetProperty(name);
            Assert.Equal(["time", "y", "x"], band.GetProperty("dims").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("float32", band.GetProperty("dtype").GetString());
            Assert.Equal("1", band.GetProperty("units").GetString());
            Assert.Equal(32628, band.GetProperty("epsg").GetInt32());
            Assert.Equal([20.0, 0, 740_000, 0, -20, 972_000], Doubles(band.GetProperty("transform")));
            Assert.Equal([740_000.0, 968_000, 744_000, 972_000], Doubles(band.GetProperty("bounds")));
            Assert.Equal(0, band.GetProperty("nodata").GetDouble());
            Assert.Equal(RedNirDemoDataset.ScaleFactor, band.GetProperty("scale_factor").GetDouble());

            // Masked (cloudy) cells become NaN, all others decode to stored value x 0.0001.
            long masked = 0;
            double sum = 0;
            for (var t = 0; t < 37; t++)
            {
                for (var r = 0; r < 200; r++)
                {
                    for (var c = 0; c < 200; c++)
                    {
                        var stored = Stored(dataset, t, r, c, index);
                        masked += stored == 0 ? 1 : 0;
                        sum += (float)(stored * RedNirDemoDataset.ScaleFactor);
                    }
                }
            }

            Assert.Equal(masked, band.GetProperty("nan").GetInt64());
            Assert.True(masked > 0);
            Assert.Equal(sum, band.GetProperty("sum").GetDouble(), sum * 1e-6);
            var values = band.GetProperty("samples").EnumerateArray().ToArray();
            for (var i = 0; i < samples.Length; i++)
            {
                var stored = Stored(dataset, samples[i][0], samples[i][1], samples[i][2], index);
                if (stored == 0)
                {
                    Assert.Equal(JsonValueKind.Null, values[i].ValueKind);
                }
                else
                {
                    Assert.Equal(stored * RedNirDemoDataset.ScaleFactor, values[i].GetDouble(), 1e-7);
                }
            }
        }

        var x = Doubles(seen.GetProperty("x"));
        var y = Doubles(seen.GetProperty("y"));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => 740_010.0 + (20 * i)), x);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => 971_990.0 - (20 * i)), y);

        var expectedDates = Enumerable.Range(0, 37).Select(i => new DateTime(2024, 1, 5).AddDays(10 * i).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expectedDates, seen.GetProperty("time").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("days since 1970-01-01", seen.GetProperty("time_units").GetString());
        Assert.Equal("standard", seen.GetProperty("calendar").GetString());

        // GDAL 3.6 reads the CRS from _CRS and the grid from the coordinates; date index 3 of the red band.
        var gdal = seen.GetProperty("gdal");
        Assert.Equal(32628, gdal.GetProperty("epsg").GetInt32());
        Assert.Equal([740_000.0, 20, 0, 972_000, 0, -20], Doubles(gdal.GetProperty("geotransform")));
        Assert.Equal([200, 200], gdal.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0, gdal.GetProperty("nodata").GetDouble());
        Assert.Equal(Enumerable.Range(0, 200).Select(c => (int)dataset.StoredValues(3, 0, c).Red), gdal.GetProperty("first_row").EnumerateArray().Select(e => e.GetInt32()));
    }

    private static ushort Stored(RedNirDemoDataset dataset, int t, int r, int c, int band)
    {
        var (red, nir) = dataset.StoredValues(t, r, c);
        return band == 0 ? red : nir;
    }

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
