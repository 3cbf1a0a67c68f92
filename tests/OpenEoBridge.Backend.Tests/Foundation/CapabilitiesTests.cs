using System.Net;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Foundation;

public sealed class CapabilitiesTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly OpenEoAppFactory factory;

    public CapabilitiesTests()
    {
        factory = new OpenEoAppFactory(data.Path);
    }

    [Fact]
    public async Task CapabilitiesMatchTheSpecAndAnnounceApi120()
    {
        var response = await factory.CreateClient().GetAsync("/openeo/1.2/");

        var body = await JsonAssert.ValidResponseAsync(response, "/");
        Assert.Equal("1.2.0", body.GetProperty("api_version").GetString());
        Assert.Equal("1.0.0", body.GetProperty("stac_version").GetString());
        Assert.False(body.GetProperty("production").GetBoolean());
        Assert.Contains(body.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "version-history");
    }

    [Fact]
    public async Task ConformanceIsIdenticalInBothPlaces()
    {
        var client = factory.CreateClient();
        var capabilities = await JsonAssert.ValidResponseAsync(await client.GetAsync("/openeo/1.2/"), "/");
        var conformance = await JsonAssert.ValidResponseAsync(await client.GetAsync("/openeo/1.2/conformance"), "/conformance");

        Assert.Equal(conformance.GetProperty("conformsTo").GetRawText(), capabilities.GetProperty("conformsTo").GetRawText());
        Assert.Contains(conformance.GetProperty("conformsTo").EnumerateArray(), c => c.GetString() == "https://api.openeo.org/1.2.0");
    }

    [Fact]
    public async Task WellKnownPointsAtTheVersionedRoot()
    {
        var response = await factory.CreateClient().GetAsync("/.well-known/openeo");

        var body = await JsonAssert.ValidResponseAsync(response, "/.well-known/openeo");
        var version = Assert.Single(body.GetProperty("versions").EnumerateArray());
        Assert.Equal("http://localhost/openeo/1.2/", version.GetProperty("url").GetString());
        Assert.Equal("1.2.0", version.GetProperty("api_version").GetString());
    }

    [Fact]
    public async Task ConfiguredPublicUrlIsUsedForAbsoluteUrls()
    {
        using var configured = new OpenEoAppFactory(data.Path, new Dictionary<string, string?> { ["OpenEo:PublicUrl"] = "https://eo.example/base/" });

        var body = await JsonAssert.ValidResponseAsync(await configured.CreateClient().GetAsync("/.well-known/openeo"), "/.well-known/openeo");

        Assert.Equal("https://eo.example/base/openeo/1.2/", body.GetProperty("versions")[0].GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/file_formats")]
    [InlineData("/service_types")]
    [InlineData("/udf_runtimes")]
    public async Task DiscoveryDocumentsMatchTheSpec(string path)
    {
        var response = await factory.CreateClient().GetAsync("/openeo/1.2" + path);

        await JsonAssert.ValidResponseAsync(response, path);
    }

    [Fact]
    public async Task HealthEndpointAnswersOutsideTheApiRoot()
    {
        var response = await factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        factory.Dispose();
        data.Dispose();
    }
}
