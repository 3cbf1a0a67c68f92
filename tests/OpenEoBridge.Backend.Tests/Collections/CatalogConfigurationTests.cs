using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Catalog;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;
using OpenEoBridge.Storage.Locations;

namespace OpenEoBridge.Backend.Tests.Collections;

/// <summary>
/// <c>OpenEo:Catalog</c> is checked at start-up: every problem stops the start with a message naming the key. The
/// rules are tested on the validator; one test shows that a problem stops the server.
/// </summary>
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
        var errors = Validate(new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Sources:0:Location"] = "/data/a.zarr",
            [$"OpenEo:Catalog:{key}"] = value,
        });

        Assert.Contains(expected, errors);
    }

    [Fact]
    public void An_invalid_catalogue_stops_the_server_start()
    {
        using var factory = new OpenEoAppFactory(_data.Path, new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Demo"] = "false",
            ["OpenEo:Catalog:Sources:0:Location"] = "/data/a.zarr",
            ["OpenEo:Catalog:Sources:0:Id"] = "not valid",
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Sources:0:Id 'not valid' does not match", error.Message);
    }

    [Fact]
    public void A_valid_catalogue_passes()
    {
        Assert.Empty(Validate(new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Sources:0:Location"] = "s3://bucket/a.zarr",
            ["OpenEo:Catalog:Sources:0:S3Profile"] = "archive",
            ["OpenEo:Catalog:Sources:0:Keywords:0"] = "rain",
            ["OpenEo:Catalog:Sources:1:Location"] = "https://data.example/b.zarr",
            ["OpenEo:Catalog:Sources:1:Group"] = "level/0",
            ["OpenEo:Storage:S3Profiles:archive:ServiceUrl"] = "http://127.0.0.1:9",
        }));
    }

    [Fact]
    public void Duplicate_ids_configured_or_derived_stop_the_start()
    {
        var error = Validate(new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Sources:0:Location"] = "/data/one/precip.zarr",
            ["OpenEo:Catalog:Sources:1:Location"] = "s3://bucket/archive/precip.zarr",
            ["OpenEo:Catalog:Sources:2:Location"] = "/data/x.zarr",
            ["OpenEo:Catalog:Sources:2:Id"] = "same",
            ["OpenEo:Catalog:Sources:3:Location"] = "/data/y.zarr",
            ["OpenEo:Catalog:Sources:3:Id"] = "same",
        });

        Assert.Contains("OpenEo:Catalog:Sources:1: collection id 'precip' is already used by OpenEo:Catalog:Sources:0", error);
        Assert.Contains("OpenEo:Catalog:Sources:3: collection id 'same' is already used by OpenEo:Catalog:Sources:2", error);
    }

    [Fact]
    public void Unknown_keys_under_the_catalog_stop_the_start()
    {
        var error = Validate(new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Sources:0:Location"] = "/data/a.zarr",
            ["OpenEo:Catalog:Sources:0:Titel"] = "typo",
            ["OpenEo:Catalog:Sources:0:Keywords:0"] = "fine",
            ["OpenEo:Catalog:RefreshIntervall"] = "00:01:00",
        });

        Assert.Contains("OpenEo:Catalog:Sources:0:Titel is not a catalogue source setting", error);
        Assert.Contains("OpenEo:Catalog:RefreshIntervall is not a catalogue setting", error);
        Assert.DoesNotContain("Keywords", error);
    }

    [Fact]
    public void S3_profiles_must_exist_in_the_storage_section()
    {
        var error = Validate(new Dictionary<string, string?>
        {
            ["OpenEo:Catalog:Sources:0:Location"] = "s3://bucket/a.zarr",
            ["OpenEo:Catalog:Sources:0:S3Profile"] = "archive",
            ["OpenEo:Storage:S3Profiles:other:ServiceUrl"] = "http://127.0.0.1:9",
        });

        Assert.Contains("S3Profile 'archive' is not defined under OpenEo:Storage:S3Profiles", error);
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

    /// <summary>Binds the settings as the server does and returns the validator's messages, one per line.</summary>
    private static string Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var catalog = configuration.GetSection(CatalogOptions.SectionName).Get<CatalogOptions>() ?? new CatalogOptions();
        var storage = configuration.GetSection(CatalogServiceRegistration.StorageSectionName).Get<StorageOptions>() ?? new StorageOptions();
        var result = new CatalogOptionsValidator(Options.Create(storage), configuration).Validate(null, catalog);
        return result.Failed ? string.Join('\n', result.Failures) : string.Empty;
    }

    public void Dispose() => _data.Dispose();
}
