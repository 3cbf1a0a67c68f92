using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Capabilities;
using OpenEoBridge.Backend.Configuration;
using OpenEoBridge.Backend.Hosting;

namespace OpenEoBridge.Backend.Api;

/// <summary>Endpoints outside the versioned root: the openEO well-known document and the operators' health check.</summary>
public static class DiscoveryEndpoints
{
    public const string HealthPath = "/health";

    public static void MapDiscovery(this WebApplication app)
    {
        app.MapGet("/.well-known/openeo", (HttpRequest request, PublicUrls urls, IOptions<OpenEoOptions> options) =>
            TypedResults.Ok(new WellKnownDocument([new WellKnownVersion(urls.ApiRoot(request), OpenEoApiRoot.ApiVersion, options.Value.Production)])));
        app.MapHealthChecks(HealthPath);
    }
}
