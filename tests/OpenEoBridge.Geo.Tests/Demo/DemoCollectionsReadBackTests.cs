using System.Text.Json.Nodes;
using OpenEoBridge.Geo.Conventions;
using OpenEoBridge.Geo.Crs;
using OpenEoBridge.Geo.Datasets;
using OpenEoBridge.Geo.Demo;
using OpenEoBridge.Geo.Time;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Zarr.Hierarchy;

namespace OpenEoBridge.Geo.Tests.Demo;

/// <summary>The generated demo stores, read back through our own <see cref="ZarrDatasetReader"/> and Zarr reader.</summary>
[Collection(DemoStoreCollection.Name)]
public sealed class DemoCollectionsReadBackTests(DemoStoreFixture fixture)
{
    private static readonly ChirpsDemoDataset Chirps = ChirpsDemoDataset.Instance;
    private static readonly RedNirDemoDataset RedNir = RedNirDemoDataset.Instance;

    [Fact]
    public void Lists_both_collections_with_valid_ids_and_absolute_store_paths()
    {
        Assert.Equal(["CHIRPS_DEMO", "RED_NIR_DEMO"], fixture.Collections.Select(c => c.Id));
        foreach (var collection in fixture.Collections)
        {
            Assert.Matches(@"^[\w\-\.~/]+$", collection.Id);
            Assert.True(Path.IsPathFullyQualified(collection.StorePath));
            Assert.Equal(Path.Combine(fixture.DataDirectory, "demo"), Path.GetDirectoryName(collection.StorePath));
            Assert.True(Directory.Exists(collection.StorePath));
            Assert.False(string.IsNullOrWhiteSpace(collection.Title));
            Assert.False(string.IsNullOrWhiteSpace(collection.Description));
            Assert.Equal("CC0-1.0", collection.License);
            Assert.Contains("demo", collection.Keywords);
        }

        // Nothing but the stores and their lock files is left in the demo directory.
        Assert.Equal(["chirps-demo.zarr", "red-nir-demo.zarr"],
            Directory.GetDirectories(Path.Combine(fixture.DataDirectory, "demo")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_start_reuses_the_stores_without_touching_them()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var before = Snapshot();
        var again = await DemoCollections.EnsureAsync(fixture.DataDirectory, timeout.Token);
        Assert.Equal(fixture.Collections, again);
        Assert.Equal(before, Snapshot());

        foreach (var dataset in DemoCollections.Datasets)
        {
            Assert.True(await DemoStoreInstaller.IsCurrentAsync(fixture.StorePath(dataset), dataset, timeout.Token));
        }
    }

    [Fact]
    public async Task A_store_with_an_older_generator_marker_is_stale()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var copy = Directory.CreateTempSubdirectory("oeb-demo-stale-").FullName;
        try
        {
            var root = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixture.StorePath(Chirps), "zarr.json"), timeout.Token))!;
            Assert.Equal(Chirps.GeneratorVersion, (int)root["attributes"]![DemoDataset.MarkerAttribute]!["generator_version"]!);
            await File.WriteAllTextAsync(Path.Combine(copy, "zarr.json"), root.ToJsonString(), timeout.Token);
            Assert.True(await DemoStoreInstaller.IsCurrentAsync(copy, Chirps, timeout.Token));
            Assert.False(await DemoStoreInstaller.IsCurrentAsync(copy, RedNir, timeout.Token));

