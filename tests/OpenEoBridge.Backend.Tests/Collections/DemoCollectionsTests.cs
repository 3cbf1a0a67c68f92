using System.Text.Json;
using OpenEoBridge.Geo.Demo;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>
/// A server without configured sources generates and serves the demo collections (on by default): ids, titles and
/// licences from the demo definitions; the v2 red/nir store's extents and bands as xarray/rioxarray read them; the v3
/// CHIRPS-like store's against the grid and days it was generated from.
/// </summary>
public sealed class DemoCollectionsTests
{
    [Fact]
    public async Task Demo_collections_are_served_with_correct_metadata()
    {
        using var server = new CatalogServer([], demo: true);

        var listed = await server.GetValidAsync("/collections", "/collections");
        Assert.Equal(["CHIRPS_DEMO", "RED_NIR_DEMO"], listed.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()));

        var chirps = await server.CollectionAsync("CHIRPS_DEMO");
        var definition = ChirpsDemoDataset.Instance;
        Assert.Equal(definition.Title, chirps.GetProperty("title").GetString());
        Assert.Equal(definition.License, chirps.GetProperty("license").GetString());
        Assert.Equal(definition.Keywords, chirps.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()!));
        var bounds = definition.Grid.Bounds;
        Assert.Equal([bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY], chirps.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(e => Math.Round(e.GetDouble(), 9)));
        var t = chirps.GetProperty("cube:dimensions").GetProperty("t");
        Assert.Equal([definition.Days()[0].ToRfc3339String(), definition.Days()[^1].ToRfc3339String()], t.GetProperty("extent").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("P1D", t.GetProperty("step").GetString());
        // The grid's own resolution, not the float noise of differences between coordinate values.
        Assert.Equal(definition.Grid.Transform.A, chirps.GetProperty("cube:dimensions").GetProperty("x").GetProperty("step").GetDouble());
        Assert.Equal(-definition.Grid.Transform.E, chirps.GetProperty("cube:dimensions").GetProperty("y").GetProperty("step").GetDouble());
        Assert.Equal([ChirpsDemoDataset.VariableName], chirps.GetProperty("cube:dimensions").GetProperty("bands").GetProperty("values").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("nan", chirps.GetProperty("summaries").GetProperty("bands")[0].GetProperty("nodata").GetString());

        var redNir = await server.CollectionAsync("RED_NIR_DEMO");
        var store = Path.Combine(server.DataDirectory, DemoCollections.DirectoryName, RedNirDemoDataset.Instance.StoreName);
        var reference = ReferencePython.RunJson(XarrayStores.Describe, new[] { new object?[] { "red_nir", store, null } }).GetProperty("red_nir");
        var dimensions = redNir.GetProperty("cube:dimensions");
        Assert.Equal(reference.GetProperty("epsg").GetInt32(), dimensions.GetProperty("x").GetProperty("reference_system").GetInt32());
        var nativeBounds = reference.GetProperty("bounds").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal([nativeBounds[0], nativeBounds[2]], dimensions.GetProperty("x").GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([nativeBounds[1], nativeBounds[3]], dimensions.GetProperty("y").GetProperty("extent").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(reference.GetProperty("time_extent").EnumerateArray().Select(e => e.GetString()), dimensions.GetProperty("t").GetProperty("extent").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(reference.GetProperty("time_step").GetString(), dimensions.GetProperty("t").GetProperty("step").GetString());
        var bands = redNir.GetProperty("summaries").GetProperty("bands").EnumerateArray().ToDictionary(b => b.GetProperty("name").GetString()!);
        Assert.Equal(RedNirDemoDataset.Instance.BandNames.Order(), bands.Keys.Order());
        foreach (var expected in reference.GetProperty("bands").EnumerateArray())
        {
            var band = bands[expected.GetProperty("name").GetString()!];
            Assert.Equal(expected.GetProperty("dtype").GetString(), band.GetProperty("data_type").GetString());
            Assert.Equal(expected.GetProperty("scale").GetDouble(), band.GetProperty("scale").GetDouble());
            Assert.Equal(expected.GetProperty("nodata").GetDouble(), band.GetProperty("nodata").GetDouble());
        }

        var common = redNir.GetProperty("summaries").GetProperty("eo:bands").EnumerateArray().Select(b => b.GetProperty("common_name").GetString()).Order();
        Assert.Equal(["nir", "red"], common);
    }

    [Fact]
    public async Task Demo_false_serves_no_demo_collections_and_generates_nothing()
    {
        using var server = new CatalogServer([]);

        var listed = await server.GetValidAsync("/collections", "/collections");

        Assert.Empty(listed.GetProperty("collections").EnumerateArray());
        Assert.False(Directory.Exists(Path.Combine(server.DataDirectory, DemoCollections.DirectoryName)));
    }
}
