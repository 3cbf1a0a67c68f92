using System.Text.Json.Serialization;

namespace OpenEoBridge.Backend.Api.Models;

/// <summary>Body of <c>GET /credentials/basic</c>: the token, without the <c>basic//</c> prefix clients add.</summary>
public sealed record BasicTokenResponse([property: JsonPropertyName("access_token")] string AccessToken);

public sealed record OidcProvidersDocument([property: JsonPropertyName("providers")] IReadOnlyList<OidcProviderDescription> Providers);

public sealed record OidcProviderDescription(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("default_clients"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<OidcDefaultClient>? DefaultClients,
    [property: JsonPropertyName("links")] IReadOnlyList<Link> Links);

public sealed record OidcDefaultClient(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("grant_types")] IReadOnlyList<string> GrantTypes,
    [property: JsonPropertyName("redirect_urls"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? RedirectUrls);

/// <summary>
/// Body of <c>GET /me</c>. Storage and budget are left out until quotas exist: the Python client's strict
/// response validation rejects <c>null</c> there, and absent means "not reported".
/// </summary>
public sealed record UserDescription(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("links")] IReadOnlyList<Link> Links);
