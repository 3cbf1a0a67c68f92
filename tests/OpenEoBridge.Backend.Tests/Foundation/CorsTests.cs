using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenEoBridge.Backend.Api;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Foundation;

/// <summary>CORS headers on every kind of answer, and 204 for OPTIONS anywhere without authentication.</summary>
public sealed class CorsTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly OpenEoAppFactory factory;

    public CorsTests()
    {
        factory = new OpenEoAppFactory(data.Path, services: services => services.AddOpenEoEndpoints<TestOnlyEndpoints>());
    }

    [Theory]
    [InlineData("/openeo/1.2/", HttpStatusCode.OK)]
    [InlineData("/.well-known/openeo", HttpStatusCode.OK)]
    [InlineData("/openeo/1.2/me", HttpStatusCode.Unauthorized)]
    [InlineData("/openeo/1.2/nothing", HttpStatusCode.NotFound)]
    [InlineData("/openeo/1.2/test/throw", HttpStatusCode.InternalServerError)]
    public async Task EveryResponseCarriesCorsHeaders(string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://editor.openeo.org");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        AssertCorsHeaders(response);
    }

    [Fact]
    public async Task ForbiddenTokenAnswerCarriesCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openeo/1.2/me");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer basic//forged.token");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertCorsHeaders(response);
    }

    [Theory]
    [InlineData("/openeo/1.2/")]
    [InlineData("/openeo/1.2/me")]
    [InlineData("/openeo/1.2/jobs/abc/results")]
    [InlineData("/anything/at/all")]
    public async Task OptionsAnswers204WithoutAuthentication(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", "https://editor.openeo.org");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        AssertCorsHeaders(response);
        var methods = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods"));
        foreach (var method in new[] { "GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS" })
        {
            Assert.Contains(method, methods);
        }

        Assert.Contains("Authorization", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")));
        Assert.True(int.Parse(response.Headers.GetValues("Access-Control-Max-Age").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    private static void AssertCorsHeaders(HttpResponseMessage response)
    {
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var exposed = string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")).Split(',', StringSplitOptions.TrimEntries);
        foreach (var header in new[] { "Link", "Location", "OpenEO-Costs", "OpenEO-Identifier" })
        {
            Assert.Contains(header, exposed);
        }

        // CORS-safelisted response headers must not be listed.
        Assert.DoesNotContain("Content-Type", exposed);
    }

    public void Dispose()
    {
        factory.Dispose();
        data.Dispose();
    }
}
