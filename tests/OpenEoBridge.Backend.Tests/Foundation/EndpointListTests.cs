using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

namespace OpenEoBridge.Backend.Tests.Foundation;

/// <summary>Capabilities must list exactly what works, with the spec's paths and placeholder names.</summary>
public sealed partial class EndpointListTests : IDisposable
{
    private readonly TempDirectory data = new();
    private readonly OpenEoAppFactory factory;

    public EndpointListTests()
    {
        // With an OIDC provider configured (its issuer need not answer) every account endpoint is mapped.
        factory = new OpenEoAppFactory(data.Path, new Dictionary<string, string?>
        {
            ["OpenEo:Oidc:Providers:test:Issuer"] = "http://127.0.0.1:9/",
            ["OpenEo:Oidc:Providers:test:Title"] = "Test",
            ["OpenEo:Oidc:Providers:test:Audiences:0"] = "openeo",
        });
    }

    private async Task<List<(string Path, string Method)>> ListedAsync()
    {
        var body = await JsonAssert.ValidResponseAsync(await factory.CreateClient().GetAsync("/openeo/1.2/"), "/");
        return body.GetProperty("endpoints").EnumerateArray()
            .SelectMany(e => e.GetProperty("methods").EnumerateArray().Select(m => (e.GetProperty("path").GetString()!, m.GetString()!)))
            .ToList();
    }

    [Fact]
    public async Task EveryListedEndpointIsInTheSpecWithItsPlaceholderNames()
    {
        var operations = OpenApiSpec.Instance.Operations;
        foreach (var (path, method) in await ListedAsync())
        {
            Assert.True(operations.TryGetValue(path, out var methods), $"{path} is not a path of openapi.yaml");
            Assert.Contains(method.ToLowerInvariant(), methods);
            Assert.False(path.EndsWith('/'), path);
        }
    }

    [Fact]
    public async Task EachPathIsListedOnce()
    {
        var body = await JsonAssert.ValidResponseAsync(await factory.CreateClient().GetAsync("/openeo/1.2/"), "/");
        var paths = body.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();

        Assert.Equal(paths.Count, paths.Distinct().Count());
    }

    [Fact]
    public async Task NoListedEndpointAnswers404Or405Or501()
    {
        var client = factory.CreateClient();
        foreach (var (path, method) in await ListedAsync())
        {
            var concrete = Placeholder().Replace(path, "example");
            using var request = new HttpRequestMessage(new HttpMethod(method), "/openeo/1.2" + concrete);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);

            // Resource endpoints may answer 404 with their own code for the made-up id, never the generic NotFound.
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.NotEqual("NotFound", error.GetProperty("code").GetString());
            }

            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.NotImplemented, response.StatusCode);
        }
    }

    [Fact]
    public async Task EveryMappedApiRouteIsListed()
    {
        var listed = (await ListedAsync()).ToHashSet();
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/openeo/1.2", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Capabilities.EndpointCatalog.OpenEoPath(e.RoutePattern), m)))
            .Where(r => r.Item1 != "/")
            .ToList();

        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            Assert.Contains(route, listed);
        }
    }

    [Fact]
    public async Task EveryPathOfTheSpecThatAnswersIsListed()
    {
        var client = factory.CreateClient();
        var listed = (await ListedAsync()).ToHashSet();
        foreach (var (path, methods) in OpenApiSpec.Instance.Operations)
        {
            if (path is "/" or "/.well-known/openeo")
            {
                continue;
            }

            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), "/openeo/1.2" + Placeholder().Replace(path, "example"));
                var response = await client.SendAsync(request);
                var unmapped = response.StatusCode is HttpStatusCode.MethodNotAllowed ||
                    (response.StatusCode == HttpStatusCode.NotFound &&
                     JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString() == "NotFound");
                if (!unmapped)
                {
                    Assert.Contains((path, method.ToUpperInvariant()), listed);
                }
            }
        }
    }

    [Fact]
    public async Task OidcEndpointIsAbsentWithoutProviders()
    {
        using var plain = new OpenEoAppFactory(data.Path);
        var client = plain.CreateClient();

        var capabilities = await JsonAssert.ValidResponseAsync(await client.GetAsync("/openeo/1.2/"), "/");
        var response = await client.GetAsync("/openeo/1.2/credentials/oidc");

        Assert.DoesNotContain(capabilities.GetProperty("endpoints").EnumerateArray(), e => e.GetProperty("path").GetString() == "/credentials/oidc");
        await JsonAssert.ErrorAsync(response, 404, "NotFound");
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    public void Dispose()
    {
        factory.Dispose();
        data.Dispose();
    }
}
