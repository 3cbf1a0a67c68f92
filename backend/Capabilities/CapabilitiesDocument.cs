using System.Text.Json.Serialization;
using OpenEoBridge.Backend.Api.Models;

namespace OpenEoBridge.Backend.Capabilities;

/// <summary>The body of <c>GET /</c>.</summary>
public sealed record CapabilitiesDocument(
    [property: JsonPropertyName("api_version")] string ApiVersion,
    [property: JsonPropertyName("backend_version")] string BackendVersion,
    [property: JsonPropertyName("stac_version")] string StacVersion,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("production")] bool Production,
    [property: JsonPropertyName("conformsTo")] IReadOnlyList<string> ConformsTo,
    [property: JsonPropertyName("endpoints")] IReadOnlyList<EndpointDescription> Endpoints,
    [property: JsonPropertyName("links")] IReadOnlyList<Link> Links);

public sealed record ConformanceDocument([property: JsonPropertyName("conformsTo")] IReadOnlyList<string> ConformsTo);

public sealed record WellKnownDocument([property: JsonPropertyName("versions")] IReadOnlyList<WellKnownVersion> Versions);

public sealed record WellKnownVersion(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("api_version")] string ApiVersion,
    [property: JsonPropertyName("production")] bool Production);
