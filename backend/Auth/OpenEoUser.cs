using System.Security.Claims;

namespace OpenEoBridge.Backend.Auth;

/// <summary>
/// The authenticated caller. <see cref="AccessToken"/> and <see cref="ProviderId"/> are kept so that later
/// work (forwarding to a remote back-end with the same identity) can reuse the credentials the user sent.
/// </summary>
public sealed record OpenEoUser(string UserId, string Name, string Method, string? ProviderId, string AccessToken)
{
    public const string BasicMethod = "basic";
    public const string OidcMethod = "oidc";

    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, UserId),
            new(ClaimTypes.Name, Name),
            new(OpenEoClaimTypes.Method, Method),
            new(OpenEoClaimTypes.AccessToken, AccessToken),
        };
        if (ProviderId is not null)
        {
            claims.Add(new Claim(OpenEoClaimTypes.Provider, ProviderId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, OpenEoAuthenticationHandler.SchemeName, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The user behind an authenticated principal, or null for anonymous requests.</summary>
    public static OpenEoUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        return new OpenEoUser(
            id,
            principal.FindFirstValue(ClaimTypes.Name) ?? id,
            principal.FindFirstValue(OpenEoClaimTypes.Method) ?? string.Empty,
            principal.FindFirstValue(OpenEoClaimTypes.Provider),
            principal.FindFirstValue(OpenEoClaimTypes.AccessToken) ?? string.Empty);
    }
}

public static class OpenEoClaimTypes
{
    public const string Method = "openeo:method";
    public const string Provider = "openeo:provider";
    public const string AccessToken = "openeo:access_token";
}
