using System.Text.Json;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>
/// Every dataset fixture of ../shared/zarr-fixtures and stores written here by xarray, served as collections: bbox,
/// time extent, dimensions, steps and bands equal what xarray/rioxarray report for the same store (v2 stores); v3
/// fixtures (no v3 reader in Debian's zarr) are compared with their expected.json. Every response validates against
/// openapi.yaml.
/// </summary>
public sealed class CollectionsMatchXarrayTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oeb-catalog-xr-").FullName;

    /// <summary>Root groups among the fixtures: the stores xarray writes (the rest are single arrays).</summary>
    private static IReadOnlyList<string> DatasetFixtures() =>
        Directory.GetDirectories(Path.Combine(SharedPaths.ZarrFixtures, "v2"), "*.zarr").Where(d => File.Exists(Path.Combine(d, ".zgroup")))
            .Concat(Directory.GetDirectories(Path.Combine(SharedPaths.ZarrFixtures, "v3"), "*.zarr").Where(IsV3Group))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static bool IsV3Group(string store)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(store, "zarr.json")));
        return document.RootElement.GetProperty("node_type").GetString() == "group";
    }

    private static string Name(string store) => Path.GetFileNameWithoutExtension(store);

    [Fact]
    public async Task Collections_equal_what_xarray_and_rioxarray_report()
    {
        var fixtures = DatasetFixtures();
        Assert.Equal(6, fixtures.Count);
        ReferencePython.Run(XarrayStores.Make, _directory);
        var made = XarrayStores.Names.Select(n => Path.Combine(_directory, n + ".zarr")).ToArray();
        var v2 = fixtures.Where(f => f.Contains("/v2/", StringComparison.Ordinal)).Concat(made).ToArray();
        var reference = ReferencePython.RunJson(XarrayStores.Describe, v2.Select(s => new object?[] { Name(s), s, null }));

        using var server = new CatalogServer(fixtures.Concat(made).Select(s => (s, (string?)null)));
        var listed = await server.GetValidAsync("/collections", "/collections");
        var ids = listed.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToHashSet();

        foreach (var store in v2)
        {
            var expected = reference.GetProperty(Name(store));
            if (!expected.GetProperty("served").GetBoolean())
            {
                Assert.DoesNotContain(Name(store), ids);
                var failures = await server.Registry.FailuresAsync(default);
                Assert.Contains("no single x and y", failures[Name(store)]);
                continue;
            }

            Assert.Contains(Name(store), ids);
            AssertMatches(Name(store), expected, await server.CollectionAsync(Name(store)));
        }

        await AssertV3FixturesAsync(server, fixtures.Where(f => f.Contains("/v3/", StringComparison.Ordinal)));
    }

    private static void AssertMatches(string name, JsonElement expected, JsonElement collection)
    {
        var dimensions = collection.GetProperty("cube:dimensions");
        var bounds = Numbers(expected.GetProperty("bounds"));
        var resolution = Numbers(expected.GetProperty("resolution"));

        AssertClose($"{name} bbox", Numbers(expected.GetProperty("wgs84")), Numbers(collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0]), 1e-7);
        AssertClose($"{name} x extent", [bounds[0], bounds[2]], Numbers(dimensions.GetProperty("x").GetProperty("extent")), 1e-9);
        AssertClose($"{name} y extent", [bounds[1], bounds[3]], Numbers(dimensions.GetProperty("y").GetProperty("extent")), 1e-9);
        AssertClose($"{name} steps", resolution, [dimensions.GetProperty("x").GetProperty("step").GetDouble(), dimensions.GetProperty("y").GetProperty("step").GetDouble()], 1e-9);
        Assert.Equal(expected.GetProperty("epsg").GetInt32(), dimensions.GetProperty("x").GetProperty("reference_system").GetInt32());
        Assert.Equal(expected.GetProperty("epsg").GetInt32(), dimensions.GetProperty("y").GetProperty("reference_system").GetInt32());

        // Dimension names: openEO's x, y, t and bands for the roles xarray/rioxarray give, others as in the store.
        var timeDim = expected.GetProperty("time_dim").GetString();
        var bandLabels = expected.GetProperty("band_labels");
        var expectedNames = expected.GetProperty("dims").EnumerateArray().Select(d => d.GetString()!).Select(d =>
            d == expected.GetProperty("x_dim").GetString() ? "x" : d == expected.GetProperty("y_dim").GetString() ? "y" : d == timeDim ? "t" : bandLabels.TryGetProperty(d, out _) ? "bands" : d)
            .Append("bands").Distinct().Order();
        Assert.Equal(expectedNames, dimensions.EnumerateObject().Select(p => p.Name).Order());

        if (timeDim is null)
        {
            Assert.False(dimensions.TryGetProperty("t", out _), name);
            Assert.Equal(JsonValueKind.Null, collection.GetProperty("extent").GetProperty("temporal").GetProperty("interval")[0][0].ValueKind);
        }
        else
        {
            var t = dimensions.GetProperty("t");
            Assert.Equal(Texts(expected.GetProperty("time_extent")), Texts(t.GetProperty("extent")));
            Assert.Equal(expected.GetProperty("time_step").GetString(), t.GetProperty("step").GetString());
            var calendar = expected.GetProperty("calendar").GetString();
            Assert.Equal(calendar is "standard" or "gregorian" or "proleptic_gregorian" ? null : calendar, t.TryGetProperty("calendar", out var c) ? c.GetString() : null);
        }

        var summaries = collection.GetProperty("summaries");
        var stacBands = summaries.GetProperty("bands").EnumerateArray().ToArray();
        Assert.Equal(
            stacBands.Select(b => b.GetProperty("name").GetString()),
            summaries.GetProperty("eo:bands").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        Assert.Equal(stacBands.Select(b => b.GetProperty("name").GetString()), Texts(dimensions.GetProperty("bands").GetProperty("values")));
        var expectedBands = expected.GetProperty("bands").EnumerateArray().ToArray();
        if (bandLabels.EnumerateObject().Any())
        {
            // One variable along an explicit band dimension: the bands are its labels, each with the variable's metadata.
            Assert.Equal(Texts(bandLabels.EnumerateObject().Single().Value), stacBands.Select(b => b.GetProperty("name").GetString()!));
            expectedBands = [.. Enumerable.Repeat(expectedBands.Single(), stacBands.Length)];
        }
        else
        {
            Assert.Equal(expectedBands.Select(b => b.GetProperty("name").GetString()), stacBands.Select(b => b.GetProperty("name").GetString()).Order());
            stacBands = [.. stacBands.OrderBy(b => b.GetProperty("name").GetString(), StringComparer.Ordinal)];
        }

        foreach (var (want, got) in expectedBands.Zip(stacBands))
        {
            var what = $"{name}/{got.GetProperty("name").GetString()}";
            Assert.True(want.GetProperty("dtype").GetString() == got.GetProperty("data_type").GetString(), $"{what} data_type");
            Assert.True(Optional(want, "unit") == Optional(got, "unit"), $"{what} unit");
            foreach (var field in new[] { "nodata", "scale", "offset" })
            {
                Assert.True(Optional(want, field) == Optional(got, field), $"{what} {field}: xarray {Optional(want, field)}, ours {Optional(got, field)}");
            }
        }
    }

    /// <summary>v3 fixtures: coordinates, times and bands from the fixture generator's expected.json.</summary>
    private static async Task AssertV3FixturesAsync(CatalogServer server, IEnumerable<string> stores)
    {
        foreach (var store in stores)
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path.ChangeExtension(store, ".expected.json")));
            var expected = document.RootElement;
            var groupAttributes = expected.GetProperty("group_attributes");
            var collection = await server.CollectionAsync(Name(store));
            var dimensions = collection.GetProperty("cube:dimensions");

            // Both v3 fixtures are EPSG:4326 and carry GeoZarr spatial:bbox (cell edges, WGS 84).
            AssertClose(Name(store), Numbers(groupAttributes.GetProperty("spatial:bbox")), Numbers(collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0]), 1e-9);
            Assert.Equal(4326, dimensions.GetProperty("x").GetProperty("reference_system").GetInt32());
            var level = groupAttributes.TryGetProperty("multiscales", out var ms) ? ms.GetProperty("layout")[0].GetProperty("asset").GetString() + "/" : string.Empty;
            var arrays = expected.GetProperty("arrays");
            var cube = arrays.EnumerateObject().Where(a => a.Name.StartsWith(level, StringComparison.Ordinal) && a.Name.IndexOf('/', level.Length) < 0 && a.Value.GetProperty("shape").GetArrayLength() == 3).ToArray();
            var x = Numbers(arrays.GetProperty(level + cube[0].Value.GetProperty("dimension_names")[2].GetString()).GetProperty("values_c_order"));
            Assert.Equal(Math.Abs(x[1] - x[0]), dimensions.GetProperty("x").GetProperty("step").GetDouble(), 9);
            Assert.Equal(
                cube.Select(a => a.Name[level.Length..]).Order(),
                collection.GetProperty("summaries").GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("name").GetString()!).Order());
            if (expected.TryGetProperty("cf_decoded", out var decoded) && decoded.TryGetProperty("time", out var times))
            {
                var labels = Texts(times);
                Assert.Equal([labels[0] + "T00:00:00Z", labels[^1] + "T00:00:00Z"], Texts(dimensions.GetProperty("t").GetProperty("extent")));
                Assert.Equal("P1D", dimensions.GetProperty("t").GetProperty("step").GetString());
            }
        }
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture) : value.GetString()
            : null;

    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static string[] Texts(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static void AssertClose(string what, double[] expected, double[] actual, double tolerance)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {expected.Length} values expected, got {actual.Length}");
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"{what}[{i}]: xarray {expected[i]}, ours {actual[i]}");
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
