using System.Text.Json.Serialization;

namespace OpenEoBridge.Backend.Api.Models;

/// <summary>A web link as used throughout the openEO API (<c>components/schemas/link</c>).</summary>
public sealed record Link(
    [property: JsonPropertyName("href")] string Href,
    [property: JsonPropertyName("rel")] string Rel,
    [property: JsonPropertyName("type"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type = null,
    [property: JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title = null);