            root["attributes"]![DemoDataset.MarkerAttribute]!["generator_version"] = Chirps.GeneratorVersion - 1;
            await File.WriteAllTextAsync(Path.Combine(copy, "zarr.json"), root.ToJsonString(), timeout.Token);
            Assert.False(await DemoStoreInstaller.IsCurrentAsync(copy, Chirps, timeout.Token));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void All_metadata_is_plain_ascii_json()
    {
        // zarr-python 2 decodes metadata as ASCII; PROJ's WKT (area of use "18°W") would otherwise break it.
        foreach (var collection in fixture.Collections)
        {
            var files = Directory.EnumerateFiles(collection.StorePath, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) is "zarr.json" or ".zmetadata" or ".zattrs" or ".zarray" or ".zgroup")
                .ToArray();
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                Assert.True(bytes.All(b => b < 0x80), $"{file} has non-ASCII bytes");
                using var document = System.Text.Json.JsonDocument.Parse(bytes);
            }
        }

        var wkt = JsonNode.Parse(File.ReadAllBytes(Path.Combine(fixture.StorePath(RedNir), "spatial_ref", ".zattrs")))!["crs_wkt"]!.GetValue<string>();
        Assert.Contains("18\u00b0W", wkt, StringComparison.Ordinal); // escaped in the file, the same text once parsed
    }

    [Fact]
    public async Task A_missing_data_directory_argument_is_refused()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => DemoCollections.EnsureAsync(" ", CancellationToken.None));
    }

    [Fact]
    public async Task Chirps_store_reads_back_as_a_daily_wgs84_cube_of_precipitation()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var description = await ZarrDatasetReader.ReadAsync(new FileSystemStore(fixture.StorePath(Chirps), writable: false), cancellationToken: timeout.Token);
        var layout = description.Layout;

        Assert.Equal([("time", DimensionRole.Time), ("latitude", DimensionRole.Y), ("longitude", DimensionRole.X)],
            layout.Dimensions.Select(d => (d.Name, d.Role)));
        Assert.Equal([731L, 80L, 80L], layout.Dimensions.Select(d => d.Size));
        Assert.Equal(CoordinateReferenceSystem.Wgs84, layout.Crs);
        Assert.Equal(4326, layout.Crs!.EpsgCode);
        Assert.Equal("spatial_ref", layout.GridMappingVariable);

        var band = Assert.Single(layout.Bands);
        Assert.Equal("precip", band.Name);
        Assert.Equal("mm/day", band.Units);
        Assert.Equal(NumericType.Float32, band.Packing.StoredType);
        Assert.Equal(NumericType.Float32, band.Packing.DecodedType);
        Assert.False(band.Packing.IsPacked);
        Assert.True(band.Packing.MaskedValues.Count == 1 && double.IsNaN(band.Packing.MaskedValues[0]), "the v3 _FillValue NaN is read");
        Assert.True(double.IsNaN(band.Packing.DecodedNoData!.Value));

        // Latitude descends (north-up); 0.05° cells whose edges are the advertised extent.
        Assert.False(description.Y.Ascending);
        Assert.True(description.X.Ascending);
        Assert.Equal(-0.05, description.Y.Step!.Value, 12);
        Assert.Equal(0.05, description.X.Step!.Value, 12);
        AssertBox(new BoundingBox(-14, 6, -10, 10), description.NativeBounds);
        AssertBox(new BoundingBox(-14, 6, -10, 10), description.Wgs84Bounds!.Value);

        var labels = description.TimeLabels!;
        Assert.Equal(731, labels.Count);
        Assert.Equal(CfCalendar.Standard, description.Calendar);
        Assert.Equal("2023-01-01T00:00:00Z", labels[0].ToRfc3339String());
        Assert.Equal("2024-02-29T00:00:00Z", labels[424].ToRfc3339String());
        Assert.Equal("2024-12-31T00:00:00Z", labels[^1].ToRfc3339String());
        Assert.All(labels.Zip(labels.Skip(1)), pair => Assert.Equal(CalendarDateTime.MicrosecondsPerDay, pair.Second.MicrosecondsSince(pair.First)));
        Assert.Equal("days since 1980-01-01", layout.Time!.Coordinate!.Attributes.GetString("units"));
    }

    [Fact]
    public async Task Chirps_values_are_the_generators_with_nan_over_the_sea_and_a_wet_season()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var array = await ZarrArray.OpenAsync(new FileSystemStore(fixture.StorePath(Chirps), writable: false), "precip", cancellationToken: timeout.Token);
        Assert.Equal([731L, 80L, 80L], array.Shape);
        Assert.True(double.IsNaN(array.FillValue.ToDouble()));
        var values = await array.ReadAllAsync<float>(timeout.Token);

        int sea = 0, dry = 0, land = 0;
        double february = 0, august = 0;
        int februaryCount = 0, augustCount = 0;
        for (var d = 0; d < 731; d++)
        {
            var month = new DateOnly(2023, 1, 1).AddDays(d).Month;
            for (var r = 0; r < 80; r++)
            {
                for (var c = 0; c < 80; c++)
                {
                    var value = values[(((d * 80) + r) * 80) + c];
                    var expected = Chirps.Precipitation(d, r, c);
                    Assert.True(value.Equals(expected), $"day {d} row {r} col {c}: stored {value}, generator {expected}");
                    var (lon, lat) = Chirps.Grid.Transform.Apply(c + 0.5, r + 0.5);
                    if (!SierraLeoneCoast.IsLand(lon, lat))
                    {
                        Assert.True(float.IsNaN(value), $"sea cell ({lon}, {lat}) holds {value}");
                        sea++;
                        continue;
                    }

                    Assert.False(float.IsNaN(value), $"land cell ({lon}, {lat}) is NaN on day {d}");
                    Assert.True(value >= 0, $"negative precipitation {value}");
                    land++;
                    dry += value == 0 ? 1 : 0;
                    if (month == 2)
                    {
                        february += value;
                        februaryCount++;
                    }
                    else if (month == 8)
                    {
                        august += value;
                        augustCount++;
                    }
                }
            }
        }

        // Real sea: a sizeable part of the grid, as on the real map (the Atlantic west and south of the coast).
        Assert.InRange(sea / (double)(sea + land), 0.2, 0.5);
        Assert.True(float.IsNaN(values[(79 * 80) + 0]), "the south-west corner is sea");
        Assert.False(float.IsNaN(values[(0 * 80) + 79]), "the north-east corner is land");

        // Dry days are common over the year, and August (monsoon) is far wetter than February (dry season).
        Assert.InRange(dry / (double)land, 0.3, 0.85);
        var augustMean = august / augustCount;
        var februaryMean = february / februaryCount;
        Assert.InRange(augustMean, 8, 40);
        Assert.True(februaryMean < augustMean / 10, $"February mean {februaryMean} mm/day vs August {augustMean}");
        Assert.InRange(values.Where(v => !float.IsNaN(v)).Max(), 50, 400);
    }

    [Fact]
    public async Task Red_nir_store_reads_back_as_a_two_band_utm_cube()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var description = await ZarrDatasetReader.ReadAsync(new FileSystemStore(fixture.StorePath(RedNir), writable: false), cancellationToken: timeout.Token);
        var layout = description.Layout;

        Assert.Equal([("time", DimensionRole.Time), ("y", DimensionRole.Y), ("x", DimensionRole.X)], layout.Dimensions.Select(d => (d.Name, d.Role)));
        Assert.Equal([37L, 200L, 200L], layout.Dimensions.Select(d => d.Size));
        Assert.Equal(32628, layout.Crs!.EpsgCode);
        // The reader lists data variables in store (alphabetical) order.
        Assert.Equal(["nir", "red"], layout.Bands.Select(b => b.Name));
        Assert.Null(layout.BandDimension);
        foreach (var band in layout.Bands)
        {
            Assert.Equal("1", band.Units);
            Assert.Equal("surface_bidirectional_reflectance", band.StandardName);
            Assert.Equal(new NumericType(NumericKind.UnsignedInteger, 2), band.Packing.StoredType);
            Assert.Equal(0.0001, band.Packing.ScaleFactor);
            Assert.Null(band.Packing.AddOffset);
            Assert.Equal([0.0], band.Packing.MaskedValues);
            Assert.Equal(NumericType.Float32, band.Packing.DecodedType);
            Assert.True(double.IsNaN(band.Packing.DecodedNoData!.Value));
        }

        Assert.Equal(20, description.X.Step!.Value, 9);
        Assert.Equal(-20, description.Y.Step!.Value, 9);
        AssertBox(new BoundingBox(740_000, 968_000, 744_000, 972_000), description.NativeBounds);

        // Near Port Loko, Sierra Leone (about 12.8°W, 8.77°N); the WGS 84 box covers the whole UTM square.
        var wgs84 = description.Wgs84Bounds!.Value;
        Assert.InRange(wgs84.MinX, -12.85, -12.75);
        Assert.InRange(wgs84.MaxX, -12.80, -12.70);
        Assert.InRange(wgs84.MinY, 8.70, 8.80);
        Assert.InRange(wgs84.MaxY, 8.74, 8.84);
        Assert.InRange(wgs84.Width, 0.03, 0.05);

        var labels = description.TimeLabels!;
        Assert.Equal(37, labels.Count);
        Assert.Equal("2024-01-05T00:00:00Z", labels[0].ToRfc3339String());
        Assert.Equal("2024-12-30T00:00:00Z", labels[^1].ToRfc3339String());
        Assert.All(labels.Zip(labels.Skip(1)), pair => Assert.Equal(10 * CalendarDateTime.MicrosecondsPerDay, pair.Second.MicrosecondsSince(pair.First)));
    }

    [Fact]
    public async Task Red_nir_values_are_the_generators_and_give_sensible_ndvi()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var store = new FileSystemStore(fixture.StorePath(RedNir), writable: false);
        var red = await (await ZarrArray.OpenAsync(store, "red", cancellationToken: timeout.Token)).ReadAllAsync<ushort>(timeout.Token);
        var nir = await (await ZarrArray.OpenAsync(store, "nir", cancellationToken: timeout.Token)).ReadAllAsync<ushort>(timeout.Token);

        var clouded = new int[37];
        double ndviMin = double.MaxValue, ndviMax = double.MinValue;
        for (var t = 0; t < 37; t++)
        {
            for (var r = 0; r < 200; r++)
            {
                for (var c = 0; c < 200; c++)
                {
                    var i = (((t * 200) + r) * 200) + c;
                    Assert.Equal(RedNir.StoredValues(t, r, c), (red[i], nir[i]));
                    Assert.True((red[i] == 0) == (nir[i] == 0), "clouds mask both bands");
                    if (red[i] == 0)
                    {
                        clouded[t]++;
                        continue;
                    }

                    var ndvi = (nir[i] - red[i]) / (double)(nir[i] + red[i]);
                    ndviMin = Math.Min(ndviMin, ndvi);
                    ndviMax = Math.Max(ndviMax, ndvi);
                }
            }
        }

        // Water is negative, green vegetation high; clouds are rare in the dry season, common in the wet one.
        Assert.InRange(ndviMin, -0.5, 0);
        Assert.InRange(ndviMax, 0.7, 0.95);
        Assert.True(clouded[..6].Sum() < clouded[18..24].Sum(), $"clouded pixels Jan-Feb {clouded[..6].Sum()}, Jul-Aug {clouded[18..24].Sum()}");
        Assert.Contains(clouded, n => n == 0);
    }

    [Fact]
    public void Stores_are_a_few_megabytes()
    {
        foreach (var collection in fixture.Collections)
        {
            var bytes = new DirectoryInfo(collection.StorePath).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
            Assert.InRange(bytes, 100_000, 8_000_000);
        }
    }

    private Dictionary<string, DateTime> Snapshot() => fixture.Collections
        .SelectMany(c => Directory.EnumerateFiles(c.StorePath, "*", SearchOption.AllDirectories))
        .ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private static void AssertBox(BoundingBox expected, BoundingBox actual)
    {
        Assert.Equal(expected.MinX, actual.MinX, 9);
        Assert.Equal(expected.MinY, actual.MinY, 9);
        Assert.Equal(expected.MaxX, actual.MaxX, 9);
        Assert.Equal(expected.MaxY, actual.MaxY, 9);
    }
}
