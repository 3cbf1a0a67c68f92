using OpenEoBridge.Storage.FileSystem;
using OpenEoBridge.Storage.Http;
using OpenEoBridge.Storage.Locations;
using OpenEoBridge.Storage.S3;

namespace OpenEoBridge.Storage.Tests.Locations;

public sealed class StoreLocationTests
{
    [Theory]
    [InlineData("s3://bucket", "bucket", "")]
    [InlineData("s3://my-bucket/a/b.zarr/", "my-bucket", "a/b.zarr")]
    [InlineData("S3://data.eo/era5", "data.eo", "era5")]
    public void S3_locations_give_bucket_and_prefix(string text, string bucket, string prefix)
    {
        var location = StoreLocation.Parse(text);
        Assert.Equal(StoreKind.S3, location.Kind);
        Assert.Equal(bucket, location.S3!.Bucket);
        Assert.Equal(prefix, location.S3.Prefix);
    }

    [Fact]
    public void Local_paths_and_file_urls_give_absolute_folders()
    {
        Assert.Equal("/data/x.zarr", StoreLocation.Parse("file:///data/x.zarr").Path);
        Assert.Equal("/data/x.zarr", StoreLocation.Parse("/data/x.zarr").Path);
        Assert.Equal(Path.GetFullPath("rel/x.zarr"), StoreLocation.Parse("rel/x.zarr").Path);
        Assert.Equal(StoreKind.FileSystem, StoreLocation.Parse("file://localhost/tmp").Kind);
    }

    [Fact]
    public void Http_locations_keep_the_url()
    {
        var location = StoreLocation.Parse("https://example.org/data/cube.zarr?sig=1");
        Assert.Equal(StoreKind.Http, location.Kind);
        Assert.Equal("https://example.org/data/cube.zarr", location.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftp://host/x")]
    [InlineData("s3://")]
    [InlineData("s3://UPPER/x")]
    [InlineData("s3://bucket/../escape")]
    [InlineData("file://remote-host/x")]
    [InlineData("https://user:pw@example.org/x")]
    public void Bad_locations_are_refused_with_a_format_error(string text)
    {
        var error = Assert.Throws<FormatException>(() => StoreLocation.Parse(text));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Factory_opens_the_store_kind_the_location_names()
    {
        var options = new StorageOptions();
        options.S3Profiles["eo"] = new S3ProfileOptions { ServiceUrl = "http://127.0.0.1:9", AccessKey = "k", SecretKey = "s" };
        using var factory = new StoreFactory(options);

        var s3 = Assert.IsType<S3Store>(factory.Open("s3://bucket/prefix", "eo", writable: true));
        Assert.Equal("eo", s3.ProfileName);
        Assert.Equal("prefix", s3.Prefix);
        Assert.True(s3.IsWritable);
        Assert.IsType<FileSystemStore>(factory.Open("/tmp/some.zarr"));
        var http = Assert.IsType<HttpStore>(factory.Open("https://example.org/cube.zarr"));
        Assert.False(http.CanList);
        Assert.Throws<ArgumentException>(() => factory.Open("https://example.org/cube.zarr", writable: true));
        var unknown = Assert.Throws<ArgumentException>(() => factory.Open("s3://bucket", "nope"));
        Assert.Contains("eo", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_profiles_are_refused_when_the_factory_is_made()
    {
        var options = new StorageOptions();
        options.S3Profiles["half"] = new S3ProfileOptions { Credentials = S3CredentialSource.Static, AccessKey = "only-the-key" };
        var error = Assert.Throws<ArgumentException>(() => new StoreFactory(options));
        Assert.Contains("half", error.Message, StringComparison.Ordinal);
    }
}
