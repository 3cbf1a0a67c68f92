using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Catalog;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;
using OpenEoBridge.Storage.Locations;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary><c>OpenEo:Catalog</c> is checked at start-up: every problem stops the start with a message naming the key.</summary>
public sealed class CatalogConfigurationTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Theory]
    [InlineData("Sources:0:Id", "has space", "Sources:0:Id 'has space' does not match")]
    [InlineData("Sources:0:Id", "a/b", "'/' is not supported")]
    [InlineData("Sources:0:Location", "ftp://host/x.zarr", "unsupported scheme 'ftp'")]
    [InlineData("Sources:0:S3Profile", "nope", "S3Profile is set but the location is not an s3://")]
    [InlineData("RefreshInterval", "00:00:00", "RefreshInterval must be positive")]
    [InlineData("Sources:0:Group", "../up", "must not contain '.' or '..'")]
    public void Invalid_sources_stop_the_start_with_a_clear_message(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Demo"] = "false",
            ["OpenEo:Catalog:Sources:0:Location"] = "/data/a.zarr",
            [$"OpenEo:Catalog:{key}"] = value,
        };
        using var factory = new OpenEoAppFactory(_data.Path, settings);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Duplicate_ids_configured_or_derived_stop_the_start()
    {
        using var factory = new OpenEoAppFactory(_data.Path, new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Demo"] = "false",
            ["OpenEo:Catalog:Sources:0:Location"] = "/data/one/precip.zarr",
            ["OpenEo:Catalog:Sources:1:Location"] = "s3://bucket/archive/precip.zarr",
            ["OpenEo:Catalog:Sources:2:Location"] = "/data/x.zarr",
            ["OpenEo:Catalog:Sources:2:Id"] = "same",
            ["OpenEo:Catalog:Sources:3:Location"] = "/data/y.zarr",
            ["OpenEo:Catalog:Sources:3:Id"] = "same",
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("OpenEo:Catalog:Sources:1: collection id 'precip' is already used by OpenEo:Catalog:Sources:0", error.Message);
        Assert.Contains("OpenEo:Catalog:Sources:3: collection id 'same' is already used by OpenEo:Catalog:Sources:2", error.Message);
    }

    [Fact]
    public void Unknown_keys_under_the_catalog_stop_the_start()
    {
        using var factory = new OpenEoAppFactory(_data.Path, new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Sources:0:Location"] = "/data/a.zarr",
            ["OpenEo:Catalog:Sources:0:Titel"] = "typo",
            ["OpenEo:Catalog:Sources:0:Keywords:0"] = "fine",
            ["OpenEo:Catalog:RefreshIntervall"] = "00:01:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("OpenEo:Catalog:Sources:0:Titel is not a catalogue source setting", error.Message);
        Assert.Contains("OpenEo:Catalog:RefreshIntervall is not a catalogue setting", error.Message);
        Assert.DoesNotContain("Keywords", error.Message);
    }

    [Fact]
    public void S3_profiles_must_exist_in_the_storage_section()
    {
        using var factory = new OpenEoAppFactory(_data.Path, new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Demo"] = "false",
            ["OpenEo:Catalog:Sources:0:Location"] = "s3://bucket/a.zarr",
            ["OpenEo:Catalog:Sources:0:S3Profile"] = "archive",
            ["OpenEo:Storage:S3Profiles:other:ServiceUrl"] = "http://127.0.0.1:9",
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("S3Profile 'archive' is not defined under OpenEo:Storage:S3Profiles", error.Message);
    }

    [Theory]
    [InlineData("/data/CHIRPS v2.0.zarr", null, "CHIRPS_v2.0")]
    [InlineData("s3://bucket/archive/era5.zarr", null, "era5")]
    [InlineData("s3://bucket", null, "bucket")]
    [InlineData("https://data.example/cubes/sst.ZARR/", null, "sst")]
    [InlineData("/data/era5.zarr", "/surface/daily/", "era5.surface.daily")]
    public void Ids_are_derived_from_the_store_name_and_group(string location, string? group, string expected)
    {
        var id = CollectionIds.Derive(StoreLocation.Parse(location), CatalogSource.NormaliseGroup(group));

        Assert.Equal(expected, id);
        Assert.True(CollectionIds.IsValid(id));
    }

    [Theory]
    [InlineData("Sentinel-2A", true)]
    [InlineData("a.b~c_d", true)]
    [InlineData("ümlaut", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void Ids_follow_the_openeo_pattern_without_slashes(string id, bool valid) => Assert.Equal(valid, CollectionIds.IsValid(id));

    public void Dispose() => _data.Dispose();
}
