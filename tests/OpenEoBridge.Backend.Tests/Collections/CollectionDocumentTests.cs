using System.Text.Json.Nodes;
using OpenEoBridge.Backend.Api.Collections;
using OpenEoBridge.Backend.Catalog;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;
using OpenEoBridge.Geo.Datasets;
using OpenEoBridge.Geo.Time;
using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Storage.Locations;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>The parts of a collection document that do not need a server: assets, licence links, time rules.</summary>
public sealed class CollectionDocumentTests
{
    private static readonly CollectionLinks Links = new("https://eo.example/openeo/1.2/");

    private static async Task<LoadedCollection> ChirpsAsync(string location, string? license = null, Uri? licenseUrl = null)
    {
        var path = Path.Combine(SharedPaths.ZarrFixtures, "v2", "xr_chirps_like.zarr");
        var dataset = await ZarrDatasetReader.ReadAsync(new FileSystemStore(path, writable: false));
        var source = new CatalogSource("chirps", StoreLocation.Parse(location), string.Empty, null, null, null, license, licenseUrl, ["rain"], false);
        return new LoadedCollection(source, dataset, ["precip"], new Dictionary<string, DimensionLabels>(), null, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task Remote_stores_are_zarr_assets_and_local_ones_have_none()
    {
        var remote = CollectionDocument.Build(await ChirpsAsync("s3://bucket/cubes/chirps.zarr"), Links, full: true);
        var asset = remote["assets"]!["zarr"]!;
        Assert.Equal("s3://bucket/cubes/chirps.zarr/", (string?)asset["href"]);
        Assert.Equal("application/vnd+zarr", (string?)asset["type"]);
        Assert.Equal(["data"], asset["roles"]!.AsArray().Select(r => (string?)r));
        Assert.Empty(OpenApiSpec.Instance.Validate("/collections/{collection_id}", "get", 200, Element(remote)));

        var local = CollectionDocument.Build(await ChirpsAsync("/srv/data/chirps.zarr"), Links, full: true);
        Assert.Null(local["assets"]);
        Assert.DoesNotContain("/srv/data", local.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CC-BY-4.0", null, "https://spdx.org/licenses/CC-BY-4.0.html")]
    [InlineData("proprietary", "https://data.example/terms", "https://data.example/terms")]
    [InlineData("proprietary", null, null)]
    public async Task License_links_follow_spdx_or_the_configured_url(string license, string? url, string? expected)
    {
        var document = CollectionDocument.Build(await ChirpsAsync("/d/c.zarr", license, url is null ? null : new Uri(url)), Links, full: false);
        Assert.Equal(license, (string?)document["license"]);
        var link = document["links"]!.AsArray().FirstOrDefault(l => (string?)l!["rel"] == "license");
        Assert.Equal(expected, (string?)link?["href"]);
        Assert.Equal(["rain"], document["keywords"]!.AsArray().Select(k => (string?)k));
    }

    [Theory]
    [InlineData(86_400_000_000L, "P1D")]
    [InlineData(5 * 86_400_000_000L, "P5D")]
    [InlineData(21_600_000_000L, "PT6H")]
    [InlineData(5_400_000_000L, "PT1H30M")]
    [InlineData(500_000L, "PT0.5S")]
    [InlineData(90_000_000_000L, "P1DT1H")]
    public void Steps_are_iso_8601_durations(long microseconds, string expected) => Assert.Equal(expected, TemporalStep.ToIsoDuration(microseconds));

    [Fact]
    public void Monthly_labels_have_no_step_but_360_day_months_do()
    {
        var gregorian = Enumerable.Range(1, 4).Select(m => new CalendarDateTime(CfCalendar.ProlepticGregorian, 2020, m, 1)).ToArray();
        var day360 = Enumerable.Range(1, 4).Select(m => new CalendarDateTime(CfCalendar.Day360, 2020, m, 1)).ToArray();

        Assert.Null(TemporalStep.FromLabels(gregorian));
        Assert.Equal("P30D", TemporalStep.FromLabels(day360));
        Assert.Null(TemporalStep.FromLabels(gregorian[..1]));
    }

    [Fact]
    public void Stac_temporal_extents_widen_labels_that_are_not_gregorian_dates()
    {
        var february30 = new CalendarDateTime(CfCalendar.Day360, 2001, 2, 30);
        var december30 = new CalendarDateTime(CfCalendar.Day360, 2001, 12, 30, 12);

        Assert.Equal("2001-02-28T00:00:00Z", GregorianInterval.Start(february30));
        Assert.Equal("2001-03-01T00:00:00Z", GregorianInterval.End(february30));
        Assert.Equal("2001-12-30T12:00:00Z", GregorianInterval.End(december30));
        Assert.Equal("2000-02-29T00:00:00Z", GregorianInterval.End(new CalendarDateTime(CfCalendar.AllLeap, 2000, 2, 29)));
        Assert.Equal("2001-03-01T00:00:00Z", GregorianInterval.End(new CalendarDateTime(CfCalendar.AllLeap, 2001, 2, 29)));
        Assert.Null(GregorianInterval.End(new CalendarDateTime(CfCalendar.ProlepticGregorian, 12000, 1, 1)));
    }

    private static System.Text.Json.JsonElement Element(JsonNode node) => System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
}
