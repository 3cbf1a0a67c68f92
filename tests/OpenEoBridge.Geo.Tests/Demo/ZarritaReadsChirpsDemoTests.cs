using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using OpenEoBridge.Geo.Demo;

namespace OpenEoBridge.Geo.Tests.Demo;

/// <summary>
/// The v3 CHIRPS-like store read by zarrita.js (npm), an independent Zarr v3 implementation: values (SHA-256 of
/// the whole array and NaN count), dimension names, codecs' output, CF and GeoZarr attributes, coordinates and
/// the CF time axis (checked against calendar arithmetic of the BCL, not our time coder).
/// </summary>
[Collection(DemoStoreCollection.Name)]
public sealed class ZarritaReadsChirpsDemoTests(DemoStoreFixture fixture)
{
    private const string Script = """
import { createHash } from "node:crypto";
import * as zarr from "zarrita";
import FileSystemStore from "@zarrita/storage/fs";
const root = zarr.root(new FileSystemStore(process.argv[1]));
const group = await zarr.open(root, { kind: "group" });
const out = { root: group.attrs, arrays: {} };
for (const name of ["precip", "time", "latitude", "longitude", "spatial_ref"]) {
  const arr = await zarr.open(root.resolve(name), { kind: "array" });
  const result = await zarr.get(arr);
  const data = arr.shape.length === 0 ? [result] : result.data;
  const entry = { shape: arr.shape, chunks: arr.chunks, dtype: arr.dtype, dims: arr.dimensionNames ?? null, attrs: arr.attrs, fill: String(arr.fillValue) };
  if (name === "precip") {
    entry.sha256 = createHash("sha256").update(Buffer.from(data.buffer, data.byteOffset, data.byteLength)).digest("hex");
    entry.nan = data.reduce((n, v) => n + (Number.isNaN(v) ? 1 : 0), 0);
    entry.negative = data.reduce((n, v) => n + (v < 0 ? 1 : 0), 0);
  } else {
    entry.values = Array.from(data, Number);
  }
  out.arrays[name] = entry;
}
console.log(JSON.stringify(out));
""";

    [Fact]
    public void Zarrita_reads_the_generators_values_attributes_and_axes()
    {
        var dataset = ChirpsDemoDataset.Instance;
        var seen = NodeScript.RunJson(Script, fixture.StorePath(dataset));
        var arrays = seen.GetProperty("arrays");

        // Values: every float, bit for bit, and NaN exactly over the sea.
        var precip = arrays.GetProperty("precip");
        Assert.Equal([731, 80, 80], Ints(precip.GetProperty("shape")));
        Assert.Equal([366, 40, 40], Ints(precip.GetProperty("chunks")));
        Assert.Equal("float32", precip.GetProperty("dtype").GetString());
        Assert.Equal("NaN", precip.GetProperty("fill").GetString());
        Assert.Equal(["time", "latitude", "longitude"], Strings(precip.GetProperty("dims")));
        var expected = new float[731 * 80 * 80];
        var sea = 0;
        for (var i = 0; i < expected.Length; i++)
        {
            expected[i] = dataset.Precipitation(i / 6400, i / 80 % 80, i % 80);
            sea += float.IsNaN(expected[i]) ? 1 : 0;
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(expected.AsSpan()))), precip.GetProperty("sha256").GetString());
        Assert.Equal(sea, precip.GetProperty("nan").GetInt32());
        Assert.True(sea > 0);
        Assert.Equal(0, precip.GetProperty("negative").GetInt32());

        // CF on the data variable; xarray's v3 _FillValue is base64 of the little-endian float64.
        var attrs = precip.GetProperty("attrs");
        Assert.Equal("mm/day", attrs.GetProperty("units").GetString());
        Assert.Equal("spatial_ref", attrs.GetProperty("grid_mapping").GetString());
        Assert.True(double.IsNaN(BitConverter.ToDouble(Convert.FromBase64String(attrs.GetProperty("_FillValue").GetString()!))));
        Assert.False(string.IsNullOrEmpty(attrs.GetProperty("long_name").GetString()));

        // CRS: grid-mapping WKT and GeoZarr attributes on the root group.
        Assert.Contains("ID[\"EPSG\",4326]", arrays.GetProperty("spatial_ref").GetProperty("attrs").GetProperty("crs_wkt").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, arrays.GetProperty("spatial_ref").GetProperty("shape").GetArrayLength());
        Assert.Equal([0.0], Doubles(arrays.GetProperty("spatial_ref").GetProperty("values")));
        var root = seen.GetProperty("root");
        Assert.Equal("EPSG:4326", root.GetProperty("proj:code").GetString());
        Assert.Equal([0.05, 0, -14, 0, -0.05, 10], Doubles(root.GetProperty("spatial:transform")));
        Assert.Equal([-14.0, 6, -10, 10], Doubles(root.GetProperty("spatial:bbox")));
        Assert.Equal(["latitude", "longitude"], Strings(root.GetProperty("spatial:dimensions")));
        Assert.Equal("CF-1.8", root.GetProperty("Conventions").GetString());
        Assert.Equal(dataset.GeneratorVersion, root.GetProperty(DemoDataset.MarkerAttribute).GetProperty("generator_version").GetInt32());

        // Cell centres: latitude north to south, longitude west to east, 0.05 degree apart.
        var latitude = Doubles(arrays.GetProperty("latitude").GetProperty("values"));
        var longitude = Doubles(arrays.GetProperty("longitude").GetProperty("values"));
        Assert.Equal(80, latitude.Length);
        for (var i = 0; i < 80; i++)
        {
            Assert.Equal(9.975 - (0.05 * i), latitude[i], 9);
            Assert.Equal(-13.975 + (0.05 * i), longitude[i], 9);
        }

        Assert.Equal("degrees_north", arrays.GetProperty("latitude").GetProperty("attrs").GetProperty("units").GetString());
        Assert.Equal("degrees_east", arrays.GetProperty("longitude").GetProperty("attrs").GetProperty("units").GetString());

        // CF time: whole days since 1980-01-01 in the standard calendar, every day of 2023 and 2024.
        var time = arrays.GetProperty("time");
        Assert.Equal("days since 1980-01-01", time.GetProperty("attrs").GetProperty("units").GetString());
        Assert.Equal("standard", time.GetProperty("attrs").GetProperty("calendar").GetString());
        var offsets = Doubles(time.GetProperty("values"));
        var firstOffset = new DateOnly(2023, 1, 1).DayNumber - new DateOnly(1980, 1, 1).DayNumber;
        Assert.Equal(Enumerable.Range(firstOffset, 731).Select(d => (double)d), offsets);
        Assert.Equal(new DateOnly(2024, 12, 31), new DateOnly(1980, 1, 1).AddDays((int)offsets[^1]));
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
