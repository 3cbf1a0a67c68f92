using System.Text.Json.Serialization;
using OpenEoBridge.Backend.Api.Models;

namespace OpenEoBridge.Backend.Errors;

/// <summary>The openEO error document sent with every 4xx/5xx response.</summary>
public sealed record OpenEoErrorBody(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("links")] IReadOnlyList<Link> Links);
