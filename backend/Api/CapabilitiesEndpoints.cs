using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Api.Models;
using OpenEoBridge.Backend.Capabilities;
using OpenEoBridge.Backend.Configuration;
using OpenEoBridge.Backend.Hosting;

namespace OpenEoBridge.Backend.Api;

/// <summary>openEO tag "Capabilities": <c>GET /</c>, <c>/conformance</c>, <c>/file_formats</c>, <c>/service_types</c>, <c>/udf_runtimes</c>.</summary>
public sealed class CapabilitiesEndpoints : IOpenEoEndpoints
{
    public const string StacVersion = "1.0.0";

    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", GetCapabilities);
        api.MapGet("/conformance", (Conformance conformance) => TypedResults.Ok(new ConformanceDocument(conformance.Classes)));
        api.MapGet("/file_formats", GetFileFormats);
        api.MapGet("/service_types", (IEnumerable<IServiceTypeSource> sources) => TypedResults.Ok(Merge(sources.Select(s => s.ServiceTypes))));
        api.MapGet("/udf_runtimes", (IEnumerable<IUdfRuntimeSource> sources) => TypedResults.Ok(Merge(sources.Select(s => s.UdfRuntimes))));
    }

    private static Ok<CapabilitiesDocument> GetCapabilities(
        HttpRequest request, IOptions<OpenEoOptions> options, EndpointCatalog catalog, Conformance conformance, PublicUrls urls)
    {
        var settings = options.Value;
        var links = new List<Link>
        {
            new(urls.ServerRoot(request) + "/.well-known/openeo", "version-history", "application/json", "Supported openEO versions"),
            new(urls.Api(request, "conformance"), "conformance", "application/json", "Conformance classes"),
            new(urls.ApiRoot(request), "self", "application/json", "Capabilities"),
        };
        if (catalog.List().Any(e => e.Path == "/collections"))
        {
            links.Add(new Link(urls.Api(request, "collections"), "data", "application/json", "Collections"));
        }

        return TypedResults.Ok(new CapabilitiesDocument(
            OpenEoApiRoot.ApiVersion,
            BackendVersion.Value,
            StacVersion,
            "Catalog",
            settings.Id,
            settings.Title,
            settings.Description,
            settings.Production,
            conformance.Classes,
            catalog.List(),
            links));
    }

    private static Ok<JsonObject> GetFileFormats(IEnumerable<IFileFormatSource> sources)
    {
        var all = sources.ToList();
        return TypedResults.Ok(new JsonObject
        {
            ["input"] = Merge(all.Select(s => s.InputFormats)),
            ["output"] = Merge(all.Select(s => s.OutputFormats)),
        });
    }

    private static JsonObject Merge(IEnumerable<IReadOnlyDictionary<string, JsonObject>> parts)
    {
        var merged = new JsonObject();
        foreach (var part in parts)
        {
            foreach (var (name, value) in part)
            {
                merged[name] = value.DeepClone();
            }
        }

        return merged;
    }
}
